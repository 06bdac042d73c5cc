import Testing
@testable import Charts
import OutageData

/// Every chart is drawn wide and narrow (issue 13: text at least 11 CSS px from a 320 px screen
/// up). These check the drawings themselves; `make check-site` measures them in Chromium.
struct NarrowLayoutTests {
    /// Every drawing of every kind of chart, in both layouts, from the fixtures and from
    /// inputs that stress the legend, the markers and the labels.
    static func drawings(_ layout: ChartLayout) -> [(String, String)] {
        var long = Fixtures.byBaseline
        long.reconstructed = true
        long.signals[0].label = "Announced /24 prefixes of the national incumbent, as seen by the route collectors"
        long.events = (1...120).map { ChartEvent(number: $0, time: Fixtures.start + Int64($0) * 60, label: "Event \($0)") }
        let many = ArchiveTests.manyIncidents(3_000)
        var drawings: [(String, String)] = Fixtures.charts.map { ($0.0, ConnectivityChart.svg($0.1, layout: layout)) }
        drawings += [
            ("long legend, 120 events", ConnectivityChart.svg(long, layout: layout)),
            ("strip", TimelineStrip.svg(Fixtures.strip, layout: layout)),
            ("archive", ArchiveTimeline.svg(Fixtures.archive, idPrefix: "a", layout: layout)),
            ("archive, dense", ArchiveTimeline.svg(many, idPrefix: "d", layout: layout)),
            ("home strip", ArchiveTimeline.smallSVG(Fixtures.archive, idPrefix: "h", layout: layout)),
            ("hours", OutageHoursChart.svg(Fixtures.hours, idPrefix: "k", title: "Hours", layout: layout)),
            ("no hours", OutageHoursChart.svg([], idPrefix: "k", title: "Hours", layout: layout)),
        ]
        return drawings
    }

    @Test(arguments: [ChartLayout.wide, ChartLayout.narrow])
    func noTextIsSmallerThanTheLayoutsFont(_ layout: ChartLayout) {
        for (name, svg) in Self.drawings(layout) {
            let elements = expectWellFormed(svg)
            #expect(elements.first?.attributes["font-size"].flatMap(Double.init) == layout.fontSize, "\(name)")
            #expect(elements.first?.attributes["viewBox"] == "0 0 \(FixedNumber.string(layout.width, decimals: 1)) " + (elements.first?.attributes["height"] ?? ""), "\(name)")
            for element in elements {
                if let size = element.attributes["font-size"].flatMap(Double.init) {
                    #expect(size >= layout.fontSize, "\(name): <\(element.name) font-size=\(size)>")
                }
            }
            #expect(elements.contains { $0.name == "text" } || name == "home strip" || name == "all-missing", "\(name) has no text")
        }
    }

    /// The promise behind the two layouts, in CSS px: the wide drawing from the narrowest
    /// container it shows in, the narrow one from what a 320 px screen leaves (the theme's
    /// page margins take at most 30 px).
    @Test func textIsElevenPixelsWhereEachLayoutShows() {
        let wide = ChartLayout.wide.fontSize * Double(ChartLayout.narrowBelow) / ChartLayout.wide.width
        let narrow = ChartLayout.narrow.fontSize * 290 / ChartLayout.narrow.width
        #expect(wide >= 11)
        #expect(narrow >= 11)
    }

    @Test(arguments: [ChartLayout.wide, ChartLayout.narrow])
    func tickLabelsStayInsideTheDrawingAndApart(_ layout: ChartLayout) {
        for (name, spec) in Fixtures.charts {
            let elements = expectWellFormed(ConnectivityChart.svg(spec, layout: layout))
            guard let axis = elements.firstIndex(where: { $0.name == "g" && $0.attributes["class"] == "x-axis" }) else { continue }
            var previousRight = -Double.infinity
            for element in elements[(axis + 1)...] {
                guard element.name == "text", element.attributes["class"] == nil else { break }
                let x = Double(element.attributes["x"] ?? "") ?? 0
                let half = Double(element.text.count) * layout.charWidth / 2
                #expect(x - half >= previousRight, "\(name): \(element.text)")
                #expect(x - half >= 0 && x + half <= layout.width, "\(name): \(element.text)")
                previousRight = x + half
            }
        }
    }

    /// The narrow drawing starts hidden and takes the wide one's place in a narrow container;
    /// the wide drawing has no such rule, so without the narrow one it always shows.
    @Test func onlyTheNarrowDrawingCarriesTheSwitch() {
        let wide = ConnectivityChart.svg(Fixtures.steps)
        let narrow = ConnectivityChart.svg(Fixtures.steps, layout: .narrow)
        #expect(!wide.contains("@container"))
        #expect(narrow.contains("id=\"steps-n\""))
        #expect(narrow.contains("#steps-n{display:none}@container (max-width:609.98px){#steps{display:none}#steps-n{display:block}}"))
        // Two drawings in one page: no id twice.
        let ids = (expectWellFormed(wide) + expectWellFormed(narrow)).compactMap { $0.attributes["id"] }
        #expect(Set(ids).count == ids.count)
    }

    /// The drawing without what a narrow drawing beside the wide one leaves out or draws
    /// differently: its lines (from `<g class="series"` to what follows the group), titles,
    /// description and aria-labelledby.
    static func withoutSeries(_ svg: String) -> String {
        var svg = svg
        if let start = svg.range(of: "<g class=\"series\"") {
            let rest = svg[start.upperBound...]
            let end = rest.range(of: "<g class=\"legend\">") ?? rest.range(of: "<text class=\"strong no-data\"")
            svg = String(svg[..<start.lowerBound]) + String(end.map { rest[$0.lowerBound...] } ?? "")
        }
        for (open, close) in [("<title", "</title>"), ("<desc", "</desc>"), (" aria-labelledby=\"", "\"")] {
            while let start = svg.range(of: open), let end = svg[start.upperBound...].range(of: close) {
                svg.removeSubrange(start.lowerBound..<end.upperBound)
            }
        }
        return svg
    }

    /// Beside the wide drawing on a page, a narrow drawing is named by the wide one's title and
    /// description, and repeats neither them nor the markers' tooltips.
    @Test func theNarrowDrawingOnAPageIsLabelledByTheWideOne() {
        let chart = String(decoding: ConnectivityChart.svgsUTF8(Fixtures.steps).inline, as: UTF8.self)
        let strip = String(decoding: TimelineStrip.inlineUTF8(Fixtures.strip), as: UTF8.self)
        for (page, wideID) in [(chart, "steps"), (strip, sanitizedID(Fixtures.strip.idPrefix))] {
            // Two root elements: the parser reads one document at a time.
            let split = page.range(of: "<svg", range: page.index(after: page.startIndex)..<page.endIndex)
            let wide = expectWellFormed(String(page[..<(split?.lowerBound ?? page.endIndex)]))
            let narrow = expectWellFormed(String(page[(split?.lowerBound ?? page.endIndex)...]))
            #expect(narrow.first?.attributes["id"] == wideID + "-n")
            #expect(narrow.first?.attributes["aria-labelledby"] == "\(wideID)-title \(wideID)-desc")
            #expect(!narrow.contains { $0.name == "title" || $0.name == "desc" })
            #expect(wide.first { $0.name == "title" }?.attributes["id"] == wideID + "-title")
            #expect(wide.contains { $0.name == "desc" && $0.attributes["id"] == wideID + "-desc" })
        }
    }

    /// On a page, the narrow drawing shows the wide drawing's paths: each `<use>` names a path
    /// of the wide drawing, in the same colour, and its transform takes the wide plot area onto
    /// the narrow one.
    @Test(arguments: Fixtures.charts.map(\.0))
    func theNarrowDrawingOnAPageShowsTheWideOnesLines(_ name: String) throws {
        let spec = try #require(Fixtures.charts.first { $0.0 == name }?.1)
        let wide = ConnectivityChart.svg(spec)
        let page = String(decoding: ConnectivityChart.svgsUTF8(spec).inline, as: UTF8.self)
        let narrowOnPage = expectWellFormed(String(page.dropFirst(wide.count)))
        let wideElements = expectWellFormed(wide)
        let paths = Dictionary(wideElements.filter { $0.name == "path" && $0.attributes["id"] != nil }.map { ($0.attributes["id"] ?? "", $0) },
                               uniquingKeysWith: { a, _ in a })
        let uses = narrowOnPage.filter { $0.name == "use" }
        #expect(uses.count == paths.count)
        #expect(!narrowOnPage.contains { $0.name == "path" && ($0.attributes["vector-effect"] != nil) })
        var wideRenderer = ConnectivityRenderer(chart: PreparedChart(spec), spec: spec)
        wideRenderer.arrange()
        var narrowRenderer = ConnectivityRenderer(chart: PreparedChart(spec), spec: spec, layout: .narrow)
        narrowRenderer.arrange()
        for use in uses {
            let target = try #require(paths[String((use.attributes["href"] ?? "").dropFirst())], "\(name): \(use.attributes)")
            #expect(target.attributes["vector-effect"] == "non-scaling-stroke")
            #expect(use.attributes["class"] == target.attributes["class"])
            let numbers = (use.attributes["transform"] ?? "").dropFirst("matrix(".count).dropLast()
                .split(separator: " ").compactMap { Double($0) }
            try #require(numbers.count == 6)
            func moved(_ x: Double, _ y: Double) -> (Double, Double) { (numbers[0] * x + numbers[4], numbers[3] * y + numbers[5]) }
            let topLeft = moved(ChartLayout.wide.plotLeft, wideRenderer.plotTop)
            let bottomRight = moved(ChartLayout.wide.plotRight, wideRenderer.plotBottom)
            #expect(abs(topLeft.0 - ChartLayout.narrow.plotLeft) < 0.01 && abs(topLeft.1 - narrowRenderer.plotTop) < 0.01)
            #expect(abs(bottomRight.0 - ChartLayout.narrow.plotRight) < 0.01 && abs(bottomRight.1 - narrowRenderer.plotBottom) < 0.01)
        }
    }

    @Test func aLegendEntryTooLongForTheNarrowDrawingTakesTwoRows() {
        var spec = Fixtures.steps
        spec.signals[0].label = "Announced /24 prefixes of the incumbent"
        let elements = expectWellFormed(ConnectivityChart.svg(spec, layout: .narrow))
        let legend = elements.drop { !($0.name == "g" && $0.attributes["class"] == "legend") }.filter { $0.name == "text" }
        #expect(legend.map(\.text).prefix(2) == ["Announced /24 prefixes of the", "incumbent (prefixes)"])
        for text in legend {
            #expect(Double(text.text.count) * ChartLayout.narrow.charWidth + (Double(text.attributes["x"] ?? "") ?? 0) <= ChartLayout.narrow.width)
        }
    }
}

extension NarrowLayoutTests {
    /// Past 500 incidents the narrow archive timeline shades weeks instead of drawing bars, so
    /// at the most bars the wide one draws the narrow one adds a tenth to the page, not as much
    /// again.
    @Test func theNarrowArchiveTimelineShadesWeeksPastFiveHundredIncidents() {
        for count in [ArchiveTimeline.maximumNarrowBars, ArchiveTimeline.maximumBars] {
            let items = ArchiveTests.manyIncidents(count)
            let wide = ArchiveTimeline.svg(items, idPrefix: "bo-archive")
            let narrow = ArchiveTimeline.svg(items, idPrefix: "bo-archive", layout: .narrow)
            #expect(ArchiveTimeline.inlineSVG(items, idPrefix: "bo-archive") == wide + narrow)
            // A bar per incident and year it spans, each a link.
            let links = wide.components(separatedBy: "<a href").count - 1
            #expect(links >= count)
            #expect(narrow.components(separatedBy: "<a href").count - 1 == (count > ArchiveTimeline.maximumNarrowBars ? 0 : links))
        }
        let most = ArchiveTests.manyIncidents(ArchiveTimeline.maximumBars)
        let narrow = ArchiveTimeline.svg(most, idPrefix: "bo-archive", layout: .narrow)
        #expect(narrow.utf8.count * 10 < ArchiveTimeline.svg(most, idPrefix: "bo-archive").utf8.count)
    }
}
