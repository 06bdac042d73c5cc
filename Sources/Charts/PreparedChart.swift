import OutageData

/// The numbers behind a chart: ordered, reduced if needed, normalized, with the scales.
struct PreparedChart {
    struct Signal {
        /// Position in the spec, for the colour.
        var slot: Int
        var label: String
        var legend: String
        var color: String?
        /// Scaled values (NaN = missing), ascending time; empty when excluded.
        var points: [ChartPoint]
        /// Why the signal is not drawn, for the legend and the description.
        var exclusion: String?
        var hasValues: Bool
    }

    var signals: [Signal] = []
    var domain: (start: Int64, end: Int64)
    var scale: NiceScale
    var percent: Bool
    var notes: [String] = []

    init(_ spec: ChartSpec) {
        domain = ConnectivityChart.timeDomain(spec)
        percent = spec.normalization != .none
        var low = Double.infinity
        var high = -Double.infinity
        for (slot, source) in spec.signals.prefix(ChartLimits.maximumSignals).enumerated() {
            let points = Self.plottedPoints(source.points, signalCount: spec.signals.count)
            let label = ValueText.truncated(source.label, limit: ChartLimits.labelCharacters)
            var signal = Signal(slot: slot, label: label, legend: label,
                                color: ChartColor.validated(source.color), points: [], exclusion: nil, hasValues: false)
            let unit = source.unit.flatMap { $0.isEmpty ? nil : ValueText.truncated($0, limit: ChartLimits.unitCharacters) }
            let finite = points.lazy.map(\.value).filter(\.isFinite)
            var factor = 1.0
            switch spec.normalization {
            case .none:
                if let unit { signal.legend += " (" + unit + ")" }
            case .max:
                if let maximum = finite.max(), maximum > 0 {
                    factor = 100 / maximum
                    signal.legend += " (100 % = " + ValueText.withUnit(maximum, unit) + ")"
                } else {
                    signal.exclusion = finite.isEmpty ? "no data" : "no positive values to scale by"
                }
            case .baseline:
                if let baseline = source.baseline, baseline.isFinite, baseline > 0 {
                    factor = 100 / baseline
                    signal.legend += " (100 % = baseline " + ValueText.withUnit(baseline, unit) + ")"
                } else {
                    signal.exclusion = "no baseline"
                }
            }
            if signal.exclusion == nil {
                signal.points = points.map { point in
                    ChartPoint(time: point.time, value: point.value.isFinite ? point.value * factor : .nan)
                }
                for point in signal.points where point.value.isFinite {
                    // A factor can overflow a huge value to infinity: treat it as missing.
                    low = Swift.min(low, point.value)
                    high = Swift.max(high, point.value)
                    signal.hasValues = true
                }
                signal.points = signal.points.map { $0.value.isFinite ? $0 : ChartPoint(time: $0.time, value: .nan) }
                if !signal.hasValues {
                    notes.append(label + " has no values in this range.")
                }
            } else {
                signal.legend += ": not plotted, " + (signal.exclusion ?? "")
                notes.append(label + " is not plotted (" + (signal.exclusion ?? "") + ").")
            }
            signals.append(signal)
        }
        let leftOut = spec.signals.count - signals.count
        if leftOut > 0 {
            notes.append("\(leftOut) more signal\(leftOut == 1 ? " is" : "s are") not drawn (a chart draws at most \(ChartLimits.maximumSignals)).")
        }
        if low > high {
            scale = percent ? NiceScale(covering: 0, 100) : NiceScale(covering: 0, 1)
        } else if percent {
            scale = NiceScale(covering: Swift.min(0, low), Swift.max(100, high))
        } else {
            scale = NiceScale(covering: Swift.min(0, low), Swift.max(0, high))
        }
    }

    /// The points as drawn: ordered, and reduced (extremes kept) to the signal's share of
    /// `ChartLimits.pointBudget`, or to `fallbackMaxPoints` beyond the safety limit.
    static func plottedPoints(_ points: [ChartPoint], signalCount: Int) -> [ChartPoint] {
        let ordered = orderedPoints(points)
        var limit = ChartLimits.pointsPerSignal(signalCount: signalCount)
        if ordered.count > ConnectivityChart.safetyPointLimit {
            limit = Swift.min(limit, ConnectivityChart.fallbackMaxPoints)
        }
        guard ordered.count > limit else { return ordered }
        return ExtremaReducer.reduce(ordered, maxPoints: limit)
    }

    /// Points in ascending time (a stable sort, only when they are not already in order).
    static func orderedPoints(_ points: [ChartPoint]) -> [ChartPoint] {
        var ordered = true
        var previous = Int64.min
        for point in points {
            if point.time < previous {
                ordered = false
                break
            }
            previous = point.time
        }
        if ordered { return points }
        return points.enumerated().sorted { a, b in
            a.element.time != b.element.time ? a.element.time < b.element.time : a.offset < b.offset
        }.map(\.element)
    }
}
