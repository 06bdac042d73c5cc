import Charts
import Testing
@testable import SiteModel

/// Packed chart points come back bit for bit.
@Suite struct PackedPointsTests {
    static func same(_ a: [ChartPoint], _ b: [ChartPoint]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { $0.time == $1.time && $0.value.bitPattern == $1.value.bitPattern }
    }

    @Test func roundTripsAwkwardValues() {
        let values: [Double] = [0, -0.0, 1, -1, 0.1, 1e300, -1e-300, .nan, -Double.nan, Double(bitPattern: 0x7FF8_0000_0000_0001),
                                .infinity, -.infinity, 9_007_199_254_740_992, 9_007_199_254_740_994, -9_007_199_254_740_992,
                                .greatestFiniteMagnitude, .leastNonzeroMagnitude, 950, 951, 40.5]
        let times: [Int64] = [.min, -1, 0, 1, 1_419_258_000, .max, .max, 5, .min]
        var points: [ChartPoint] = []
        for (i, value) in values.enumerated() {
            points.append(ChartPoint(time: times[i % times.count], value: value))
        }
        #expect(Self.same(PackedPoints(points).points, points))
        #expect(PackedPoints([]).points.isEmpty)
    }

    @Test func roundTripsARealisticSeriesCompactly() {
        var points: [ChartPoint] = []
        for i in 0..<1_000 {
            let value: Double = i % 97 == 0 ? .nan : Double(900 + (i * 7919) % 100)
            points.append(ChartPoint(time: 1_395_018_060 + Int64(i) * 1_024, value: value))
        }
        let packed = PackedPoints(points)
        #expect(Self.same(packed.points, points))
        var signal = SignalData(column: "c", label: "c", unit: nil, color: nil, points: points, figures: SignalFigures(baseline: nil, lowest: nil, dropPercent: nil, outageWindow: nil))
        #expect(Self.same(signal.points, points))
        signal.points = Array(points.prefix(3))
        #expect(Self.same(signal.points, Array(points.prefix(3))))
    }
}
