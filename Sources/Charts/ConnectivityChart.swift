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

    /// A complete `<svg>` element (see the module documentation in `ChartTypes.swift`), in one
    /// layout.
    public static func svg(_ spec: ChartSpec, layout: ChartLayout = .wide) -> String {
        let chart = PreparedChart(spec)
        var renderer = ConnectivityRenderer(chart: chart, spec: spec, layout: layout)
        return renderer.render()
    }

    /// The inline chart and the standalone file of one spec, prepared (reduced, normalized,
    /// scaled) once. The inline chart is two `<svg>` elements, wide then narrow (see
    /// `ChartLayout`); the file is the wide drawing alone.
    public static func svgs(_ spec: ChartSpec) -> (inline: String, standalone: String) {
        let (inline, standalone) = svgsUTF8(spec)
        return (String(decoding: inline, as: UTF8.self), String(decoding: standalone, as: UTF8.self))
    }

    /// `svgs(spec)` as UTF-8 bytes, for pages and files that are written as bytes.
    public static func svgsUTF8(_ spec: ChartSpec) -> (inline: [UInt8], standalone: [UInt8]) {
        let chart = PreparedChart(spec)
        var wide = ConnectivityRenderer(chart: chart, spec: spec)
        var inline = wide.renderUTF8()
        // The file differs from the wide drawing only in the root element's aria-labelledby (see
        // SVGWriter.openSVG) and the paths' vector-effect, so it is that drawing without them.
        let range = wide.labelledBy
        var standalone: [UInt8]
        if range.isEmpty {
            var file = spec
            file.standalone = true
            var fileRenderer = ConnectivityRenderer(chart: PreparedChart(file), spec: file)
            standalone = fileRenderer.renderUTF8()
        } else {
            standalone = inline
            for effect in wide.drawnLines.effects.reversed() { standalone.removeSubrange(effect) }
            standalone.removeSubrange(range)
        }
        var narrow = ConnectivityRenderer(chart: chart, spec: spec, layout: .narrow)
        narrow.linesFrom = wide.drawnLines
        inline.append(contentsOf: narrow.renderUTF8())
        return (inline, standalone)
    }

    /// The plotted numbers as an HTML `<table>` (see `ChartTable`).
    public static func table(_ spec: ChartSpec) -> String {
        String(decoding: ChartTable.utf8(spec), as: UTF8.self)
    }

    /// `table(spec)` as UTF-8 bytes, for pages that are built as bytes.
    public static func tableUTF8(_ spec: ChartSpec) -> [UInt8] {
        ChartTable.utf8(spec)
    }
}
