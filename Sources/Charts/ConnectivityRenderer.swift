import OutageData

/// Writes the SVG of a prepared chart.
struct ConnectivityRenderer {
    let chart: PreparedChart
    let spec: ChartSpec
    let layout: ChartLayout
    /// The wide drawing's id; the narrow one's is this with `layout.idSuffix`.
    let wideID: String
    let id: String
    var out = SVGWriter(capacity: 48 * 1_024)

    // Geometry, fixed by `arrange()`.
    var height = 240.0
    var plotTop = 40.0
    var plotBottom = 200.0
    var legendRows: [[LegendEntry]] = []
    var markers: [Marker] = []
    var outsideEvents: [Int] = []
    var unmarkedEvents = 0

    static let legendTop = 4.0
    static let maximumMarkerLanes = 5
    static let minimumPlotHeight = 80.0
    var legendRowHeight: Double { layout.rowHeight }
    var markerLaneHeight: Double { 2 * layout.markerRadius(digits: 2) + 2 }
    /// Room under the plot for the tick labels and the axis title.
    var bottomPadding: Double { 2 * layout.fontSize + 14 }
    /// The legend's first entry on a reconstructed chart, and the start of its description.
    static let reconstructedLabel = "Reconstructed from reports, not measured"
    /// Dashes of a reconstructed line and of its legend swatch.
    static let reconstructedDash: StaticString = " stroke-dasharray=\"7 4\""

    struct LegendEntry {
        /// `continuation`: the second line of the entry before it, which did not fit on one
        /// (`provenance` when that entry is the provenance line, set in bold italic).
        enum Kind { case provenance, signal(PreparedChart.Signal), window, continuation(provenance: Bool) }
        var kind: Kind
        var text: String
        var x: Double
    }

    struct Marker {
        var event: ChartEvent
        var x: Double
        var radius: Double
        var lane: Int
    }

    /// Where the root element's aria-labelledby lies in the drawing, once drawn.
    private(set) var labelledBy = 0..<0

    /// Filled in by `writeSignals()`.
    var drawnLines = DrawnLines()
    /// Set for a drawing that shows another's lines (see `DrawnLines`).
    var linesFrom: DrawnLines?

    init(chart: PreparedChart, spec: ChartSpec, layout: ChartLayout = .wide) {
        self.chart = chart
        self.spec = spec
        self.layout = layout
        wideID = sanitizedID(spec.idPrefix)
        id = wideID + layout.idSuffix
    }

    func x(_ time: Int64) -> Double {
        let start = Double(chart.domain.start)
        let span = Double(chart.domain.end) - start
        guard span > 0 else { return layout.plotLeft }
        return layout.plotLeft + (Double(time) - start) / span * layout.plotWidth
    }

    func y(_ value: Double) -> Double {
        plotBottom - chart.scale.fraction(value) * (plotBottom - plotTop)
    }

    mutating func render() -> String {
        String(decoding: renderUTF8(), as: UTF8.self)
    }

    mutating func renderUTF8() -> [UInt8] {
        arrange()
        // Beside the wide drawing on a page, the narrow one is labelled by the wide one's title
        // and description (hidden elements still name), and its markers carry no tooltips: the
        // page lists the events.
        let companion = linesFrom != nil
        labelledBy = out.openSVG(id: id, width: layout.width, height: height, className: "blackout-chart connectivity-chart",
                                 labelled: !spec.standalone, fontSize: layout.fontSize, labelID: companion ? wideID : nil)
        if !companion {
            out.titleAndDescription(id: id, title: ValueText.truncated(spec.title, limit: ChartLimits.titleCharacters),
                                    description: ValueText.truncated(description(), limit: ChartLimits.descriptionCharacters))
        }
        writeStyle()
        out.raw("<rect class=\"bg\"")
        out.attribute("width", number: layout.width)
        out.raw(" height=\"")
        out.number(height)
        out.raw("\" fill=\"#fbfaf7\"/>")
        writeWindow()
        writeYAxis()
        writeXAxis()
        writeMarkers()
        writeSignals()
        writeLegend()
        out.raw("</svg>")
        return out.bytes
    }

    // MARK: Layout

    mutating func arrange() {
        // Legend: entries flow left to right and wrap.
        var entries: [(LegendEntry.Kind, String)] = spec.reconstructed ? [(.provenance, Self.reconstructedLabel)] : []
        entries += chart.signals.map { (.signal($0), $0.legend) }
        if spec.window != nil {
            entries.append((.window, "Stated outage"))
        }
        let available = layout.plotRight - layout.plotLeft
        let maxCharacters = Int((available - 24) / layout.charWidth)
        var row: [LegendEntry] = []
        var cursor = layout.plotLeft
        for (kind, label) in entries {
            var text = ValueText.truncated(label, limit: maxCharacters)
            if text != label {
                // Too long for one row (in the narrow drawing): two rows of its own, the second
                // truncated if need be.
                let lines = layout.lines(label, limit: maxCharacters)
                if lines.count > 1 {
                    if !row.isEmpty { legendRows.append(row) }
                    row = []
                    cursor = layout.plotLeft
                    text = lines[0]
                    let rest = lines.dropFirst().joined(separator: " ")
                    legendRows.append([LegendEntry(kind: kind, text: text, x: cursor)])
                    var provenance = false
                    if case .provenance = kind { provenance = true }
                    legendRows.append([LegendEntry(kind: .continuation(provenance: provenance),
                                                   text: ValueText.truncated(rest, limit: maxCharacters),
                                                   x: cursor + (provenance ? 0 : 24))])
                    continue
                }
            }
            if case .provenance = kind {
                // A row of its own: bold italic text, wider than the estimate for the rest.
                legendRows.append([LegendEntry(kind: kind, text: text, x: cursor)])
                continue
            }
            let width = 24 + Double(text.count) * layout.charWidth
            if cursor + width > layout.plotRight && !row.isEmpty {
                legendRows.append(row)
                row = []
                cursor = layout.plotLeft
            }
            row.append(LegendEntry(kind: kind, text: text, x: cursor))
            cursor += width + 16
        }
        if !row.isEmpty { legendRows.append(row) }
        let legendBottom = Self.legendTop + Double(legendRows.count) * legendRowHeight

        // Markers: events inside the range, in lanes so that circles do not overlap.
        let sorted = spec.events.enumerated().sorted { a, b in
            a.element.time != b.element.time ? a.element.time < b.element.time : a.offset < b.offset
        }.map(\.element)
        var laneRight: [Double] = []
        for event in sorted {
            guard event.time >= chart.domain.start && event.time <= chart.domain.end else {
                outsideEvents.append(event.number)
                continue
            }
            guard markers.count < ChartLimits.maximumMarkers else {
                unmarkedEvents += 1
                continue
            }
            let position = x(event.time)
            let radius = layout.markerRadius(digits: String(event.number).count)
            var lane = laneRight.firstIndex { $0 + 2 <= position - radius }
            if lane == nil {
                if laneRight.count < Self.maximumMarkerLanes {
                    laneRight.append(-Double.infinity)
                    lane = laneRight.count - 1
                } else {
                    lane = laneRight.indices.min { laneRight[$0] < laneRight[$1] }
                }
            }
            let chosen = lane ?? 0
            laneRight[chosen] = position + radius
            markers.append(Marker(event: event, x: position, radius: radius, lane: chosen))
        }
        plotTop = legendBottom + (laneRight.isEmpty ? 10 : 4 + Double(laneRight.count) * markerLaneHeight + 4)
        // A phone shows the narrow drawing at about its own size: a taller plot keeps the lines apart.
        let minimumPlot = layout.isNarrow ? 2 * Self.minimumPlotHeight : Self.minimumPlotHeight
        height = Swift.min(4_000, Swift.max(Double(spec.height), plotTop + minimumPlot + bottomPadding))
        plotBottom = height - bottomPadding
    }

    func description() -> String {
        var text = spec.description.trimmingSpaces
        if text.isEmpty {
            let labels = ValueText.list(chart.signals.map(\.label))
            text = "Chart of " + (labels.isEmpty ? "no signals" : labels) + " from "
                + Timestamp(seconds: chart.domain.start).display() + " to "
                + Timestamp(seconds: chart.domain.end).display() + " UTC."
        }
        if spec.reconstructed { text = Self.reconstructedLabel + ". " + text }
        var notes = chart.notes
        if !outsideEvents.isEmpty {
            let numbers = outsideEvents.map(String.init)
            notes.append((numbers.count == 1 ? "Event " : "Events ") + ValueText.list(numbers)
                         + (numbers.count == 1 ? " is" : " are") + " outside the plotted time range.")
        }
        if unmarkedEvents > 0 {
            notes.append("\(unmarkedEvents) more event\(unmarkedEvents == 1 ? " is" : "s are") not marked (a chart marks at most \(ChartLimits.maximumMarkers)).")
        }
        return ([text] + notes).joined(separator: " ")
    }

    // MARK: Parts

    mutating func writeStyle() {
        // The style depends on the id (the layout's is in it) and the colour slots in use.
        var slots: [Int] = []
        for signal in chart.signals where signal.color == nil {
            let slot = signal.slot % ChartStyle.seriesLight.count
            if !slots.contains(slot) { slots.append(slot) }
        }
        let key = "connectivity " + slots.map(String.init).joined(separator: ",")
        out.raw(ChartStyle.element(id: id, key: key, rules: {
            [ChartStyle.background, ChartStyle.text, ChartStyle.strongText, ChartStyle.grid, ChartStyle.axis,
             ChartStyle.window, ChartStyle.windowEdge, ChartStyle.markerFill, ChartStyle.markerText,
             ChartStyle.markerLine] + slots.map(ChartStyle.series)
        }, extra: { [layout, wideID] in layout.toggleCSS(wideID: wideID) }))
    }

    mutating func writeWindow() {
        guard let window = spec.window else { return }
        let left = x(window.start)
        let right = window.end.map { x(Swift.max($0, window.start)) } ?? layout.plotRight
        out.raw("<g class=\"outage-window\"><rect class=\"window\" fill=\"rgba(178,58,11,.11)\"")
        out.attribute("x", number: left)
        out.attribute("y", number: plotTop)
        out.attribute("width", number: Swift.max(0, right - left))
        out.attribute("height", number: plotBottom - plotTop)
        out.raw("/><path class=\"window-edge\" stroke=\"rgba(178,58,11,.55)\" stroke-dasharray=\"4 3\" d=\"")
        writeVertical(left)
        if window.end != nil { writeVertical(right) }
        out.raw("\"/></g>")
    }

    mutating func writeVertical(_ position: Double) {
        out.byte("M")
        out.number(position)
        out.byte(" ")
        out.number(plotTop)
        out.byte("V")
        out.number(plotBottom)
    }

    mutating func writeYAxis() {
        // Without any value the scale is a placeholder: grid lines, but no numbers.
        let labels = chart.signals.contains { $0.hasValues } ? chart.scale.labels(suffix: chart.percent ? " %" : "") : []
        out.raw("<path class=\"grid\" stroke=\"#e3e0d8\" d=\"")
        for tick in chart.scale.ticks where tick != chart.scale.low {
            out.byte("M")
            out.number(layout.plotLeft)
            out.byte(" ")
            out.number(y(tick))
            out.byte("H")
            out.number(layout.plotRight)
        }
        out.raw("\"/><g class=\"y-axis\" text-anchor=\"end\" fill=\"#5a616b\">")
        for (tick, label) in zip(chart.scale.ticks, labels) {
            out.raw("<text x=\"")
            out.number(layout.plotLeft - 6)
            out.raw("\" y=\"")
            out.number(y(tick) + layout.fontSize * 0.35)
            out.raw("\">")
            out.text(label)
            out.raw("</text>")
        }
        out.raw("</g>")
        // The axis line at the bottom, and a zero line when the values go below zero.
        out.raw("<path class=\"axis\" stroke=\"#5a616b\" d=\"M")
        out.number(layout.plotLeft)
        out.byte(" ")
        out.number(plotBottom)
        out.byte("H")
        out.number(layout.plotRight)
        if chart.scale.low < 0 && chart.scale.high > 0 {
            out.byte("M")
            out.number(layout.plotLeft)
            out.byte(" ")
            out.number(y(0))
            out.byte("H")
            out.number(layout.plotRight)
        }
        out.raw("\"/>")
    }

    mutating func writeXAxis() {
        let ticks = TimeAxis.ticks(start: chart.domain.start, end: chart.domain.end,
                                   width: layout.plotWidth, charWidth: layout.charWidth)
        if !ticks.isEmpty {
            out.raw("<path class=\"axis\" stroke=\"#5a616b\" d=\"")
            for tick in ticks {
                out.byte("M")
                out.number(x(tick.time))
                out.byte(" ")
                out.number(plotBottom)
                out.raw("v4")
            }
            out.raw("\"/>")
        }
        out.raw("<g class=\"x-axis\" text-anchor=\"middle\" fill=\"#5a616b\">")
        let placed = TimeAxis.placedLabels(ticks, minX: 2, maxX: layout.width - 2,
                                           charWidth: layout.charWidth) { x($0) }
        for label in placed {
            out.raw("<text x=\"")
            out.number(label.x)
            out.raw("\" y=\"")
            out.number(plotBottom + layout.fontSize + 4)
            out.raw("\">")
            out.text(label.label)
            out.raw("</text>")
        }
        out.raw("<text class=\"axis-title\" x=\"")
        out.number((layout.plotLeft + layout.plotRight) / 2)
        out.raw("\" y=\"")
        out.number(plotBottom + 2 * layout.fontSize + 8)
        out.raw("\">")
        let start = Timestamp(seconds: chart.domain.start)
        let end = Timestamp(seconds: chart.domain.end)
        let title = "Time (UTC), " + start.display() + " to " + Self.endText(end, after: start)
        // The narrow drawing has no room for both ends; its ticks and the description give the end.
        let fits = Double(title.count) * layout.charWidth <= layout.width - 8
        out.text(fits ? title : "Time (UTC) from " + start.display())
        out.raw("</text></g>")
    }

    /// "16:17" on the same UTC day as `start`, else "23 Dec 01:46" (the year when it differs).
    static func endText(_ end: Timestamp, after start: Timestamp) -> String {
        let a = start.civil()
        let b = end.civil()
        if a.year == b.year && a.month == b.month && a.day == b.day {
            return TimeAxis.twoDigits(b.hour) + ":" + TimeAxis.twoDigits(b.minute)
        }
        return end.display(relativeTo: start)
    }

    mutating func writeMarkers() {
        guard !markers.isEmpty else { return }
        let laneTop = Self.legendTop + Double(legendRows.count) * legendRowHeight + 4
        out.raw("<g class=\"markers\" font-weight=\"700\" text-anchor=\"middle\">")
        for marker in markers {
            let cy = laneTop + markerLaneHeight / 2 + Double(marker.lane) * markerLaneHeight
            out.raw("<g class=\"marker\">")
            if linesFrom == nil {
                out.title("Event " + String(marker.event.number) + ", "
                          + Timestamp(seconds: marker.event.time).display() + " UTC: "
                          + ValueText.truncated(marker.event.label, limit: ChartLimits.eventLabelCharacters))
            }
            out.raw("<line stroke=\"#33383f\" stroke-dasharray=\"2 3\"")
            out.attribute("x1", number: marker.x)
            out.attribute("y1", number: cy + marker.radius)
            out.attribute("x2", number: marker.x)
            out.attribute("y2", number: plotBottom)
            out.raw("/><circle fill=\"#1b1e22\"")
            out.attribute("cx", number: marker.x)
            out.attribute("cy", number: cy)
            out.attribute("r", number: marker.radius)
            out.raw("/><text fill=\"#fbfaf7\"")
            out.attribute("x", number: marker.x)
            out.attribute("y", number: cy + layout.fontSize * 0.35)
            out.raw(">")
            out.int(marker.event.number)
            out.raw("</text></g>")
        }
        out.raw("</g>")
    }
}

extension String {
    /// Without leading and trailing spaces and newlines (no Foundation).
    var trimmingSpaces: String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[first...last])
    }
}
