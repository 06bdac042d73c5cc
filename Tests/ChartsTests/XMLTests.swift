import Testing
@testable import Charts
import OutageData

struct XMLTests {
    static let hostile = "Outage <script>alert('x')</script> & \"quotes\" ]]> \u{1}\u{B}\u{FFFE} 🛰️ Ünïcødé"
    static let hostileClean = "Outage <script>alert('x')</script> & \"quotes\" ]]> \u{FFFD}\u{FFFD}\u{FFFD} 🛰️ Ünïcødé"

    @Test func hostileTextIsEscapedEverywhere() throws {
        var spec = Fixtures.byMax
        spec.title = Self.hostile
        spec.description = Self.hostile
        spec.idPrefix = "a b\"<c>"
        spec.signals[0].label = Self.hostile
        spec.signals[0].unit = "<u>"
        spec.signals[1].color = "red;} body{display:none"
        spec.events[0] = ChartEvent(number: 1, time: Fixtures.start, label: Self.hostile)
        let svg = ConnectivityChart.svg(spec)
        let elements = expectWellFormed(svg)
        #expect(!svg.contains("<script>"))
        #expect(!svg.contains("display:none"))
        #expect(elements.first { $0.name == "title" }?.text == Self.hostileClean)
        #expect(elements.first { $0.name == "desc" }?.text.hasPrefix(Self.hostileClean) == true)
        #expect(elements.first?.attributes["id"] == "a-b--c-")

        let table = ConnectivityChart.table(spec)
        expectWellFormed(table)
        #expect(!table.contains("<script>"))
        #expect(!table.contains("<u>"))

        let strip = TimelineStrip.svg(TimelineStripSpec(range: (Fixtures.start, Fixtures.end),
                                                        events: spec.events, window: nil, idPrefix: "1<"))
        let stripElements = expectWellFormed(strip)
        #expect(stripElements.first?.attributes["id"] == "c1-")

        let archive = ArchiveTimeline.svg(Fixtures.archive + [
            ArchiveItem(start: Fixtures.start, end: nil, title: Self.hostile, href: "\" onclick=\"x", status: .resolved),
        ], idPrefix: "archive")
        let archiveElements = expectWellFormed(archive)
        #expect(!archive.contains("javascript:"))
        #expect(!archive.contains("onclick=\""))
        let links = archiveElements.filter { $0.name == "a" }.compactMap { $0.attributes["href"] }
        #expect(links.contains("incidents/a-b/?x=1&y=2"))
        #expect(links.contains("https://example.org/x"))
        #expect(Set(links).count == 5)

        expectWellFormed(ArchiveTimeline.smallSVG(Fixtures.archive, idPrefix: "<small>"))
        expectWellFormed(OutageHoursChart.svg(Fixtures.hours, idPrefix: "h", title: Self.hostile))
    }

    @Test func emptyInputsStillGiveValidSVG() {
        expectWellFormed(ConnectivityChart.svg(ChartSpec(title: "", description: "", signals: [])))
        expectWellFormed(ConnectivityChart.table(ChartSpec(title: "", description: "", signals: [])))
        expectWellFormed(TimelineStrip.svg(TimelineStripSpec(range: (0, 0), events: [])))
        expectWellFormed(ArchiveTimeline.svg([], idPrefix: ""))
        expectWellFormed(ArchiveTimeline.smallSVG([], idPrefix: ""))
        expectWellFormed(OutageHoursChart.svg([], idPrefix: "", title: "None"))
    }

    @Test func extremeNumbersStayInsideAndWellFormed() {
        let spec = ChartSpec(title: "Extremes", description: "", signals: [
            ChartSignal(label: "Huge", points: [
                ChartPoint(time: Int64.min, value: -Double.greatestFiniteMagnitude),
                ChartPoint(time: 0, value: Double.greatestFiniteMagnitude),
                ChartPoint(time: Int64.max, value: .infinity),
            ]),
            ChartSignal(label: "Tiny", points: [ChartPoint(time: 5, value: 1e-300), ChartPoint(time: 6, value: -1e-300)]),
        ], window: (Int64.min, nil), events: [ChartEvent(number: 1, time: Int64.max, label: "End of time")], height: -5)
        let svg = ConnectivityChart.svg(spec)
        expectWellFormed(svg)
        #expect(!svg.contains("nan") && !svg.contains("inf"))
        expectWellFormed(ArchiveTimeline.svg([ArchiveItem(start: Int64.min, end: Int64.max, title: "All of time", href: "x", status: .resolved)], idPrefix: "x"))
        expectWellFormed(OutageHoursChart.svg([(Int.min, .nan), (2014, 1e300), (2015, -4)], idPrefix: "x", title: "x"))
    }
}
