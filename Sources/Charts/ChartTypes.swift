import OutageData

/// Charts: everything Blackout draws at build time, as SVG text, with no JavaScript.
///
/// Every function here is pure: the same input gives byte-identical output. Numbers are written
/// by `FixedNumber` (fixed precision, no Foundation, no locale), text by `SVGWriter` (XML-escaped,
/// characters XML cannot carry replaced by U+FFFD).

/// One plotted sample; `value.isNaN` marks a gap (missing data): the line breaks there.
/// Infinite values are treated like NaN by the charts (they cannot be plotted truthfully).
public struct ChartPoint: Sendable, Hashable {
    /// Unix seconds, UTC.
    public var time: Int64
    public var value: Double

    public init(time: Int64, value: Double) {
        self.time = time
        self.value = value
    }
}

/// How the y axis of a connectivity chart is scaled.
public enum Normalization: String, Sendable {
    /// Raw values; the y axis runs from min(0, smallest value) to a nice maximum.
    case none
    /// Each signal divided by its own maximum in the plotted range, ×100: "0–100 %".
    /// A signal whose maximum is not positive cannot be scaled this way: it is left out of the
    /// drawing (the legend and the description say so), never drawn as zero.
    case max
    /// Each signal divided by its baseline (median of the 24 h before start), ×100.
    /// Signals without a usable baseline (nil, zero, negative, not finite) are left out of the
    /// drawing, and the legend and the description say so.
    case baseline
}

/// One line on a connectivity chart.
public struct ChartSignal: Sendable {
    public var label: String
    public var unit: String?
    /// A CSS colour from the author. Only `#rgb`, `#rrggbb` or a CSS named colour is used
    /// (see `ChartColor.validated`); anything else is ignored and the theme colour is used.
    /// An author colour stays the same in light and dark mode.
    public var color: String?
    /// Already reduced (see `ExtremaReducer`), raw values, ascending time.
    public var points: [ChartPoint]
    /// Median of the 24 h before start, when known (for `.baseline`).
    public var baseline: Double?

    public init(label: String, unit: String? = nil, color: String? = nil, points: [ChartPoint], baseline: Double? = nil) {
        self.label = label
        self.unit = unit
        self.color = color
        self.points = points
        self.baseline = baseline
    }
}

/// A numbered marker matching the page's timeline list.
public struct ChartEvent: Sendable {
    public var number: Int
    /// Unix seconds, UTC.
    public var time: Int64
    public var label: String

    public init(number: Int, time: Int64, label: String) {
        self.number = number
        self.time = time
        self.label = label
    }
}

/// Everything a connectivity chart shows.
public struct ChartSpec: Sendable {
    /// e.g. "Connectivity, North Korea — BGP prefixes and probes"
    public var title: String
    /// The `<desc>` text, written by the caller in words. Notes about signals left out and
    /// events outside the plotted range are appended to it.
    public var description: String
    public var signals: [ChartSignal]
    public var normalization: Normalization
    /// The stated outage: shaded; `end` nil = to the right edge. The time range of the chart
    /// always includes it (see `ConnectivityChart.timeDomain`).
    public var window: (start: Int64, end: Int64?)?
    /// Numbered markers; events outside the plotted time range are not drawn and are named in
    /// the description.
    public var events: [ChartEvent]
    /// viewBox height (e.g. 240), raised to what the legend and markers need (at least 160);
    /// the width is fixed at `ChartLayout.width` and the SVG scales with CSS.
    public var height: Int
    /// Makes ids unique when several charts are inlined in one page. Characters other than
    /// ASCII letters, digits, "-" and "_" are replaced by "-".
    public var idPrefix: String
    /// A standalone .svg file rather than an SVG inlined in HTML (see SVGWriter.openSVG).
    public var standalone = false
    /// Drawn from a report's timings, not measured: the chart says so in its legend and its
    /// description, and draws its lines dashed, so the label travels with the standalone file.
    public var reconstructed = false

    public init(
        title: String,
        description: String,
        signals: [ChartSignal],
        normalization: Normalization = .none,
        window: (start: Int64, end: Int64?)? = nil,
        events: [ChartEvent] = [],
        height: Int = 240,
        idPrefix: String = "chart"
    ) {
        self.title = title
        self.description = description
        self.signals = signals
        self.normalization = normalization
        self.window = window
        self.events = events
        self.height = height
        self.idPrefix = idPrefix
    }
}

/// A labelled tick on a time axis.
public struct TimeTick: Sendable, Hashable {
    /// Unix seconds, UTC.
    public var time: Int64
    public var label: String

    public init(time: Int64, label: String) {
        self.time = time
        self.label = label
    }
}

/// The timeline strip of an incident, drawn on the same x scale as its charts.
public struct TimelineStripSpec: Sendable {
    /// Pass `ConnectivityChart.timeDomain(chartSpec)` to line the strip up with a chart.
    public var range: (start: Int64, end: Int64)
    public var events: [ChartEvent]
    public var window: (start: Int64, end: Int64?)?
    public var idPrefix: String

    public init(range: (start: Int64, end: Int64), events: [ChartEvent], window: (start: Int64, end: Int64?)? = nil, idPrefix: String = "timeline") {
        self.range = range
        self.events = events
        self.window = window
        self.idPrefix = idPrefix
    }
}

/// One incident on the archive timeline.
public struct ArchiveItem: Sendable {
    public var start: Int64
    public var end: Int64?
    public var title: String
    /// Relative or http(s); anything else is not linked.
    public var href: String
    public var status: DisplayStatus

    public init(start: Int64, end: Int64?, title: String, href: String, status: DisplayStatus) {
        self.start = start
        self.end = end
        self.title = title
        self.href = href
        self.status = status
    }
}
