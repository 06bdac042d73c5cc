import Testing
@testable import Charts
import OutageData

struct ChartPropertyTests {
    /// The plot rectangle the renderer computed for `spec`.
    static func plotArea(_ spec: ChartSpec) -> (left: Double, right: Double, top: Double, bottom: Double) {
        var renderer = ConnectivityRenderer(chart: PreparedChart(spec), spec: spec)
        renderer.arrange()
        return (ChartLayout.wide.plotLeft, ChartLayout.wide.plotRight, renderer.plotTop, renderer.plotBottom)
    }

    static func randomSpec(_ rng: inout SplitMix64, index: Int) -> ChartSpec {
        let signalCount = Int.random(in: 0...4, using: &rng)
        var signals: [ChartSignal] = []
        for number in 0..<signalCount {
            var points = ReducerTests.randomSeries(&rng)
            if points.count > 1_000 { points = ExtremaReducer.reduce(points, maxPoints: 1_000) }
            if Int.random(in: 0..<10, using: &rng) == 0 {
                points = points.map { ChartPoint(time: $0.time, value: -$0.value) }
            }
            let baseline: Double? = Bool.random(using: &rng) ? Double.random(in: -5...500, using: &rng) : nil
            signals.append(ChartSignal(label: "Signal \(number) <&>", unit: Bool.random(using: &rng) ? "units" : nil,
                                       color: Bool.random(using: &rng) ? "red" : "url(x)", points: points, baseline: baseline))
        }
        let times = signals.flatMap { $0.points.map(\.time) }
        let low = times.min() ?? 1_400_000_000
        let high = times.max() ?? low
        let start = Int64.random(in: (low - 3_600)...(high + 3_600), using: &rng)
        let window: (start: Int64, end: Int64?)? = Bool.random(using: &rng)
            ? (start, Bool.random(using: &rng) ? start + Int64.random(in: 0...100_000, using: &rng) : nil) : nil
        let events = (0..<Int.random(in: 0...12, using: &rng)).map { number in
            ChartEvent(number: number + 1, time: Int64.random(in: (low - 86_400)...(high + 86_400), using: &rng), label: "Event \(number)")
        }
        let normalization = [Normalization.none, .max, .baseline][Int.random(in: 0...2, using: &rng)]
        return ChartSpec(title: "Random \(index)", description: "", signals: signals, normalization: normalization,
                         window: window, events: events, height: Int.random(in: 100...400, using: &rng), idPrefix: "r\(index)")
    }

    @Test func everyPlottedCoordinateLiesInsideThePlotArea() {
        var rng = SplitMix64(seed: 2014_12_22)
        var plotted = 0
        for index in 0..<150 {
            let spec = Self.randomSpec(&rng, index: index)
            let svg = ConnectivityChart.svg(spec)
            let elements = expectWellFormed(svg)
            let area = Self.plotArea(spec)
            #expect(area.bottom - area.top >= ConnectivityRenderer.minimumPlotHeight)
            for element in elements where element.name == "path" {
                let classes = (element.attributes["class"] ?? "").split(separator: " ")
                guard classes.contains("line") || classes.contains("dots") else { continue }
                for (x, y) in pathPoints(element.attributes["d"] ?? "") {
                    plotted += 1
                    #expect(x >= area.left && x <= area.right && y >= area.top && y <= area.bottom,
                            "(\(x), \(y)) outside \(area) in chart \(index)")
                }
            }
            // The number of drawn segments never exceeds the finite points.
            let viewBox = elements.first?.attributes["viewBox"] ?? ""
            #expect(viewBox.hasPrefix("0 0 720 "))
        }
        #expect(plotted > 10_000)
    }

    @Test func gapsBreakTheLineAndLonePointsAreDots() throws {
        let svg = ConnectivityChart.svg(Fixtures.gaps)
        let elements = expectWellFormed(svg)
        let line = try #require(elements.first { $0.name == "path" && ($0.attributes["class"] ?? "").hasPrefix("line") })
        let moves = (line.attributes["d"] ?? "").filter { $0 == "M" }.count
        // Gaps at 20–25, 40–43, 45–49 and 80: four runs of values plus the lone point at 44 as a dot.
        #expect(moves == 4)
        let dots = try #require(elements.first { $0.name == "path" && ($0.attributes["class"] ?? "").hasPrefix("dots") })
        #expect(pathPoints(dots.attributes["d"] ?? "").count == 1)
    }

    @Test func allMissingDrawsNoLineAndSaysSo() {
        let svg = ConnectivityChart.svg(Fixtures.allMissing)
        let elements = expectWellFormed(svg)
        #expect(!elements.contains { ($0.attributes["class"] ?? "").hasPrefix("line") })
        #expect(elements.contains { $0.name == "text" && $0.text == "No data in this range" })
        #expect(elements.contains { $0.name == "desc" && $0.text.contains("has no values in this range") })
    }

    @Test func onePointIsADot() {
        let elements = expectWellFormed(ConnectivityChart.svg(Fixtures.onePoint))
        let dots = elements.filter { ($0.attributes["class"] ?? "").hasPrefix("dots") }
        #expect(dots.count == 1)
        #expect(pathPoints(dots.first?.attributes["d"] ?? "").count == 1)
    }

    @Test func normalizationByMaxAndBaseline() {
        let byMax = expectWellFormed(ConnectivityChart.svg(Fixtures.byMax))
        let yLabels = byMax.filter { $0.name == "text" && $0.text.hasSuffix(" %") }.map(\.text)
        #expect(yLabels.first == "0 %")
        #expect(yLabels.last == "100 %")
        #expect(byMax.filter { ($0.attributes["class"] ?? "").hasPrefix("line") }.count == 3)
        // The author colour is used as given; the theme colours for the others.
        #expect(byMax.contains { $0.attributes["stroke"] == "#7b3294" })

        let byBaseline = expectWellFormed(ConnectivityChart.svg(Fixtures.byBaseline))
        #expect(byBaseline.filter { ($0.attributes["class"] ?? "").hasPrefix("line") }.count == 2)
        #expect(byBaseline.contains { $0.name == "desc" && $0.text.contains("Active probing is not plotted (no baseline).") })
        #expect(byBaseline.contains { $0.name == "text" && $0.text.contains("Active probing: not plotted, no baseline") })
    }

    @Test func structureAndAccessibility() throws {
        let elements = expectWellFormed(ConnectivityChart.svg(Fixtures.steps))
        let root = try #require(elements.first)
        #expect(root.attributes["xmlns"] == "http://www.w3.org/2000/svg")
        #expect(root.attributes["role"] == "img")
        #expect(root.attributes["aria-labelledby"] == "steps-title steps-desc")
        #expect(root.attributes["id"] == "steps")
        #expect(elements.contains { $0.name == "title" && $0.attributes["id"] == "steps-title" })
        #expect(elements.contains { $0.name == "desc" && $0.attributes["id"] == "steps-desc" })
        let style = try #require(elements.first { $0.name == "style" })
        #expect(style.text.contains("prefers-color-scheme:dark"))
        #expect(style.text.contains("#steps .s1{stroke:var(--chart-1,#0072b2)}"))
        // Every rule is scoped to the chart.
        let css = style.text.replacingOccurrences(of: "@media (prefers-color-scheme:dark){", with: "")
        for rule in css.split(separator: "}") where !rule.isEmpty {
            for selector in rule.split(separator: "{").first?.split(separator: ",") ?? [] {
                #expect(selector.hasPrefix("#steps "), "unscoped selector \(selector)")
            }
        }
        // Three numbered markers, each with a title.
        let markers = elements.filter { $0.name == "g" && $0.attributes["class"] == "marker" }
        #expect(markers.count == 3)
        #expect(elements.contains { $0.name == "title" && $0.text == "Event 2, 22 Dec 2014 19:40 UTC: Two prefixes announced again" })
        // The axis says UTC.
        #expect(elements.contains { $0.name == "text" && $0.text.hasPrefix("Time (UTC), 22 Dec 2014 12:00 to 23 Dec 05:55") })
        // The window is shaded.
        #expect(elements.contains { $0.name == "rect" && $0.attributes["class"] == "window" })
    }

    @Test func eventsOutsideTheRangeAreNamed() {
        var spec = Fixtures.steps
        spec.events.append(ChartEvent(number: 4, time: at("2014-12-30T00:00:00Z"), label: "Later"))
        let elements = expectWellFormed(ConnectivityChart.svg(spec))
        #expect(elements.contains { $0.name == "desc" && $0.text.hasSuffix("Event 4 is outside the plotted time range.") })
        #expect(elements.filter { $0.attributes["class"] == "marker" }.count == 3)
    }

    @Test func crowdedMarkersUseLanes() {
        var spec = Fixtures.steps
        spec.events = (1...9).map { ChartEvent(number: $0, time: Fixtures.start + Int64($0) * 60, label: "E\($0)") }
        let elements = expectWellFormed(ConnectivityChart.svg(spec))
        let centers = Set(elements.filter { $0.name == "circle" }.compactMap { $0.attributes["cy"] })
        #expect(centers.count == ConnectivityRenderer.maximumMarkerLanes)
    }

    @Test func timeDomainCoversDataAndWindow() {
        let domain = ConnectivityChart.timeDomain(Fixtures.steps)
        #expect(domain.start == at("2014-12-22T12:00:00Z"))
        #expect(domain.end == at("2014-12-22T12:00:00Z") + 215 * 300)
        let one = ConnectivityChart.timeDomain(Fixtures.onePoint)
        #expect(one.start == Fixtures.start - 1_800 && one.end == Fixtures.start + 1_800)
        var late = Fixtures.flat
        late.window = (Fixtures.start - 86_400, Fixtures.start + 200_000)
        let widened = ConnectivityChart.timeDomain(late)
        #expect(widened.start == Fixtures.start - 86_400 && widened.end == Fixtures.start + 200_000)
    }

    @Test func tableListsEveryPlottedValue() {
        let html = ConnectivityChart.table(Fixtures.gaps)
        let elements = expectWellFormed(html)
        let rows = elements.filter { $0.name == "tr" }
        #expect(rows.count == 109)
        #expect(elements.filter { $0.name == "td" && $0.text == "—" }.count == 16)
        #expect(elements.contains { $0.name == "th" && $0.text == "Responding addresses (addresses)" })
        #expect(elements.contains { $0.name == "td" && $0.text == "2014-12-22T12:00:00Z" })
    }
}
