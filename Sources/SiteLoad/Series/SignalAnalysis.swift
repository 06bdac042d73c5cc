import SiteModel

/// Derives a signal's outage figures while its samples stream past, in bounded memory: only the
/// samples of the 24 hours before the start are kept (for the median), at most one per second.
struct SignalAnalysis {
    static let baselineSpan: Int64 = 86_400
    /// A sample below this share of the baseline counts as "in the outage".
    static let outageThreshold = 0.5

    let start: Int64
    /// Inclusive end of the stated outage; nil while ongoing (to the end of the data).
    let end: Int64?

    private var beforeStart: [(time: Int64, value: Double)] = []
    private var baseline: Double?
    private var baselineDone = false
    private var lowest: (value: Double, time: Int64)?
    private var windowStart: Int64?
    private var lastBelow: Int64?
    private var recovery: Int64?

    init(start: Int64, end: Int64?) {
        self.start = start
        self.end = end
    }

    mutating func add(time: Int64, value: Double) {
        if time < start {
            if time >= start - Self.baselineSpan, !value.isNaN { beforeStart.append((time, value)) }
            return
        }
        finishBaseline()
        if time <= (end ?? Int64.max), !value.isNaN, value < (lowest?.value ?? .infinity) {
            lowest = (value, time)
        }
        track(time: time, value: value)
    }

    /// Called at the first sample at or after the start (or at the end of the data): the
    /// median is known, so the samples kept from before the start can be checked too.
    private mutating func finishBaseline() {
        guard !baselineDone else { return }
        baselineDone = true
        baseline = Self.median(beforeStart.map(\.value))
        for sample in beforeStart { track(time: sample.time, value: sample.value) }
        beforeStart = []
    }

    private mutating func track(time: Int64, value: Double) {
        guard let baseline, baseline > 0, !value.isNaN else { return }
        if let end, time > end + Self.baselineSpan { return }
        if value < baseline * Self.outageThreshold {
            if windowStart == nil { windowStart = time }
            lastBelow = time
            recovery = nil
        } else if lastBelow != nil, recovery == nil {
            recovery = time
        }
    }

    /// The median of values without NaN, nil for none: the middle of the sorted values, or
    /// the mean of the two middle ones. Found by selection (linear time, no full sort); a zero
    /// there is taken from the stable sort instead, so that which of -0.0 and 0.0 (equal to
    /// each other) it is stays what the sorted order says.
    static func median(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let middle = values.count / 2
        var work = values
        let (low, high) = work.withUnsafeMutableBufferPointer { buffer -> (Double, Double) in
            let high = select(buffer, middle)
            // Everything before `middle` is now ≤ high: the lower middle is their largest.
            let low = values.count % 2 == 1 ? high : (buffer[..<middle].max() ?? high)
            return (low, high)
        }
        if low == 0 || high == 0 { return sortedMedian(values) }
        // Halves first: the sum of two values near the largest Double would overflow.
        return values.count % 2 == 1 ? high : low / 2 + high / 2
    }

    static func sortedMedian(_ values: [Double]) -> Double? {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return nil }
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : sorted[middle - 1] / 2 + sorted[middle] / 2
    }

    /// Rearranges `buffer` so that `buffer[k]` is the value a sort would put there, with
    /// nothing larger before it and nothing smaller after it (Hoare's selection).
    static func select(_ buffer: UnsafeMutableBufferPointer<Double>, _ k: Int) -> Double {
        var low = 0
        var high = buffer.count - 1
        while low < high {
            let pivot = buffer[low + (high - low) / 2]
            var i = low
            var j = high
            while i <= j {
                while buffer[i] < pivot { i += 1 }
                while buffer[j] > pivot { j -= 1 }
                if i <= j {
                    buffer.swapAt(i, j)
                    i += 1
                    j -= 1
                }
            }
            if k <= j {
                high = j
            } else if k >= i {
                low = i
            } else {
                break
            }
        }
        return buffer[k]
    }

    mutating func figures() -> SignalFigures {
        finishBaseline()
        var figures = SignalFigures(baseline: baseline, lowest: lowest, dropPercent: nil, outageWindow: nil)
        if let baseline, baseline > 0, let lowest {
            figures.dropPercent = Self.drop(from: baseline, to: lowest.value)
        }
        if let windowStart, let last = recovery ?? lastBelow {
            figures.outageWindow = (windowStart, last)
        }
        return figures
    }

    /// The drop in percent, nil when it cannot be computed in a Double (a huge difference or a
    /// tiny baseline): no figure rather than an infinity, or a 0 % made up from one.
    static func drop(from baseline: Double, to lowest: Double) -> Double? {
        var percent = (baseline - lowest) / baseline * 100
        // The difference alone can overflow while the ratio is fine (1.7e308 to −1.7e308).
        if !percent.isFinite { percent = (1 - lowest / baseline) * 100 }
        return percent.isFinite ? max(0, percent) : nil
    }
}
