import Testing
@testable import Charts

/// The reducer's coarsening jumps over the doublings that merge nothing; its points must be
/// exactly those of the one-doubling-at-a-time reducer it replaced (kept here as the reference).
struct ReducerEquivalenceTests {
    /// The bucket as it was before it lost its optionals (the reference keeps its own copy).
    struct ReferenceBucket {
        /// (time − origin) >> shift
        var index: UInt64
        var first: ExtremaReducer.Sample
        var last: ExtremaReducer.Sample
        var minimum: ExtremaReducer.Sample?
        var maximum: ExtremaReducer.Sample?
        var firstMissing: ExtremaReducer.Sample?
        var lastMissing: ExtremaReducer.Sample?
        /// How many distinct points `appendPoints` writes; kept up to date.
        var emitted = 1

        init(index: UInt64, sample: ExtremaReducer.Sample) {
            self.index = index
            first = sample
            last = sample
            if sample.value.isNaN {
                firstMissing = sample
                lastMissing = sample
            } else {
                minimum = sample
                maximum = sample
            }
        }

        mutating func add(_ sample: ExtremaReducer.Sample) {
            last = sample
            if sample.value.isNaN {
                if firstMissing == nil { firstMissing = sample }
                lastMissing = sample
            } else {
                if minimum.map({ sample.value < $0.value }) ?? true { minimum = sample }
                if maximum.map({ sample.value > $0.value }) ?? true { maximum = sample }
            }
            emitted = countDistinct()
        }

        /// Takes in the bucket that follows this one in time.
        mutating func absorb(_ later: ReferenceBucket) {
            last = later.last
            if let other = later.minimum, minimum.map({ other.value < $0.value }) ?? true { minimum = other }
            if let other = later.maximum, maximum.map({ other.value > $0.value }) ?? true { maximum = other }
            if firstMissing == nil { firstMissing = later.firstMissing }
            if let other = later.lastMissing { lastMissing = other }
            emitted = countDistinct()
        }

        /// The kept samples, distinct, in input order (at most six).
        func kept() -> [ExtremaReducer.Sample] {
            var samples: [ExtremaReducer.Sample] = []
            samples.reserveCapacity(6)
            for candidate in [first, minimum, maximum, firstMissing, lastMissing, last] {
                guard let candidate else { continue }
                if !samples.contains(where: { $0.sequence == candidate.sequence }) {
                    samples.append(candidate)
                }
            }
            samples.sort { $0.sequence < $1.sequence }
            return samples
        }

        private func countDistinct() -> Int {
            // At most six candidates: a fixed-size scan, no allocation (this runs per sample).
            let candidates = (first.sequence, last.sequence, minimum?.sequence ?? -1, maximum?.sequence ?? -1,
                              firstMissing?.sequence ?? -1, lastMissing?.sequence ?? -1)
            var count = 1
            if candidates.1 != candidates.0 { count += 1 }
            let c2 = candidates.2
            if c2 >= 0 && c2 != candidates.0 && c2 != candidates.1 { count += 1 }
            let c3 = candidates.3
            if c3 >= 0 && c3 != candidates.0 && c3 != candidates.1 && c3 != c2 { count += 1 }
            let c4 = candidates.4
            if c4 >= 0 && c4 != candidates.0 && c4 != candidates.1 && c4 != c2 && c4 != c3 { count += 1 }
            let c5 = candidates.5
            if c5 >= 0 && c5 != candidates.0 && c5 != candidates.1 && c5 != c2 && c5 != c3 && c5 != c4 { count += 1 }
            return count
        }
    }

    /// The previous algorithm, on the same buckets.
    struct ReferenceReducer {
        let maxPoints: Int
        var origin: Int64 = 0
        var shift: UInt64 = 0
        var store: [ReferenceBucket] = []
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
                store.append(ReferenceBucket(index: index, sample: sample))
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
            if round % 4 == 1 {
                // Repeated and backward times (counted at the time before), early or late.
                var time = Int64.random(in: 0...1_000_000, using: &rng)
                let backwardFrom = Int.random(in: 0...1_200, using: &rng)
                input = (0..<Int.random(in: 0...3_000, using: &rng)).map {
                    time += $0 < backwardFrom ? Int64.random(in: 1...90, using: &rng) : Int64.random(in: -3...3, using: &rng)
                    return ChartPoint(time: time, value: Double(Int.random(in: 0...50, using: &rng)))
                }
            }
            let maxPoints = [6, 7, 50, 333, 1_000][Int.random(in: 0...4, using: &rng)]
            var reducer = ExtremaReducer(maxPoints: maxPoints)
            var reference = ReferenceReducer(maxPoints: maxPoints)
            for (index, point) in input.enumerated() {
                reducer.add(time: point.time, value: point.value)
                reference.add(time: point.time, value: point.value)
                // Along the way too: before, at and after the end of the single-sample phase.
                if index % 97 == 0 || (index - maxPoints).magnitude <= 1 {
                    #expect(Self.same(reducer.points, reference.points), "round \(round), sample \(index)")
                }
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
