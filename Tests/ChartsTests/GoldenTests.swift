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
        let narrow = ConnectivityChart.svg(spec, layout: .narrow)
        expectWellFormed(narrow)
        Golden.check(name + "-narrow.svg", narrow)
        // Deterministic: the same input gives the same bytes.
        #expect(ConnectivityChart.svg(spec) == svg)
        // Prepared once for the page and the file: the page has the wide drawing, then the
        // narrow one, which shows the wide one's lines (see NarrowLayoutTests); the file is
        // what drawing it alone gives.
        var file = spec
        file.standalone = true
        let (inline, standalone) = ConnectivityChart.svgsUTF8(spec)
        let page = String(decoding: inline, as: UTF8.self)
        #expect(page.hasPrefix(svg))
        #expect(NarrowLayoutTests.withoutSeries(String(page.dropFirst(svg.count))) == NarrowLayoutTests.withoutSeries(narrow))
        #expect(String(decoding: standalone, as: UTF8.self) == ConnectivityChart.svg(file))
        #expect(ConnectivityChart.svgsUTF8(file).standalone == standalone)
        // SVG 1.1 (a standalone file) has no vector-effect; the page's drawings use it.
        #expect(!String(decoding: standalone, as: UTF8.self).contains("vector-effect"))
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
        let narrow = TimelineStrip.svg(Fixtures.strip, layout: .narrow)
        expectWellFormed(narrow)
        Golden.check("timeline-strip-narrow.svg", narrow)
        #expect(TimelineStrip.inlineUTF8(Fixtures.strip) == Array(svg.utf8) + TimelineStrip.svgUTF8(Fixtures.strip, layout: .narrow, companion: true))
        #expect(NarrowLayoutTests.withoutSeries(String(decoding: TimelineStrip.svgUTF8(Fixtures.strip, layout: .narrow, companion: true), as: UTF8.self))
                == NarrowLayoutTests.withoutSeries(narrow))
    }

    @Test func archiveTimeline() {
        let svg = ArchiveTimeline.svg(Fixtures.archive, idPrefix: "archive")
        expectWellFormed(svg)
        Golden.check("archive-timeline.svg", svg)
        let narrow = ArchiveTimeline.svg(Fixtures.archive, idPrefix: "archive", layout: .narrow)
        expectWellFormed(narrow)
        Golden.check("archive-timeline-narrow.svg", narrow)
        #expect(ArchiveTimeline.inlineSVG(Fixtures.archive, idPrefix: "archive") == svg + narrow)
    }

    @Test func archiveStrip() {
        let svg = ArchiveTimeline.smallSVG(Fixtures.archive, idPrefix: "home-strip")
        expectWellFormed(svg)
        Golden.check("archive-strip.svg", svg)
        let narrow = ArchiveTimeline.smallSVG(Fixtures.archive, idPrefix: "home-strip", layout: .narrow)
        expectWellFormed(narrow)
        Golden.check("archive-strip-narrow.svg", narrow)
        #expect(ArchiveTimeline.inlineSmallSVG(Fixtures.archive, idPrefix: "home-strip") == svg + narrow)
    }

    @Test func outageHours() {
        let title = "Outage hours per year, North Korea"
        let svg = OutageHoursChart.svg(Fixtures.hours, idPrefix: "hours-kp", title: title)
        expectWellFormed(svg)
        Golden.check("outage-hours.svg", svg)
        let narrow = OutageHoursChart.svg(Fixtures.hours, idPrefix: "hours-kp", title: title, layout: .narrow)
        expectWellFormed(narrow)
        Golden.check("outage-hours-narrow.svg", narrow)
        #expect(OutageHoursChart.inlineSVG(Fixtures.hours, idPrefix: "hours-kp", title: title) == svg + narrow)
    }
}
