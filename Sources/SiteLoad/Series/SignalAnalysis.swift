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
        let values = beforeStart.map(\.value).sorted()
        if !values.isEmpty {
            let middle = values.count / 2
            // Halves first: the sum of two values near the largest Double would overflow.
            baseline = values.count % 2 == 1 ? values[middle] : values[middle - 1] / 2 + values[middle] / 2
        }
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
