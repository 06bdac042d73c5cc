import Testing
@testable import Charts

/// SPEC §6: a chart stays under 60 KB whatever the input (issue 8): many signals, huge labels,
/// titles, units and event texts, `max_points` points per signal with long decimal values, and
/// characters that grow most when escaped.
struct WorstCaseSizeTests {
    static let defaultMaxPoints = 1_000
    static let from: Int64 = 1_600_000_000

    /// `count` characters that each take 6 bytes once escaped (`&quot;`), the most any takes.
    static func huge(_ count: Int) -> String {
        String(repeating: "\"", count: count)
    }

    /// A zigzag over the full value range with long decimals, so that no two points share a pixel
    /// row and every coordinate takes the most digits.
    static func points(signal: Int, count: Int) -> [ChartPoint] {
        (0..<count).map { index in
            let value = index % 2 == 0 ? 987_654_321.123456789 + Double(signal) : 0.000123456789 * Double(index)
            return ChartPoint(time: from + Int64(index) * 61, value: value)
        }
    }

    static func spec(signals: Int, normalization: Normalization, standalone: Bool) -> ChartSpec {
        let chartSignals = (0..<signals).map { index in
            ChartSignal(label: huge(2_000) + String(index), unit: huge(500), color: index % 3 == 0 ? "#abcdef" : nil,
                        points: points(signal: index, count: defaultMaxPoints), baseline: 123_456.789012345)
        }
        let events = (1...500).map { number in
            ChartEvent(number: number, time: from + Int64(number) * 120, label: huge(1_000))
        }
        var spec = ChartSpec(title: huge(10_000), description: huge(100_000), signals: chartSignals, normalization: normalization,
                             window: (from + 3_600, from + 30_000), events: events, height: 2_000, idPrefix: huge(300))
        spec.standalone = standalone
        return spec
    }

    @Test(arguments: [1, 4, ChartLimits.maximumSignals, 50, 1_000])
    func worstCaseStaysUnder60KB(signals: Int) {
        for normalization in [Normalization.none, .max, .baseline] {
            for standalone in [false, true] {
                let svg = ConnectivityChart.svg(Self.spec(signals: signals, normalization: normalization, standalone: standalone))
                #expect(svg.utf8.count < 60_000, "\(signals) signals, \(normalization), standalone \(standalone): \(svg.utf8.count) bytes")
                expectWellFormed(svg)
                // The narrow drawing alone, and on a page after the wide one (where it shows
                // the wide one's lines), keeps the same promise.
                let spec = Self.spec(signals: signals, normalization: normalization, standalone: standalone)
                let narrow = ConnectivityChart.svg(spec, layout: .narrow)
                #expect(narrow.utf8.count < 60_000, "narrow, \(signals) signals, \(normalization): \(narrow.utf8.count) bytes")
                let page = ConnectivityChart.svgsUTF8(spec).inline
                #expect(page.count - svg.utf8.count < 60_000, "narrow on a page: \(page.count - svg.utf8.count) bytes")
            }
        }
    }
}
