import OutageData

/// The connectivity chart of a series: one line per signal over UTC time, the stated outage
/// shaded, numbered event markers, a legend. See `svg(_:)`.
public enum ConnectivityChart {
    /// A signal longer than this (a caller that forgot to reduce) is reduced to
    /// `fallbackMaxPoints` with `ExtremaReducer` before drawing, so the SVG stays small.
    public static let safetyPointLimit = 5_000
    public static let fallbackMaxPoints = 1_000

    /// The plotted time range: every point of every signal (missing ones too: they are the
    /// coverage of the data) and the stated window. With neither, the events; with nothing at
    /// all, one hour from 0. A zero-length range is widened by 30 minutes either side.
    /// Pass it as `TimelineStripSpec.range` so the strip lines up with the chart.
    public static func timeDomain(_ spec: ChartSpec) -> (start: Int64, end: Int64) {
        var low = Int64.max
        var high = Int64.min
        for signal in spec.signals {
            for point in signal.points {
                low = Swift.min(low, point.time)
                high = Swift.max(high, point.time)
            }
        }
        if let window = spec.window {
            low = Swift.min(low, window.start)
            high = Swift.max(high, window.start)
            if let end = window.end {
                low = Swift.min(low, end)
                high = Swift.max(high, end)
            }
        }
        if low > high {
            for event in spec.events {
                low = Swift.min(low, event.time)
                high = Swift.max(high, event.time)
            }
        }
        if low > high { return (0, 3_600) }
        if low == high {
            let pad: Int64 = 1_800
            return (low >= Int64.min + pad ? low - pad : Int64.min, high <= Int64.max - pad ? high + pad : Int64.max)
        }
        return (low, high)
    }

    /// A complete `<svg>` element (see the module documentation in `ChartTypes.swift`).
    public static func svg(_ spec: ChartSpec) -> String {
        let chart = PreparedChart(spec)
        var renderer = ConnectivityRenderer(chart: chart, spec: spec)
        return renderer.render()
    }

    /// The inline chart and the standalone file of one spec, prepared (reduced, normalized,
    /// scaled) once and drawn twice.
    public static func svgs(_ spec: ChartSpec) -> (inline: String, standalone: String) {
        // The two differ only in the root element's aria-labelledby (see SVGWriter.openSVG), so
        // the drawing is made once and the file is the inline chart without that attribute.
        var renderer = ConnectivityRenderer(chart: PreparedChart(spec), spec: spec)
        let inline = renderer.render()
        let id = sanitizedID(spec.idPrefix)
        let attribute = " aria-labelledby=\"\(id)-title \(id)-desc\""
        guard let range = inline.utf8.firstRange(of: attribute.utf8) else {
            var file = spec
            file.standalone = true
            return (inline, svg(file))
        }
        var standalone = inline
        standalone.removeSubrange(range)
        return (inline, standalone)
    }

    /// The plotted numbers as an HTML `<table>`: a caption, a UTC time column, one column per
    /// signal drawn (label and unit), raw values before normalization, "—" for missing values and
    /// an empty cell where a signal has no sample at that time. Everything escaped.
    public static func table(_ spec: ChartSpec) -> String {
        let drawn = spec.signals.prefix(ChartLimits.maximumSignals)
        let signals = drawn.map { PreparedChart.plottedPoints($0.points, signalCount: spec.signals.count) }
        var html = SVGWriter(capacity: 64 * 1_024)
        html.raw("<table class=\"chart-data\"><caption>")
        html.text("Plotted values of “" + spec.title + "”, times in UTC")
        if spec.normalization != .none {
            html.text(", raw values before normalization")
        }
        html.text("; — marks missing data.")
        html.raw("</caption><thead><tr><th scope=\"col\">Time (UTC)</th>")
        for signal in drawn {
            html.raw("<th scope=\"col\">")
            html.text(signal.label)
            if let unit = signal.unit, !unit.isEmpty {
                html.text(" (" + unit + ")")
            }
            html.raw("</th>")
        }
        html.raw("</tr></thead><tbody>")
        var positions = [Int](repeating: 0, count: signals.count)
        while true {
            var time = Int64.max
            var any = false
            for (index, points) in signals.enumerated() where positions[index] < points.count {
                time = Swift.min(time, points[positions[index]].time)
                any = true
            }
            guard any else { break }
            // Times and numbers are digits and punctuation: written as they are, no escaping.
            html.raw("<tr><td><time datetime=\"")
            let civil = Timestamp(seconds: time).civil()
            TimestampText.appendDateTime(civil, to: &html.bytes)
            html.raw("\">")
            TimestampText.appendDateTime(civil, to: &html.bytes)
            html.raw("</time></td>")
            for (index, points) in signals.enumerated() {
                html.raw("<td class=\"num\">")
                if positions[index] < points.count && points[positions[index]].time == time {
                    ValueText.append(points[positions[index]].value, to: &html.bytes)
                    positions[index] += 1
                }
                html.raw("</td>")
            }
            html.raw("</tr>")
        }
        html.raw("</tbody></table>")
        return html.string
    }
}
