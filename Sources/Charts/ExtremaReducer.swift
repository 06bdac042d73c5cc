/// Streaming reduction that keeps extremes (MinMax with adaptive bucket width).
///
/// Feed samples in ascending time; at most `maxPoints` points come out whatever the input
/// length, in O(maxPoints) memory, without knowing the time range or the count in advance.
///
/// How: time is cut into buckets of a fixed width, a power of two seconds counted from the
/// first sample (width 1 s at first, so short series come out unchanged). Only non-empty
/// buckets are stored. Each bucket keeps its first and last sample, its minimum and maximum
/// (finite values; the earliest on ties) and its first and last missing sample — at most six
/// points. When the points the buckets would emit exceed `maxPoints`, the width doubles and
/// neighbouring buckets merge pairwise; this is exact for every kept statistic, so the result
/// is the same as if the final width had been used from the start. The width can double at
/// most 64 times, so merging costs O(64 · maxPoints) over the whole stream: O(1) per sample.
///
/// A missing value (NaN; infinities count as missing) is kept as a gap marker at the time of
/// the bucket's first missing sample and, when it has more than one, at its last, placed in
/// time order, so a line drawn through the points breaks there and an all-missing stretch never
/// draws as zero. A single-sample drop to zero survives as its bucket's minimum.
///
/// Samples must come in ascending time (the series reader guarantees it); a sample earlier
/// than the one before is counted at the previous sample's time rather than dropped.
public struct ExtremaReducer: Sendable {
    struct Sample: Sendable {
        var time: Int64
        var value: Double
        /// Position in the input: identifies a sample, orders samples with equal times.
        var sequence: Int
    }

    struct Bucket: Sendable {
        /// (time − origin) >> shift
        var index: UInt64
        var first: Sample
        var last: Sample
        /// The kept samples that may be absent are absent when their `sequence` is
        /// `Bucket.none` (plain fields rather than optionals: this is updated per sample).
        var minimum: Sample
        var maximum: Sample
        var firstMissing: Sample
        var lastMissing: Sample
        /// How many distinct points `appendPoints` writes; kept up to date.
        var emitted = 1

        static let none = -1
        static let absent = Sample(time: 0, value: 0, sequence: none)

        init(index: UInt64, sample: Sample) {
            self.index = index
            first = sample
            last = sample
            if sample.value.isNaN {
                firstMissing = sample
                lastMissing = sample
                minimum = Self.absent
                maximum = Self.absent
            } else {
                minimum = sample
                maximum = sample
                firstMissing = Self.absent
                lastMissing = Self.absent
            }
        }

        @inline(__always)
        mutating func add(_ sample: Sample) {
            last = sample
            if sample.value.isNaN {
                if firstMissing.sequence == Self.none { firstMissing = sample }
                lastMissing = sample
            } else {
                if minimum.sequence == Self.none || sample.value < minimum.value { minimum = sample }
                if maximum.sequence == Self.none || sample.value > maximum.value { maximum = sample }
            }
            emitted = countDistinct()
        }

        /// Takes in the bucket that follows this one in time.
        mutating func absorb(_ later: Bucket) {
            last = later.last
            if later.minimum.sequence != Self.none, minimum.sequence == Self.none || later.minimum.value < minimum.value {
                minimum = later.minimum
            }
            if later.maximum.sequence != Self.none, maximum.sequence == Self.none || later.maximum.value > maximum.value {
                maximum = later.maximum
            }
            if firstMissing.sequence == Self.none { firstMissing = later.firstMissing }
            if later.lastMissing.sequence != Self.none { lastMissing = later.lastMissing }
            emitted = countDistinct()
        }

        /// The kept samples, distinct, in input order (at most six).
        func kept() -> [Sample] {
            var samples: [Sample] = []
            samples.reserveCapacity(6)
            for candidate in [first, minimum, maximum, firstMissing, lastMissing, last] where candidate.sequence != Self.none {
                if !samples.contains(where: { $0.sequence == candidate.sequence }) {
                    samples.append(candidate)
                }
            }
            samples.sort { $0.sequence < $1.sequence }
            return samples
        }

        /// Appends `kept()`'s points without building it: the kept samples picked in input
        /// order by their sequence numbers (no allocation; this runs for every bucket).
        func appendPoints(to result: inout [ChartPoint]) {
            var previous = Self.none
            while true {
                var next = first
                var nextSequence = Int.max
                @inline(__always) func consider(_ candidate: Sample) {
                    if candidate.sequence > previous && candidate.sequence < nextSequence {
                        next = candidate
                        nextSequence = candidate.sequence
                    }
                }
                consider(first)
                consider(minimum)
                consider(maximum)
                consider(firstMissing)
                consider(lastMissing)
                consider(last)
                guard nextSequence != Int.max else { return }
                result.append(ChartPoint(time: next.time, value: next.value))
                previous = nextSequence
            }
        }

        @inline(__always)
        private func countDistinct() -> Int {
            Self.countDistinct(first.sequence, last.sequence, minimum.sequence, maximum.sequence,
                               firstMissing.sequence, lastMissing.sequence)
        }

        /// The distinct sequence numbers among a bucket's kept samples.
        @inline(__always)
        static func countDistinct(_ c0: Int, _ c1: Int, _ c2: Int, _ c3: Int, _ c4: Int, _ c5: Int) -> Int {
            // At most six candidates: a fixed-size scan, no allocation (this runs per sample).
            // An absent one has sequence -1 (`none`), which no present sample has.
            var count = 1
            if c1 != c0 { count += 1 }
            if c2 >= 0 && c2 != c0 && c2 != c1 { count += 1 }
            if c3 >= 0 && c3 != c0 && c3 != c1 && c3 != c2 { count += 1 }
            if c4 >= 0 && c4 != c0 && c4 != c1 && c4 != c2 && c4 != c3 { count += 1 }
            if c5 >= 0 && c5 != c0 && c5 != c1 && c5 != c2 && c5 != c3 && c5 != c4 { count += 1 }
            return count
        }
    }

    /// The most points a single bucket can emit; `maxPoints` is raised to this.
    public static let minimumMaxPoints = 6

    /// The bound on `points.count` (the `maxPoints` given, at least `minimumMaxPoints`).
    public let maxPoints: Int
    private var origin: Int64 = 0
    private var shift: UInt64 = 0
    /// The first samples, while each is a bucket of its own: until there are more than
    /// `maxPoints` of them, or two share a second. Most series cross `maxPoints` long before
    /// they end, so their first coarsenings are made here on plain samples, in one step, instead
    /// of on a thousand buckets built one by one and merged pairwise several times.
    private var single: [Sample] = []
    private var inSinglePhase = true
    /// Every bucket but the last, in time order.
    private var store: [Bucket] = []
    /// The last bucket, the one samples go to, kept out of `store` so that a sample updates
    /// it in place (valid when `sampleCount > 0` after the single phase).
    private var current = Bucket(index: 0, sample: Sample(time: 0, value: 0, sequence: 0))
    private var emittedTotal = 0
    private var lastTime = Int64.min
    /// Samples fed in.
    public private(set) var sampleCount = 0

    public init(maxPoints: Int) {
        self.maxPoints = Swift.max(Self.minimumMaxPoints, maxPoints)
        single.reserveCapacity(Swift.min(self.maxPoints + 1, 1 << 16))
    }

    /// Feeds one sample; `value` NaN (or infinite) = missing.
    public mutating func add(time: Int64, value: Double) {
        var time = time
        if sampleCount == 0 {
            origin = time
        } else if time < lastTime {
            time = lastTime
        }
        let sample = Sample(time: time, value: value.isFinite ? value : .nan, sequence: sampleCount)
        if inSinglePhase {
            // Width 1 s: a sample after the one before is a bucket of its own.
            if sampleCount == 0 || time > lastTime {
                lastTime = time
                single.append(sample)
                sampleCount += 1
                if single.count > maxPoints { leaveSinglePhase() }
                return
            }
            leaveSinglePhase()
        }
        lastTime = time
        // time ≥ origin, so the wrapping difference is the true distance.
        let offset = UInt64(bitPattern: time &- origin)
        let index = offset >> shift
        if current.index == index {
            let before = current.emitted
            current.add(sample)
            emittedTotal += current.emitted - before
        } else {
            store.append(current)
            current = Bucket(index: index, sample: sample)
            emittedTotal += 1
        }
        sampleCount += 1
        if emittedTotal > maxPoints {
            store.append(current)
            while emittedTotal > maxPoints {
                coarsen()
            }
            current = store.removeLast()
        }
    }

    /// Turns the single samples into buckets at the width the coarsening would reach from
    /// them (see `coarsen()`: each step goes to the next width at which two neighbours share a
    /// bucket, until the points fit), and continues with buckets.
    private mutating func leaveSinglePhase() {
        inSinglePhase = false
        guard !single.isEmpty else { return }
        var total = single.count
        while total > maxPoints {
            var next: UInt64 = 64
            for position in 1..<single.count {
                let apart = UInt64(64 - (offset(single[position - 1]) ^ offset(single[position])).leadingZeroBitCount)
                if apart > shift { next = Swift.min(next, apart) }
            }
            guard next > shift else { break }
            shift = next
            total = emittedAtCurrentWidth()
        }
        store.reserveCapacity(Swift.min(total + 1, 1 << 16))
        forEachBucket { store.append($0) }
        emittedTotal = total
        current = store.removeLast()
        single = []
    }

    private func offset(_ sample: Sample) -> UInt64 {
        UInt64(bitPattern: sample.time &- origin)
    }

    /// The points the single samples give at the current width: the sum of the buckets'
    /// `emitted`, counted on positions (a single sample's sequence number is its position)
    /// without building the buckets, as each width tried costs a pass.
    private func emittedAtCurrentWidth() -> Int {
        let shift = self.shift
        let origin = self.origin
        return single.withUnsafeBufferPointer { samples -> Int in
            var total = 0
            var position = 0
            while position < samples.count {
                let index = UInt64(bitPattern: samples[position].time &- origin) >> shift
                let first = position
                var minimum = Bucket.none, maximum = Bucket.none
                var firstMissing = Bucket.none, lastMissing = Bucket.none
                var low = 0.0, high = 0.0
                var next = position
                while next < samples.count && UInt64(bitPattern: samples[next].time &- origin) >> shift == index {
                    let value = samples[next].value
                    if value.isNaN {
                        if firstMissing == Bucket.none { firstMissing = next }
                        lastMissing = next
                    } else {
                        if minimum == Bucket.none || value < low { minimum = next; low = value }
                        if maximum == Bucket.none || value > high { maximum = next; high = value }
                    }
                    next += 1
                }
                total += Bucket.countDistinct(first, next - 1, minimum, maximum, firstMissing, lastMissing)
                position = next
            }
            return total
        }
    }

    /// The buckets of the single samples at the current width, in order.
    private func forEachBucket(_ body: (Bucket) -> Void) {
        guard let first = single.first else { return }
        var bucket = Bucket(index: offset(first) >> shift, sample: first)
        for sample in single.dropFirst() {
            let index = offset(sample) >> shift
            if index == bucket.index {
                bucket.add(sample)
            } else {
                body(bucket)
                bucket = Bucket(index: index, sample: sample)
            }
        }
        body(bucket)
    }

    /// Every bucket, in time order.
    private var allBuckets: [Bucket] {
        if inSinglePhase {
            var buckets: [Bucket] = []
            forEachBucket { buckets.append($0) }
            return buckets
        }
        return sampleCount == 0 ? [] : store + [current]
    }

    /// Doubles the bucket width, merging neighbours; and again, until some neighbours merge.
    ///
    /// Doublings that merge nothing change nothing but `shift` (the caller's loop would do them
    /// one by one until something merges), so they are made in one step: neighbours with
    /// indices `a` and `b` first share a bucket after `64 - (a ^ b).leadingZeroBitCount`
    /// doublings, and the nearest pair decides. The result is the same as doubling one at a time.
    private mutating func coarsen() {
        var steps: UInt64 = 64
        if store.count > 1 {
            for position in 1..<store.count {
                let apart = UInt64(64 - (store[position - 1].index ^ store[position].index).leadingZeroBitCount)
                steps = Swift.min(steps, apart)
            }
        }
        steps = Swift.max(1, steps)
        shift += steps
        var total = 0
        let written = store.withUnsafeMutableBufferPointer { buckets -> Int in
            var written = 0
            for position in buckets.indices {
                var bucket = buckets[position]
                bucket.index >>= steps
                if written > 0 && buckets[written - 1].index == bucket.index {
                    total -= buckets[written - 1].emitted
                    buckets[written - 1].absorb(bucket)
                    total += buckets[written - 1].emitted
                } else {
                    buckets[written] = bucket
                    total += bucket.emitted
                    written += 1
                }
            }
            return written
        }
        store.removeLast(store.count - written)
        emittedTotal = total
    }

    /// Ascending time, `count <= maxPoints`; NaN values are gap markers.
    public var points: [ChartPoint] {
        if inSinglePhase {
            return single.map { ChartPoint(time: $0.time, value: $0.value) }
        }
        var result: [ChartPoint] = []
        result.reserveCapacity(emittedTotal)
        for bucket in store {
            bucket.appendPoints(to: &result)
        }
        if sampleCount > 0 {
            current.appendPoints(to: &result)
        }
        return result
    }

    /// The time range of every output bucket, in order, so a test can check
    /// first/last/min/max per bucket. Ranges are cut at the ends of Int64.
    public var buckets: [ClosedRange<Int64>] {
        let room = UInt64(bitPattern: Int64.max &- origin)
        func time(_ offset: UInt64) -> Int64 {
            offset > room ? Int64.max : origin &+ Int64(bitPattern: offset)
        }
        return allBuckets.map { bucket in
            let low: UInt64 = shift >= 64 ? 0 : bucket.index << shift
            let width: UInt64 = shift >= 64 ? UInt64.max : (1 << shift) - 1
            let (high, overflow) = low.addingReportingOverflow(width)
            return time(low)...time(overflow ? UInt64.max : high)
        }
    }

    /// Reduces a whole array (convenience for callers that already hold the points).
    public static func reduce(_ points: [ChartPoint], maxPoints: Int) -> [ChartPoint] {
        var reducer = ExtremaReducer(maxPoints: maxPoints)
        for point in points {
            reducer.add(time: point.time, value: point.value)
        }
        return reducer.points
    }
}
