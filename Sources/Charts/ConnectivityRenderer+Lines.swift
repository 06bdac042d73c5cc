/// The connectivity chart's lines: each signal's path (or, in the narrow drawing beside the wide
/// one on a page, a `<use>` of the wide one's), and the colours they are drawn in.
extension ConnectivityRenderer {
    /// The lines of a drawing, for a second drawing of the same chart in the same page: the
    /// narrow drawing shows the wide one's paths with `<use>` and a transform from one plot
    /// area to the other, instead of writing a thousand points per signal again. The paths
    /// draw with `vector-effect="non-scaling-stroke"`, so the stretch leaves their width alone,
    /// and take their colour from the `<use>` (they carry none of their own besides the class,
    /// which gives the same colour wherever a browser matches it).
    struct DrawnLines {
        var left = 0.0, right = 0.0, top = 0.0, bottom = 0.0
        var paths: [(signal: Int, role: StaticString, id: String)] = []
        /// Where the paths' `vector-effect` attributes lie in the drawing: SVG 1.1, which a
        /// standalone file follows, has no such attribute, and the file needs none.
        var effects: [Range<Int>] = []
    }


    /// ` class="line s1" stroke="#0072b2"` or the author's colour.
    mutating func writeSeriesPaint(_ signal: PreparedChart.Signal, role: StaticString) {
        writeSeriesClass(signal, role: role)
        out.raw(" stroke=\"")
        out.raw(Self.seriesColor(signal))
        out.byte("\"")
    }

    /// ` class="line s1"`, or ` class="line"` for an author's colour.
    mutating func writeSeriesClass(_ signal: PreparedChart.Signal, role: StaticString) {
        out.raw(" class=\"")
        out.raw(role)
        if signal.color == nil {
            out.raw(" s")
            out.int(signal.slot % ChartStyle.seriesLight.count + 1)
        }
        out.byte("\"")
    }

    /// The author's colour, or the slot's light colour (the `<style>` gives the theme's).
    static func seriesColor(_ signal: PreparedChart.Signal) -> String {
        signal.color ?? ChartStyle.seriesLight[signal.slot % ChartStyle.seriesLight.count]
    }

    /// A path of the lines: in a `<g>` with its colour, so that a `<use>` of it can give another.
    mutating func writeLinePath(_ signal: Int, dots: Bool, d: [UInt8]) {
        let role: StaticString = dots ? "dots" : "line"
        let pathID = id + (dots ? "-d" : "-l") + String(signal)
        drawnLines.paths.append((signal, role, pathID))
        out.raw("<g stroke=\"")
        out.raw(Self.seriesColor(chart.signals[signal]))
        out.raw("\"><path id=\"")
        out.raw(pathID)
        out.byte("\"")
        writeSeriesClass(chart.signals[signal], role: role)
        if spec.reconstructed && !dots { out.raw(Self.reconstructedDash) }
        out.raw(dots ? " stroke-width=\"4\"" : " stroke-width=\"1.75\"")
        if !spec.standalone {
            let start = out.count
            out.raw(" vector-effect=\"non-scaling-stroke\"")
            drawnLines.effects.append(start..<out.count)
        }
        out.raw(" d=\"")
        out.bytes.append(contentsOf: d)
        out.raw("\"/></g>")
    }

    /// `<use>` of each path in `lines`, moved from its plot area onto this one.
    mutating func writeUses(_ lines: DrawnLines) {
        let scaleX = lines.right > lines.left ? (layout.plotRight - layout.plotLeft) / (lines.right - lines.left) : 1
        let scaleY = lines.bottom > lines.top ? (plotBottom - plotTop) / (lines.bottom - lines.top) : 1
        for path in lines.paths {
            out.raw("<use href=\"#")
            out.raw(path.id)
            out.byte("\"")
            writeSeriesPaint(chart.signals[path.signal], role: path.role)
            out.raw(" transform=\"matrix(")
            out.number(scaleX, decimals: 5)
            out.raw(" 0 0 ")
            out.number(scaleY, decimals: 5)
            out.byte(" ")
            out.number(layout.plotLeft - lines.left * scaleX, decimals: 3)
            out.byte(" ")
            out.number(plotTop - lines.top * scaleY, decimals: 3)
            out.raw(")\"/>")
        }
    }

    /// `value` in tenths, rounded half away from zero to a multiple of `step` tenths; clamped
    /// far outside any drawing first, and without a libm call (this runs for every point).
    @inline(__always) static func grid(_ value: Double, step: Int) -> Int {
        let scaled = Swift.min(1e12, Swift.max(-1e12, value * 10 / Double(step)))
        return Int(scaled >= 0 ? scaled + 0.5 : scaled - 0.5) * step
    }

    mutating func writeSignals() {
        // Lines are drawn to a tenth of a unit; the narrow drawing to whole units, which on a
        // phone is about a pixel: shorter numbers, and runs within one pixel collapse.
        let step = layout.isNarrow ? 10 : 1
        var anyValue = false
        out.raw("<g class=\"series\" fill=\"none\" stroke-linejoin=\"round\" stroke-linecap=\"round\">")
        drawnLines = DrawnLines(left: layout.plotLeft, right: layout.plotRight, top: plotTop, bottom: plotBottom)
        if let lines = linesFrom {
            anyValue = chart.signals.contains { $0.exclusion == nil && $0.hasValues }
            writeUses(lines)
        }
        for (index, signal) in chart.signals.enumerated() where linesFrom == nil && signal.exclusion == nil && signal.hasValues {
            anyValue = true
            var line = SVGWriter(capacity: signal.points.count * 12)
            var dots = SVGWriter(capacity: 64)
            var run: [(Int, Int)] = []
            func flush(_ run: [(Int, Int)], line: inout SVGWriter, dots: inout SVGWriter) {
                guard let first = run.first else { return }
                if run.count == 1 {
                    dots.byte("M")
                    dots.tenths(first.0)
                    dots.byte(" ")
                    dots.tenths(first.1)
                    dots.raw("h0")
                    return
                }
                line.polyline(run)
            }
            for point in signal.points {
                guard point.value.isFinite else {
                    flush(run, line: &line, dots: &dots)
                    run.removeAll(keepingCapacity: true)
                    continue
                }
                let pair = (Self.grid(x(point.time), step: step), Self.grid(y(point.value), step: step))
                if let last = run.last, last == pair { continue }
                run.append(pair)
            }
            flush(run, line: &line, dots: &dots)
            if !line.bytes.isEmpty {
                writeLinePath(index, dots: false, d: line.bytes)
            }
            if !dots.bytes.isEmpty {
                writeLinePath(index, dots: true, d: dots.bytes)
            }
        }
        out.raw("</g>")
        if !anyValue {
            out.raw("<text class=\"strong no-data\" fill=\"#1b1e22\" text-anchor=\"middle\"")
            out.attribute("font-size", number: layout.fontSize + 2)
            out.attribute("x", number: (layout.plotLeft + layout.plotRight) / 2)
            out.attribute("y", number: (plotTop + plotBottom) / 2 + 4)
            out.raw(">No data in this range</text>")
        }
    }
}
