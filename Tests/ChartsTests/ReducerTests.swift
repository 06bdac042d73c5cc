import Testing
@testable import Charts

struct ReducerTests {
    /// Random series: ascending times with irregular steps, runs of missing values, jumps,
    /// negative stretches, sometimes huge magnitudes.
    static func randomSeries(_ rng: inout SplitMix64) -> [ChartPoint] {
        let count = Int.random(in: 0...4_000, using: &rng)
        var time = Int64.random(in: 946_684_800...1_900_000_000, using: &rng)
        let scale = [1.0, 100, 1e6, 1e-3][Int.random(in: 0...3, using: &rng)]
        let missingRate = [0.0, 0.01, 0.2, 0.9][Int.random(in: 0...3, using: &rng)]
        var points: [ChartPoint] = []
        var missingRun = 0
        for _ in 0..<count {
            time += Int64.random(in: 1...(Bool.random(using: &rng) ? 60 : 86_400), using: &rng)
            if missingRun > 0 || Double.random(in: 0..<1, using: &rng) < missingRate {
                missingRun = missingRun > 0 ? missingRun - 1 : Int.random(in: 0...20, using: &rng)
                points.append(ChartPoint(time: time, value: .nan))
            } else {
                points.append(ChartPoint(time: time, value: Double.random(in: -0.5...1, using: &rng) * scale))
            }
        }
        return points
    }

    @Test func keepsFirstLastMinimumAndMaximumOfEveryBucket() {
        var rng = SplitMix64(seed: 0xB1AC_0D7)
        for _ in 0..<300 {
            let input = Self.randomSeries(&rng)
            let maxPoints = Int.random(in: 6...400, using: &rng)
            var reducer = ExtremaReducer(maxPoints: maxPoints)
            for point in input { reducer.add(time: point.time, value: point.value) }
            let output = reducer.points
            #expect(reducer.sampleCount == input.count)
            #expect(output.count <= maxPoints)
            #expect(zip(output, output.dropFirst()).allSatisfy { $0.time < $1.time })
            if input.count <= maxPoints / 6 {
                // Short input: nothing is dropped.
                #expect(output.count == input.count)
            }
            let buckets = reducer.buckets
            #expect(zip(buckets, buckets.dropFirst()).allSatisfy { $0.upperBound < $1.lowerBound })
            func present(_ sample: ChartPoint) -> Bool {
                output.contains { $0.time == sample.time && ($0.value == sample.value || ($0.value.isNaN && sample.value.isNaN)) }
            }
            var covered = 0
            for range in buckets {
                let inside = input.filter { range.contains($0.time) }
                covered += inside.count
                guard let first = inside.first, let last = inside.last else {
                    Issue.record("empty bucket \(range)")
                    continue
                }
                #expect(present(first), "first sample of \(range) missing")
                #expect(present(last), "last sample of \(range) missing")
                let finite = inside.filter { $0.value.isFinite }
                if let minimum = finite.min(by: { $0.value < $1.value }) {
                    #expect(output.contains { range.contains($0.time) && $0.value == minimum.value }, "minimum of \(range) missing")
                }
                if let maximum = finite.max(by: { $0.value < $1.value }) {
                    #expect(output.contains { range.contains($0.time) && $0.value == maximum.value }, "maximum of \(range) missing")
                }
                if let missing = inside.first(where: { $0.value.isNaN }) {
                    #expect(present(missing), "gap marker of \(range) missing")
                }
                if let missing = inside.last(where: { $0.value.isNaN }) {
                    #expect(present(missing), "last gap marker of \(range) missing")
                }
            }
            #expect(covered == input.count)
            // Every output point is a real sample.
            #expect(output.allSatisfy(present))
        }
    }

    @Test func singleZeroInAMillionSurvives() {
        var rng = SplitMix64(seed: 42)
        let dropIndex = 612_345
        var reducer = ExtremaReducer(maxPoints: 1_000)
        let from: Int64 = 1_419_000_000
        for index in 0..<1_000_000 {
            let value = index == dropIndex ? 0 : 1_000 + Double(rng.next() % 50)
            reducer.add(time: from + Int64(index) * 60, value: value)
        }
        let points = reducer.points
        #expect(points.count <= 1_000)
        #expect(points.contains { $0.time == from + Int64(dropIndex) * 60 && $0.value == 0 })
        #expect(reducer.sampleCount == 1_000_000)
    }

    @Test func missingStretchIsNeverZero() {
        var reducer = ExtremaReducer(maxPoints: 50)
        for index in 0..<10_000 {
            reducer.add(time: Int64(index), value: index >= 4_000 && index < 6_000 ? .nan : 10)
        }
        let points = reducer.points
        #expect(!points.contains { $0.value == 0 })
        #expect(points.contains { $0.time == 4_000 && $0.value.isNaN })
        #expect(points.contains { $0.time == 5_999 && $0.value.isNaN })
        // No line segment spans the gap: between the last value before and the first after,
        // a NaN is emitted.
        let before = points.lastIndex { $0.time < 4_000 } ?? 0
        let after = points.firstIndex { $0.time >= 6_000 } ?? points.count
        #expect(points[(before + 1)..<after].contains { $0.value.isNaN })
    }

    @Test func shortSeriesComeOutUnchanged() {
        var reducer = ExtremaReducer(maxPoints: 1_000)
        let input = (0..<100).map { ChartPoint(time: Int64($0) * 300, value: $0 == 50 ? .nan : Double($0)) }
        for point in input { reducer.add(time: point.time, value: point.value) }
        let output = reducer.points
        #expect(output.count == input.count)
        #expect(zip(input, output).allSatisfy { $0.time == $1.time && ($0.value == $1.value || ($0.value.isNaN && $1.value.isNaN)) })
    }

    @Test func extremeTimesAndValues() {
        var reducer = ExtremaReducer(maxPoints: 6)
        reducer.add(time: Int64.min, value: 1)
        reducer.add(time: 0, value: .infinity)
        reducer.add(time: Int64.max - 1, value: -Double.greatestFiniteMagnitude)
        reducer.add(time: Int64.max, value: 3)
        reducer.add(time: 5, value: 7) // out of order: counted at the previous time
        let points = reducer.points
        #expect(points.count <= 6)
        #expect(points.first?.time == Int64.min)
        #expect(points.contains { $0.value == -Double.greatestFiniteMagnitude })
        #expect(points.contains { $0.time == 0 && $0.value.isNaN })
        #expect(reducer.buckets.allSatisfy { $0.lowerBound <= $0.upperBound })
        // A tiny maxPoints is raised to what one bucket needs.
        #expect(ExtremaReducer(maxPoints: 1).maxPoints == ExtremaReducer.minimumMaxPoints)
        #expect(ExtremaReducer(maxPoints: 0).points.isEmpty)
    }
}
