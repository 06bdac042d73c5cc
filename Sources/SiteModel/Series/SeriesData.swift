import Charts
import Diagnostics

/// One series of an incident after reading its CSV: each signal reduced for charting, with the
/// figures derived from the full data (SPEC §6).
public struct SeriesData: Sendable {
    public var reference: SeriesReference
    public var signals: [SignalData]
    /// Rows read from the CSV.
    public var rowCount: Int
    public var firstTime: Int64?
    public var lastTime: Int64?

    /// Memberwise, for the loaders in SiteLoad (the synthesized one is internal to this module).
    package init(
        reference: SeriesReference,
        signals: [SignalData],
        rowCount: Int,
        firstTime: Int64? = nil,
        lastTime: Int64? = nil
    ) {
        self.reference = reference
        self.signals = signals
        self.rowCount = rowCount
        self.firstTime = firstTime
        self.lastTime = lastTime
    }

    /// The output name of the standalone chart: "connectivity.csv" → "connectivity.svg".
    public var svgName: String { Self.svgName(for: reference.file) }

    package static func svgName(for file: String) -> String {
        let stem = file.hasSuffix(".csv") ? String(file.dropLast(4)) : file
        return stem + ".svg"
    }
}

public struct SignalData: Sendable {
    public var column: String
    public var label: String
    public var unit: String?
    public var color: String?
    /// At most `charts.max_points` points, extremes kept; NaN marks a gap. Kept packed (see
    /// `PackedPoints`) and unpacked when read.
    public var points: [ChartPoint] {
        get { packedPoints.points }
        set { packedPoints = PackedPoints(newValue) }
    }
    public var packedPoints: PackedPoints
    public var figures: SignalFigures

    public init(column: String, label: String, unit: String?, color: String?, points: [ChartPoint], figures: SignalFigures) {
        self.init(column: column, label: label, unit: unit, color: color, packedPoints: PackedPoints(points), figures: figures)
    }

    package init(column: String, label: String, unit: String?, color: String?, packedPoints: PackedPoints, figures: SignalFigures) {
        self.column = column
        self.label = label
        self.unit = unit
        self.color = color
        self.packedPoints = packedPoints
        self.figures = figures
    }
}

/// What the data says about the outage, per signal.
public struct SignalFigures: Sendable, Hashable {
    /// Median of the signal's values in the 24 hours before the stated start; nil without data there.
    public var baseline: Double?
    /// The lowest value between the stated start and end, and when it was first reached.
    public var lowest: (value: Double, time: Int64)?
    /// How far `lowest` is below the baseline, in percent (100 = fell to zero).
    public var dropPercent: Double?
    /// From the first sample below half the baseline to the first sample back above it (or the
    /// last sample below, when the data ends first). Searched from 24 h before the start to
    /// 24 h after the end.
    public var outageWindow: (start: Int64, end: Int64)?

    /// Memberwise, for the loaders in SiteLoad (the synthesized one is internal to this module).
    package init(
        baseline: Double? = nil,
        lowest: (value: Double, time: Int64)? = nil,
        dropPercent: Double? = nil,
        outageWindow: (start: Int64, end: Int64)? = nil
    ) {
        self.baseline = baseline
        self.lowest = lowest
        self.dropPercent = dropPercent
        self.outageWindow = outageWindow
    }

    public static func == (a: SignalFigures, b: SignalFigures) -> Bool {
        a.baseline == b.baseline && a.lowest?.value == b.lowest?.value && a.lowest?.time == b.lowest?.time
            && a.dropPercent == b.dropPercent && a.outageWindow?.start == b.outageWindow?.start && a.outageWindow?.end == b.outageWindow?.end
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(baseline)
        hasher.combine(lowest?.time)
        hasher.combine(outageWindow?.start)
    }
}
