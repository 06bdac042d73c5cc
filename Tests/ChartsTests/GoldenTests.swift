import Testing
@testable import Charts
import OutageData

/// Byte-for-byte comparisons with the files in Golden/ (re-record with RECORD=1).
struct GoldenTests {
    @Test(arguments: Fixtures.charts.map(\.0))
    func connectivityChart(_ name: String) throws {
        let spec = try #require(Fixtures.charts.first { $0.0 == name }?.1)
        let svg = ConnectivityChart.svg(spec)
        expectWellFormed(svg)
        Golden.check(name + ".svg", svg)
        // Deterministic: the same input gives the same bytes.
        #expect(ConnectivityChart.svg(spec) == svg)
        // Drawn once for the page and the file: each is what drawing it alone gives.
        var file = spec
        file.standalone = true
        let (inline, standalone) = ConnectivityChart.svgsUTF8(spec)
        #expect(String(decoding: inline, as: UTF8.self) == svg)
        #expect(String(decoding: standalone, as: UTF8.self) == ConnectivityChart.svg(file))
        #expect(ConnectivityChart.svgsUTF8(file).standalone == standalone)
    }

    @Test func dataTable() {
        let html = ConnectivityChart.table(Fixtures.byBaseline)
        expectWellFormed(html)
        Golden.check("normalized-baseline-table.html", html)
    }

    @Test func timelineStrip() {
        let svg = TimelineStrip.svg(Fixtures.strip)
        expectWellFormed(svg)
        Golden.check("timeline-strip.svg", svg)
    }

    @Test func archiveTimeline() {
        let svg = ArchiveTimeline.svg(Fixtures.archive, idPrefix: "archive")
        expectWellFormed(svg)
        Golden.check("archive-timeline.svg", svg)
    }

    @Test func archiveStrip() {
        let svg = ArchiveTimeline.smallSVG(Fixtures.archive, idPrefix: "home-strip")
        expectWellFormed(svg)
        Golden.check("archive-strip.svg", svg)
    }

    @Test func outageHours() {
        let svg = OutageHoursChart.svg(Fixtures.hours, idPrefix: "hours-kp", title: "Outage hours per year, North Korea")
        expectWellFormed(svg)
        Golden.check("outage-hours.svg", svg)
    }
}
