import OutageData

/// The timeline of an incident as a strip of numbered markers on a time line, drawn on the
/// x scale of the connectivity charts (same width and plot edges), so that with
/// `range = ConnectivityChart.timeDomain(chartSpec)` marker n sits under marker n of the chart.
public enum TimelineStrip {
    static let maximumLanes = 4

    public static func svg(_ spec: TimelineStripSpec, layout: ChartLayout = .wide) -> String {
        String(decoding: svgUTF8(spec, layout: layout), as: UTF8.self)
    }

    /// For a page: the wide drawing and the narrow one (see `ChartLayout`), as UTF-8.
    public static func inlineUTF8(_ spec: TimelineStripSpec) -> [UInt8] {
        svgUTF8(spec, layout: .wide) + svgUTF8(spec, layout: .narrow, companion: true)
    }

    /// `svg(spec)` as UTF-8 bytes, for pages that are built as bytes.
    /// `companion`: drawn beside the wide drawing on a page, so labelled by its title and
    /// description, and without tooltips on the markers (the page lists the events).
    public static func svgUTF8(_ spec: TimelineStripSpec, layout: ChartLayout = .wide, companion: Bool = false) -> [UInt8] {
        let wideID = sanitizedID(spec.idPrefix)
        let id = wideID + layout.idSuffix
        let laneHeight = 2 * layout.markerRadius(digits: 2) + 2
        let low = Swift.min(spec.range.start, spec.range.end)
        var high = Swift.max(spec.range.start, spec.range.end)
        if high == low { high = low &+ 1 }
        let span = Double(high) - Double(low)
        func x(_ time: Int64) -> Double {
            layout.plotLeft + (Double(time) - Double(low)) / span * layout.plotWidth
        }

        // Markers in lanes; events outside the range sit at the edge, drawn hollow, and say so.
        struct Marker { var event: ChartEvent; var x: Double; var radius: Double; var lane: Int; var outside: Bool }
        var markers: [Marker] = []
        var laneRight: [Double] = []
        let sorted = spec.events.enumerated().sorted { a, b in
            a.element.time != b.element.time ? a.element.time < b.element.time : a.offset < b.offset
        }.map(\.element)
        for event in sorted {
            let outside = event.time < low || event.time > high
            let position = event.time < low ? layout.plotLeft : event.time > high ? layout.plotRight : x(event.time)
            let radius = layout.markerRadius(digits: String(event.number).count)
            var lane = laneRight.firstIndex { $0 + 2 <= position - radius }
            if lane == nil {
                if laneRight.count < maximumLanes {
                    laneRight.append(-Double.infinity)
                    lane = laneRight.count - 1
                } else {
                    lane = laneRight.indices.min { laneRight[$0] < laneRight[$1] }
                }
            }
            let chosen = lane ?? 0
            laneRight[chosen] = position + radius
            markers.append(Marker(event: event, x: position, radius: radius, lane: chosen, outside: outside))
        }
        let lanes = Swift.max(1, laneRight.count)
        let lineY = 4 + Double(lanes) * laneHeight + 8
        let height = lineY + layout.fontSize + 17

        var out = SVGWriter(capacity: 4_096 + spec.events.count * 300)
        out.openSVG(id: id, width: layout.width, height: height, className: "blackout-chart timeline-strip", fontSize: layout.fontSize,
                    labelID: companion ? wideID : nil)
        if !companion {
            let title = spec.events.isEmpty ? "Timeline: no events"
                : "Timeline of " + String(spec.events.count) + (spec.events.count == 1 ? " event" : " events")
            var lines: [String] = []
            for marker in markers {
                var line = String(marker.event.number) + ". " + Timestamp(seconds: marker.event.time).display() + " UTC: "
                    + marker.event.label
                if marker.outside { line += " (outside the charted time range)" }
                lines.append(line)
            }
            let description = lines.isEmpty ? "No events." : lines.joined(separator: " ")
            out.titleAndDescription(id: id, title: title, description: description)
        }
        out.raw(ChartStyle.element(id: id, key: "timeline strip", rules: {[
            ChartStyle.background, ChartStyle.text, ChartStyle.axis, ChartStyle.window, ChartStyle.windowEdge,
            ChartStyle.markerFill, ChartStyle.markerText, ChartStyle.markerLine,
            ChartStyle.Rule(selector: ".marker.outside circle", property: "stroke", variable: "--fg", light: "#1b1e22", dark: "#e8e6e1"),
            ChartStyle.Rule(selector: ".marker.outside text", property: "fill", variable: "--fg", light: "#1b1e22", dark: "#e8e6e1"),
        ]}, extra: { "#\(id) .marker.outside circle{fill:none}" + layout.toggleCSS(wideID: wideID) }))
        out.raw("<rect class=\"bg\"")
        out.attribute("width", number: layout.width)
        out.raw(" height=\"")
        out.number(height)
        out.raw("\" fill=\"#fbfaf7\"/>")

        if let window = spec.window {
            let start = Swift.max(low, Swift.min(high, window.start))
            let end = Swift.max(start, Swift.min(high, window.end ?? high))
            out.raw("<rect class=\"window\" fill=\"rgba(178,58,11,.11)\"")
            out.attribute("x", number: x(start))
            out.attribute("y", number: lineY - 6)
            out.attribute("width", number: x(end) - x(start))
            out.attribute("height", number: 12)
            out.raw("/>")
        }
        let ticks = TimeAxis.ticks(start: low, end: high, width: layout.plotWidth, charWidth: layout.charWidth)
        out.raw("<path class=\"axis\" stroke=\"#5a616b\" d=\"M")
        out.number(layout.plotLeft)
        out.byte(" ")
        out.number(lineY)
        out.byte("H")
        out.number(layout.plotRight)
        for tick in ticks {
            out.byte("M")
            out.number(x(tick.time))
            out.byte(" ")
            out.number(lineY)
            out.raw("v4")
        }
        out.raw("\"/><g class=\"x-axis\" text-anchor=\"middle\" fill=\"#5a616b\">")
        let placed = TimeAxis.placedLabels(ticks, minX: layout.plotLeft - 20, maxX: layout.width - 2,
                                           charWidth: layout.charWidth) { x($0) }
        for label in placed {
            out.raw("<text")
            out.attribute("x", number: label.x)
            out.attribute("y", number: lineY + layout.fontSize + 5)
            out.raw(">")
            out.text(label.label)
            out.raw("</text>")
        }
        out.raw("<text class=\"axis-title\" text-anchor=\"end\"")
        out.attribute("x", number: layout.plotLeft - 24)
        out.attribute("y", number: lineY + layout.fontSize + 5)
        out.raw(">UTC</text></g>")

        out.raw("<g class=\"markers\" font-weight=\"700\" text-anchor=\"middle\">")
        for marker in markers {
            let cy = 4 + laneHeight / 2 + Double(marker.lane) * laneHeight
            out.raw(marker.outside ? "<g class=\"marker outside\">" : "<g class=\"marker\">")
            if !companion {
                out.title("Event " + String(marker.event.number) + ", " + Timestamp(seconds: marker.event.time).display()
                          + " UTC: " + marker.event.label + (marker.outside ? " (outside the charted time range)" : ""))
            }
            out.raw("<line stroke=\"#33383f\"")
            out.attribute("x1", number: marker.x)
            out.attribute("y1", number: cy + marker.radius)
            out.attribute("x2", number: marker.x)
            out.attribute("y2", number: lineY)
            out.raw(marker.outside ? "/><circle fill=\"none\" stroke=\"#1b1e22\" stroke-dasharray=\"2 2\"" : "/><circle fill=\"#1b1e22\"")
            out.attribute("cx", number: marker.x)
            out.attribute("cy", number: cy)
            out.attribute("r", number: marker.radius)
            out.raw(marker.outside ? "/><text fill=\"#1b1e22\"" : "/><text fill=\"#fbfaf7\"")
            out.attribute("x", number: marker.x)
            out.attribute("y", number: cy + layout.fontSize * 0.35)
            out.raw(">")
            out.int(marker.event.number)
            out.raw("</text></g>")
        }
        out.raw("</g></svg>")
        return out.bytes
    }
}
