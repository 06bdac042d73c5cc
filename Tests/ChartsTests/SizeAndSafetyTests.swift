import Testing
@testable import Charts
import OutageData

struct SizeTests {
    /// Three signals of a million noisy rows each, reduced as the site does, stay under 60 KB.
    @Test func millionRowSeriesStaysUnder60KB() {
        var rng = SplitMix64(seed: 7)
        let from: Int64 = 1_419_000_000
        var reducers = [ExtremaReducer](repeating: ExtremaReducer(maxPoints: 1_000), count: 3)
        for index in 0..<1_000_000 {
            let time = from + Int64(index) * 15
            for signal in 0..<3 {
                let noise = Double(rng.next() % 1_000) / 10
                let value: Double = index % 50_000 == 7 ? .nan : index == 400_000 + signal ? 0 : 1_000 * Double(signal + 1) + noise
                reducers[signal].add(time: time, value: value)
            }
        }
        let signals = reducers.enumerated().map { index, reducer in
            ChartSignal(label: "Signal \(index + 1)", unit: "units", points: reducer.points, baseline: 1_000)
        }
        for normalization in [Normalization.none, .max, .baseline] {
            let spec = ChartSpec(title: "A million rows", description: "Three noisy signals.", signals: signals,
                                 normalization: normalization, window: (from + 5_000_000, from + 7_000_000),
                                 events: Fixtures.events.map { ChartEvent(number: $0.number, time: from + Int64($0.number) * 3_000_000, label: $0.label) },
                                 height: 240, idPrefix: "million")
            let svg = ConnectivityChart.svg(spec)
            #expect(svg.utf8.count < 60_000, "\(normalization): \(svg.utf8.count) bytes")
            expectWellFormed(svg)
        }
    }

    /// A caller that forgets to reduce still gets a bounded chart.
    @Test func unreducedInputIsReducedBeforeDrawing() {
        let points = (0..<200_000).map { ChartPoint(time: Int64($0) * 60, value: $0 == 123_456 ? 0 : Double($0 % 97)) }
        let svg = ConnectivityChart.svg(ChartSpec(title: "Raw", description: "", signals: [ChartSignal(label: "Raw", points: points)]))
        #expect(svg.utf8.count < 30_000)
    }
}

struct SafetyTests {
    @Test(arguments: [
        ("#abc", "#abc"), ("#A1B2C3", "#a1b2c3"), ("Red", "red"), ("rebeccapurple", "rebeccapurple"),
    ])
    func acceptedColors(_ input: String, _ expected: String) {
        #expect(ChartColor.validated(input) == expected)
    }

    @Test(arguments: [
        "#abcd", "#ggg", "red;", "url(#x)", "var(--x)", "rgb(1,2,3)", "transparent", "", " red", "blac\u{212A}", "#12345",
    ])
    func rejectedColors(_ input: String) {
        #expect(ChartColor.validated(input) == nil)
    }

    @Test(arguments: [
        "incidents/x/", "../x/", "x/#y", "?page=2", "#top", "https://example.org/a", "HTTP://example.org", "a/b:c",
    ])
    func acceptedLinks(_ href: String) {
        #expect(ChartLink.validated(href) == href)
    }

    @Test(arguments: [
        "javascript:alert(1)", "JavaScript:x", "data:text/html,x", "vbscript:x", "//evil.example/", " javascript:x",
        "java\tscript:x", "\\\\evil", "mailto:a@b", "", "x y",
    ])
    func rejectedLinks(_ href: String) {
        #expect(ChartLink.validated(href) == nil)
    }

    @Test func sanitizedIDs() {
        #expect(sanitizedID("chart-1") == "chart-1")
        #expect(sanitizedID("1chart") == "c1chart")
        #expect(sanitizedID("") == "chart")
        #expect(sanitizedID("a b") == "a-b")
        #expect(sanitizedID("é") == "c-")
    }
}

struct NumberTests {
    @Test(arguments: [
        (0.0, 1, "0"), (-0.04, 1, "0"), (12.0, 1, "12"), (12.25, 1, "12.3"), (-12.25, 1, "-12.3"), (704.0, 1, "704"),
        (0.05, 1, "0.1"), (1e20, 1, "1e20"), (123.456, 2, "123.46"), (.nan, 1, "0"),
    ])
    func fixed(_ value: Double, _ decimals: Int, _ expected: String) {
        #expect(FixedNumber.string(value, decimals: decimals) == expected)
    }

    @Test func tickLabels() {
        #expect(NiceScale(covering: 0, 100).labels(suffix: " %") == ["0 %", "20 %", "40 %", "60 %", "80 %", "100 %"])
        #expect(NiceScale(covering: 0, 4).ticks == [0, 1, 2, 3, 4])
        #expect(NiceScale(covering: 0, 61_004).labels() == ["0", "20k", "40k", "60k", "80k"])
        #expect(NiceScale(covering: -40, 25).labels() == ["\u{2212}40", "\u{2212}20", "0", "20", "40"])
        #expect(NiceScale(covering: 0, 0.7).labels() == ["0", "0.2", "0.4", "0.6", "0.8"])
        #expect(NiceScale(covering: 0, 1.2).labels() == ["0", "0.25", "0.50", "0.75", "1.00", "1.25"])
        let flat = NiceScale(covering: 0, 0)
        #expect(flat.low == 0 && flat.high == 1)
        for (low, high) in [(0.0, 3.0), (-7.0, 1_234.5), (0.001, 0.002), (-1e9, -1e3), (0, 1e14)] {
            let scale = NiceScale(covering: low, high)
            #expect(scale.low <= low && scale.high >= high)
            #expect((3...6).contains(scale.ticks.count), "\(low)…\(high): \(scale.ticks)")
        }
    }

    @Test func values() {
        #expect(ValueText.format(1_234) == "1,234")
        #expect(ValueText.format(12.3456) == "12.346")
        #expect(ValueText.format(-3) == "\u{2212}3")
        #expect(ValueText.format(.nan) == "—")
        #expect(ValueText.format(0.00001234) == "1.23e-5")
    }
}
