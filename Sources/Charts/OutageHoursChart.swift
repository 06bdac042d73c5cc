import OutageData

/// Outage hours per year as a bar chart, for country pages.
public enum OutageHoursChart {
    static let height = 200.0
    static let maximumBarWidth = 40.0

    /// For a page: the wide drawing and the narrow one (see `ChartLayout`).
    public static func inlineSVG(_ hoursByYear: [(year: Int, hours: Double)], idPrefix: String, title: String) -> String {
        svg(hoursByYear, idPrefix: idPrefix, title: title, layout: .wide) + svg(hoursByYear, idPrefix: idPrefix, title: title, layout: .narrow)
    }

    /// Years between the first and the last given are shown too, with 0 hours (the archive has
    /// no outage for them), unless they span more than 200 years. A year given twice is summed.
    /// Hours that are not finite count as 0.
    public static func svg(_ hoursByYear: [(year: Int, hours: Double)], idPrefix: String, title: String,
                           layout: ChartLayout = .wide) -> String {
        let wideID = sanitizedID(idPrefix)
        let id = wideID + layout.idSuffix
        let plotTop = layout.fontSize + 11
        let plotBottom = height - 2 * layout.fontSize - 4
        var totals: [Int: Double] = [:]
        for entry in hoursByYear {
            totals[entry.year, default: 0] += entry.hours.isFinite ? entry.hours : 0
        }
        var years = totals.keys.sorted()
        if let first = years.first, let last = years.last, case let (span, overflow) = last.subtractingReportingOverflow(first),
           !overflow, span < 200 {
            years = Array(first...last)
        }
        let values = years.map { totals[$0] ?? 0 }

        var out = SVGWriter(capacity: 4_096 + years.count * 200)
        out.openSVG(id: id, width: layout.width, height: height, className: "blackout-chart outage-hours", fontSize: layout.fontSize)
        let description: String
        if years.isEmpty {
            description = "No outage hours recorded."
        } else {
            description = "Outage hours per year: "
                + zip(years, values).map { TimeAxis.yearText($0.0) + ", " + formatHours($0.1) + " h" }.joined(separator: "; ")
                + "."
        }
        out.titleAndDescription(id: id, title: title, description: description)
        out.raw(ChartStyle.element(id: id, rules: [
            ChartStyle.background, ChartStyle.text, ChartStyle.strongText, ChartStyle.grid, ChartStyle.axis, ChartStyle.bar,
        ], extra: layout.toggleCSS(wideID: wideID)))
        out.raw("<rect class=\"bg\"")
        out.attribute("width", number: layout.width)
        out.attribute("height", number: height)
        out.raw(" fill=\"#fbfaf7\"/>")
        guard !years.isEmpty else {
            out.raw("<text class=\"strong\" fill=\"#1b1e22\" text-anchor=\"middle\"")
            out.attribute("font-size", number: layout.fontSize + 2)
            out.attribute("x", number: layout.width / 2)
            out.raw(" y=\"100\">No outage hours recorded</text></svg>")
            return out.string
        }
        let scale = NiceScale(covering: Swift.min(0, values.min() ?? 0), Swift.max(0, values.max() ?? 0))
        func y(_ value: Double) -> Double {
            plotBottom - scale.fraction(value) * (plotBottom - plotTop)
        }
        // Grid and y labels.
        out.raw("<path class=\"grid\" stroke=\"#e3e0d8\" d=\"")
        for tick in scale.ticks where tick != scale.low {
            out.byte("M")
            out.number(layout.plotLeft)
            out.byte(" ")
            out.number(y(tick))
            out.byte("H")
            out.number(layout.plotRight)
        }
        out.raw("\"/><g class=\"y-axis\" text-anchor=\"end\" fill=\"#5a616b\">")
        for (tick, label) in zip(scale.ticks, scale.labels()) {
            out.raw("<text")
            out.attribute("x", number: layout.plotLeft - 6)
            out.attribute("y", number: y(tick) + layout.fontSize * 0.35)
            out.raw(">")
            out.text(label)
            out.raw("</text>")
        }
        out.raw("<text")
        out.attribute("x", number: layout.plotLeft - 6)
        out.attribute("y", number: layout.fontSize)
        out.raw(">hours</text></g>")

        // Bars with their values when there is room.
        let slot = layout.plotWidth / Double(years.count)
        let barWidth = Swift.min(maximumBarWidth, slot * 0.7)
        out.raw("<g class=\"bars\">")
        for (index, (year, value)) in zip(years, values).enumerated() {
            let center = layout.plotLeft + slot * (Double(index) + 0.5)
            let top = Swift.min(y(value), y(0))
            let bottom = Swift.max(y(value), y(0))
            out.raw("<rect class=\"bar\" fill=\"#4f7aa6\"")
            out.attribute("x", number: center - barWidth / 2)
            out.attribute("y", number: top)
            out.attribute("width", number: barWidth)
            out.attribute("height", number: bottom - top)
            out.raw(">")
            out.title(TimeAxis.yearText(year) + ": " + formatHours(value) + " outage hours")
            out.raw("</rect>")
        }
        out.raw("</g><g class=\"values strong\" fill=\"#1b1e22\" text-anchor=\"middle\">")
        for (index, value) in values.enumerated() where value != 0 {
            let label = formatHours(value)
            guard Double(label.count) * layout.charWidth + 4 <= slot else { continue }
            out.raw("<text")
            out.attribute("x", number: layout.plotLeft + slot * (Double(index) + 0.5))
            out.attribute("y", number: Swift.min(y(value), y(0)) - 4)
            out.raw(">")
            out.text(label)
            out.raw("</text>")
        }
        out.raw("</g>")

        // The x axis: every k-th year so that labels keep a character apart.
        out.raw("<path class=\"axis\" stroke=\"#5a616b\" d=\"M")
        out.number(layout.plotLeft)
        out.byte(" ")
        out.number(y(0))
        out.byte("H")
        out.number(layout.plotRight)
        out.raw("\"/><g class=\"x-axis\" text-anchor=\"middle\" fill=\"#5a616b\">")
        let labelWidth = 5 * layout.charWidth
        var every = 1
        while Double(every) * slot < labelWidth && every < years.count { every += every < 5 ? 1 : 5 }
        for (index, year) in years.enumerated() where index % every == 0 {
            out.raw("<text")
            out.attribute("x", number: layout.plotLeft + slot * (Double(index) + 0.5))
            out.attribute("y", number: plotBottom + layout.fontSize + 5)
            out.raw(">")
            out.text(TimeAxis.yearText(year))
            out.raw("</text>")
        }
        out.raw("</g></svg>")
        return out.string
    }
}
