import Testing
@testable import Charts
import OutageData

/// The plotted-numbers table writes rows through its own short paths (a day's date formatted
/// once, whole numbers without `ValueText`); these tests hold them to the general formatters.
struct ChartTableTests {
    /// The text of every `<td>` in table order.
    static func cells(_ html: String) -> [String] {
        expectWellFormed(html).filter { $0.name == "td" }.map(\.text)
    }

    static func spec(_ points: [ChartPoint]) -> ChartSpec {
        ChartSpec(title: "t", description: "d", signals: [ChartSignal(label: "v", points: points)])
    }

    @Test func valuesReadAsValueTextFormatsThem() {
        var generator = SplitMix64(seed: 7)
        var values: [Double] = [1, -1, 9, 10, 999, 1_000, -1_000, 12_345, 999_999, 1_000_000, -7_654_321,
                                999_999_999_999_999, -999_999_999_999_999, 1e15, -1e15, 0, -0.0, 0.5, -2.25,
                                1_234.5678, 0.0004, 1e-7, 3e20, .nan, .infinity]
        for _ in 0..<2_000 {
            let digits = Double(generator.next() % 16)
            let magnitude = (Double(generator.next() % 1_000_000) / 1_000_000 + 1) * pow10(digits)
            let whole = generator.next() % 2 == 0
            let value = whole ? magnitude.rounded(.towardZero) : magnitude
            values.append(generator.next() % 3 == 0 ? -value : value)
        }
        let points = values.enumerated().map { ChartPoint(time: 1_000_000 + Int64($0.offset) * 60, value: $0.element) }
        let cells = Self.cells(ConnectivityChart.table(Self.spec(points)))
        #expect(cells.count == points.count * 2)
        for (index, point) in points.enumerated() {
            let expected = point.value.isFinite ? ValueText.format(point.value) : "—"
            #expect(cells[index * 2 + 1] == expected, "value \(point.value)")
        }
    }

    @Test func timesReadAsTimestampTextFormatsThem() {
        // Across midnights, before 1970 and in far years, so the cached date is replaced.
        var times: [Int64] = []
        var time: Int64 = -62_135_596_800  // 0001-01-01T00:00:00Z
        let steps: [Int64] = [1, 59, 3_599, 86_399, 1, 86_400 * 400, 37, 86_401]
        for step in steps {
            for _ in 0..<40 {
                time += step
                times.append(time)
            }
        }
        times += [-1, 0, 1, 86_399, 86_400, 253_402_300_799]
        times = Array(Set(times)).sorted()
        let points = times.map { ChartPoint(time: $0, value: 1) }
        let cells = Self.cells(ConnectivityChart.table(Self.spec(points)))
        #expect(cells.count == points.count * 2)
        for (index, point) in points.enumerated() {
            #expect(cells[index * 2] == Timestamp(seconds: point.time).rfc3339)
        }
    }

    @Test func signalsWithoutASampleAtARowTimeGetAnEmptyCell() {
        var spec = Self.spec([ChartPoint(time: 0, value: 5), ChartPoint(time: 120, value: 6)])
        spec.signals.append(ChartSignal(label: "w", points: [ChartPoint(time: 60, value: 7), ChartPoint(time: 120, value: .nan)]))
        #expect(Self.cells(ConnectivityChart.table(spec)) == [
            "1970-01-01T00:00:00Z", "5", "",
            "1970-01-01T00:01:00Z", "", "7",
            "1970-01-01T00:02:00Z", "6", "—",
        ])
    }

    private func pow10(_ exponent: Double) -> Double {
        var result = 1.0
        for _ in 0..<Int(exponent) { result *= 10 }
        return result
    }
}
