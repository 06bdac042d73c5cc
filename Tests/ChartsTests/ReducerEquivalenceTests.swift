import Testing
@testable import Charts

/// The reducer's coarsening jumps over the doublings that merge nothing; its points must be
/// exactly those of the one-doubling-at-a-time reducer it replaced (kept here as the reference).
struct ReducerEquivalenceTests {
    /// The previous algorithm, on the same buckets.
    struct ReferenceReducer {
        let maxPoints: Int
        var origin: Int64 = 0
        var shift: UInt64 = 0
        var store: [ExtremaReducer.Bucket] = []
        var emittedTotal = 0
        var lastTime = Int64.min
        var sampleCount = 0

        init(maxPoints: Int) { self.maxPoints = max(ExtremaReducer.minimumMaxPoints, maxPoints) }

        mutating func add(time: Int64, value: Double) {
            var time = time
            if sampleCount == 0 { origin = time } else if time < lastTime { time = lastTime }
            lastTime = time
            let sample = ExtremaReducer.Sample(time: time, value: value.isFinite ? value : .nan, sequence: sampleCount)
            sampleCount += 1
            let index = UInt64(bitPattern: time &- origin) >> shift
            if let last = store.indices.last, store[last].index == index {
                let before = store[last].emitted
                store[last].add(sample)
                emittedTotal += store[last].emitted - before
            } else {
                store.append(ExtremaReducer.Bucket(index: index, sample: sample))
                emittedTotal += 1
            }
            while emittedTotal > maxPoints {
                shift += 1
                var written = 0
                var total = 0
                for position in store.indices {
                    var bucket = store[position]
                    bucket.index >>= 1
                    if written > 0 && store[written - 1].index == bucket.index {
                        total -= store[written - 1].emitted
                        store[written - 1].absorb(bucket)
                        total += store[written - 1].emitted
                    } else {
                        store[written] = bucket
                        total += bucket.emitted
                        written += 1
                    }
                }
                store.removeLast(store.count - written)
                emittedTotal = total
            }
        }

        var points: [ChartPoint] {
            store.flatMap { $0.kept().map { ChartPoint(time: $0.time, value: $0.value) } }
        }
    }

    static func same(_ a: [ChartPoint], _ b: [ChartPoint]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { $0.time == $1.time && $0.value.bitPattern == $1.value.bitPattern }
    }

    @Test func givesThePointsOfTheOneStepReducer() {
        var rng = SplitMix64(seed: 0x5EED_2026)
        for round in 0..<400 {
            var input = ReducerTests.randomSeries(&rng)
            if round % 4 == 0 {
                // Regular steps far wider than a second, as in measured series: many empty doublings.
                let start = Int64.random(in: 0...2_000_000_000, using: &rng)
                let step = Int64.random(in: 60...4_000, using: &rng)
                input = (0..<Int.random(in: 0...5_000, using: &rng)).map {
                    ChartPoint(time: start + Int64($0) * step, value: Double(Int.random(in: 0...1_000, using: &rng)))
                }
            }
            let maxPoints = [6, 7, 50, 333, 1_000][Int.random(in: 0...4, using: &rng)]
            var reducer = ExtremaReducer(maxPoints: maxPoints)
            var reference = ReferenceReducer(maxPoints: maxPoints)
            for point in input {
                reducer.add(time: point.time, value: point.value)
                reference.add(time: point.time, value: point.value)
            }
            #expect(Self.same(reducer.points, reference.points), "round \(round)")
        }
    }

    @Test func extremeTimesGiveThePointsOfTheOneStepReducer() {
        let times: [Int64] = [.min, .min + 1, -1, 0, 1, 1 << 40, .max - 1, .max]
        var reducer = ExtremaReducer(maxPoints: 6)
        var reference = ReferenceReducer(maxPoints: 6)
        for (i, time) in times.enumerated() {
            reducer.add(time: time, value: Double(i % 3))
            reference.add(time: time, value: Double(i % 3))
        }
        #expect(Self.same(reducer.points, reference.points))
    }
}
