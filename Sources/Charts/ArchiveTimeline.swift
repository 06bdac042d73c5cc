import OutageData

/// The archive on a time axis: one lane per year (newest on top), months across, each incident
/// a bar linking to its page. Readable with thousands of incidents: bars are at least 2 px wide,
/// overlapping bars within a year are spread over three rows of a lane, lanes have a fixed
/// height and the drawing grows with the number of years.
public enum ArchiveTimeline {
    static let laneHeight = 24.0
    static let rows = 3
    static let barHeight = 5.0
    static let rowGap = 1.0
    static let axisHeight = 26.0
    /// One row of legend; a narrow drawing may need more (see `legendRows`).
    static let legendHeight = 30.0
    static let minimumBarWidth = 2.0
    /// An incident whose end is unknown is drawn this wide.
    static let unknownEndWidth = 4.0
    /// Above this many years between the first and the last incident, only years with incidents
    /// get a lane.
    static let maximumContinuousYears = 100
    /// Above this many incidents, bars would make the page megabytes long (200 bytes each, with
    /// their link and title): each lane shows instead how many incidents began in each week.
    public static let maximumBars = 2_500
    /// The same for the narrow drawing: on a phone a lane is 300 units wide, where more bars
    /// than this are a smear, and the page already carries them in the wide drawing.
    public static let maximumNarrowBars = 500
    static let weeksPerLane = 53

    typealias Status = DisplayStatus

    /// A bar within one year.
    struct Part {
        var item: ArchiveItem
        var status: Status
        var year: Int
        var left: Double
        var right: Double
        var row = 0
    }

    /// Days in each month of a common year: month widths on the axis, the same in every lane.
    static let monthDays: [Double] = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

    /// x of a time within its own year: month start from the common-year layout, position within
    /// the month from the real month length, so month lines align across leap and common years.
    static func x(_ time: Int64, layout: ChartLayout) -> Double {
        let civil = Timestamp(seconds: time).civil()
        let monthStart = TimeAxis.monthStart(time)
        let monthLength = Double(TimeAxis.nextMonth(monthStart) - monthStart)
        let month = Swift.max(1, Swift.min(12, civil.month))
        var before = 0.0
        for index in 0..<(month - 1) { before += monthDays[index] }
        let within = Double(time - monthStart) / monthLength
        return layout.plotLeft + (before + within * monthDays[month - 1]) / 365 * layout.plotWidth
    }

    /// The parts of every item, cut at year ends, sorted by year then start.
    static func parts(_ items: [ArchiveItem], layout: ChartLayout = .wide) -> [Part] {
        let ordered = items.enumerated().sorted { a, b in
            if a.element.start != b.element.start { return a.element.start < b.element.start }
            if a.element.title != b.element.title { return a.element.title < b.element.title }
            return a.offset < b.offset
        }.map(\.element)
        // Ongoing incidents run to the newest time the archive knows.
        var horizon = Int64.min
        for item in items {
            horizon = Swift.max(horizon, item.start, item.end ?? item.start)
        }
        var parts: [Part] = []
        for item in ordered {
            let status = item.status
            let start = Swift.max(-TimeAxis.timeLimit, Swift.min(TimeAxis.timeLimit, item.start))
            var end: Int64
            if let given = item.end {
                end = given
            } else {
                end = status == .ongoing ? horizon : start
            }
            end = Swift.max(start, Swift.min(TimeAxis.timeLimit, end))
            var partStart = start
            var guardCount = 0
            while guardCount < 400 {
                guardCount += 1
                let yearStart = TimeAxis.yearStart(partStart)
                let nextYear = TimeAxis.advanceYears(yearStart, by: 1)
                let partEnd = Swift.min(end, nextYear)
                var left = x(partStart, layout: layout)
                var right = partEnd >= nextYear ? layout.plotRight : x(partEnd, layout: layout)
                if item.end == nil && status != .ongoing {
                    right = left + unknownEndWidth
                }
                if right - left < minimumBarWidth {
                    right = left + minimumBarWidth
                }
                if right > layout.plotRight {
                    // Late in December: keep the width, end at the edge.
                    left -= right - layout.plotRight
                    right = layout.plotRight
                }
                let year = Timestamp(seconds: partStart).civil().year
                parts.append(Part(item: item, status: status, year: year, left: left, right: right))
                if end <= nextYear { break }
                partStart = nextYear
            }
        }
        return parts
    }

    /// For a page: the wide drawing and the narrow one (see `ChartLayout`).
    public static func inlineSVG(_ items: [ArchiveItem], idPrefix: String) -> String {
        svg(items, idPrefix: idPrefix, layout: .wide) + svg(items, idPrefix: idPrefix, layout: .narrow)
    }

    /// The legend's entries in rows that fit the drawing's width, each with its x.
    static func legendRows(_ layout: ChartLayout) -> [[(status: Status, label: String, x: Double)]] {
        var rows: [[(status: Status, label: String, x: Double)]] = [[]]
        var cursor = layout.plotLeft
        for status in [Status.resolved, .ongoing, .endUnknown] {
            var label = status == .resolved ? "Resolved" : status == .ongoing ? "Ongoing (to the newest date in the archive)" : "End unknown"
            if status == .ongoing && 20 + Double(label.count) * layout.charWidth > layout.width - layout.plotLeft {
                label = "Ongoing (to the newest date)"
            }
            let width = 20 + Double(label.count) * layout.charWidth
            if cursor + width > layout.width - 4, !(rows.last ?? []).isEmpty {
                rows.append([])
                cursor = layout.plotLeft
            }
            rows[rows.count - 1].append((status, label, cursor))
            cursor += width + 20
        }
        return rows
    }

    public static func svg(_ items: [ArchiveItem], idPrefix: String, layout: ChartLayout = .wide) -> String {
        let wideID = sanitizedID(idPrefix)
        let id = wideID + layout.idSuffix
        var parts = parts(items, layout: layout)
        let partYears = Set(parts.map(\.year))
        var years: [Int]
        if let first = partYears.min(), let last = partYears.max(), case let (span, overflow) = last.subtractingReportingOverflow(first),
           !overflow, span <= maximumContinuousYears {
            years = Array(first...last)
        } else {
            years = partYears.sorted()
        }
        years.reverse()
        let laneOf = Dictionary(uniqueKeysWithValues: years.enumerated().map { ($0.element, $0.offset) })

        // Rows within each lane: the first row whose last bar ends before this one starts.
        var rowRight: [Int: [Double]] = [:]
        for index in parts.indices {
            var rights = rowRight[parts[index].year] ?? [Double](repeating: -Double.infinity, count: rows)
            let left = parts[index].left
            let row = rights.firstIndex { $0 + 1 <= left } ?? rights.indices.min { rights[$0] < rights[$1] } ?? 0
            rights[row] = parts[index].right
            rowRight[parts[index].year] = rights
            parts[index].row = row
        }

        let dense = items.count > (layout.isNarrow ? maximumNarrowBars : maximumBars)
        let legend = dense ? [] : legendRows(layout)
        let denseLegend = layout.lines("Incidents begun per week: the darkest week had " + String(items.count) + ".")
        let extraLegendRows = Swift.max(0, (dense ? denseLegend.count : legend.count) - 1)
        let height = axisHeight + Double(Swift.max(1, years.count)) * laneHeight + legendHeight
            + Double(extraLegendRows) * layout.rowHeight
        var out = SVGWriter(capacity: 4_096 + parts.count * 220)
        out.openSVG(id: id, width: layout.width, height: height, className: "blackout-chart archive-timeline", role: false,
                    fontSize: layout.fontSize)
        let title = "Timeline of the archive"
        var description: String
        if let newest = years.first, let oldest = years.last {
            description = String(items.count) + (items.count == 1 ? " incident" : " incidents") + " from "
                + String(oldest) + " to " + String(newest)
                + ", one lane per year (newest on top), months from left to right; each bar links to its incident."
        } else {
            description = "No incidents yet."
        }
        if dense, let newest = years.first, let oldest = years.last {
            description = String(items.count) + " incidents from " + String(oldest) + " to " + String(newest)
                + ", one lane per year (newest on top), months from left to right; the darker a week, the more incidents began in it."
        }
        if let newest = years.first, let oldest = years.last, years.count > 1,
           Int64(years.count) < Int64(newest) - Int64(oldest) + 1 {
            description += " Years without incidents are left out."
        }
        out.titleAndDescription(id: id, title: title, description: description)
        out.raw(ChartStyle.element(id: id, rules: [
            ChartStyle.background, ChartStyle.text, ChartStyle.strongText, ChartStyle.grid, ChartStyle.lane,
            ChartStyle.bar, ChartStyle.barHover, ChartStyle.ongoing,
        ], extra: "#\(id) .end-unknown{fill-opacity:.55}#\(id) a:focus{outline:2px solid var(--focus,#c2410c)}"
           + layout.toggleCSS(wideID: wideID)))
        out.raw("<rect class=\"bg\"")
        out.attribute("width", number: layout.width)
        out.raw(" height=\"")
        out.number(height)
        out.raw("\" fill=\"#fbfaf7\"/>")

        // Lanes: alternate shading, year labels.
        out.raw("<g class=\"lanes\">")
        for (lane, year) in years.enumerated() {
            let top = axisHeight + Double(lane) * laneHeight
            if lane % 2 == 0 {
                out.raw("<rect class=\"lane\" fill=\"#f1efe9\"")
                out.attribute("x", number: layout.plotLeft)
                out.attribute("y", number: top)
                out.attribute("width", number: layout.plotWidth)
                out.attribute("height", number: laneHeight)
                out.raw("/>")
            }
            out.raw("<text class=\"strong\" fill=\"#1b1e22\" text-anchor=\"end\" font-weight=\"600\"")
            out.attribute("x", number: layout.plotLeft - 8)
            out.attribute("y", number: top + laneHeight / 2 + layout.fontSize * 0.35)
            out.raw(">")
            out.text(TimeAxis.yearText(year))
            out.raw("</text>")
        }
        out.raw("</g>")

        // Month grid and labels.
        let lanesBottom = axisHeight + Double(Swift.max(1, years.count)) * laneHeight
        out.raw("<path class=\"grid\" stroke=\"#e3e0d8\" d=\"")
        var offset = 0.0
        for days in monthDays {
            let position = layout.plotLeft + offset / 365 * layout.plotWidth
            out.byte("M")
            out.number(position)
            out.byte(" ")
            out.number(axisHeight - 4)
            out.byte("V")
            out.number(lanesBottom)
            offset += days
        }
        out.byte("M")
        out.number(layout.plotRight)
        out.byte(" ")
        out.number(axisHeight - 4)
        out.byte("V")
        out.number(lanesBottom)
        out.raw("\"/><g class=\"months\" text-anchor=\"middle\" fill=\"#5a616b\">")
        // Every month named when there is room, else every other or every third.
        let monthWidth = layout.plotWidth / 12
        let monthStep = [1, 2, 3].first { Double($0) * monthWidth >= 4 * layout.charWidth } ?? 3
        offset = 0
        for (index, days) in monthDays.enumerated() {
            let center = layout.plotLeft + (offset + days / 2) / 365 * layout.plotWidth
            guard index % monthStep == 0 else {
                offset += days
                continue
            }
            out.raw("<text")
            out.attribute("x", number: center)
            out.attribute("y", number: 16)
            out.raw(">")
            out.raw(TimeAxis.monthNames[index])
            out.raw("</text>")
            offset += days
        }
        out.raw("<text text-anchor=\"end\"")
        out.attribute("x", number: layout.plotLeft - 8)
        out.attribute("y", number: 16)
        out.raw(">UTC</text></g>")

        if dense {
            weekDensity(parts, laneOf: laneOf, layout: layout, into: &out)
            out.raw("</svg>")
            return out.string
        }

        // Bars.
        out.raw("<g class=\"incidents\" fill=\"#4f7aa6\">")
        let rowsHeight = Double(rows) * barHeight + Double(rows - 1) * rowGap
        for part in parts {
            guard let lane = laneOf[part.year] else { continue }
            let top = axisHeight + Double(lane) * laneHeight + (laneHeight - rowsHeight) / 2
                + Double(part.row) * (barHeight + rowGap)
            let href = ChartLink.validated(part.item.href)
            if let href {
                out.raw("<a")
                out.attribute("href", href)
                out.raw(">")
            }
            out.raw("<rect class=\"bar")
            switch part.status {
            case .resolved: out.raw("\"")
            case .ongoing: out.raw(" ongoing\" fill=\"#b23a0b\"")
            case .endUnknown: out.raw(" end-unknown\" fill-opacity=\".55\"")
            }
            out.attribute("x", number: part.left)
            out.attribute("y", number: top)
            out.attribute("width", number: part.right - part.left)
            out.attribute("height", number: barHeight)
            out.raw(">")
            out.title(barTitle(part))
            out.raw("</rect>")
            if href != nil { out.raw("</a>") }
        }
        out.raw("</g>")

        // Legend.
        out.raw("<g class=\"legend\">")
        for (row, entries) in legend.enumerated() {
          let legendY = lanesBottom + 20 + Double(row) * layout.rowHeight
          for (status, label, cursor) in entries {
            out.raw("<rect class=\"bar")
            switch status {
            case .resolved: out.raw("\" fill=\"#4f7aa6\"")
            case .ongoing: out.raw(" ongoing\" fill=\"#b23a0b\"")
            case .endUnknown: out.raw(" end-unknown\" fill=\"#4f7aa6\" fill-opacity=\".55\"")
            }
            out.attribute("x", number: cursor)
            out.attribute("y", number: legendY - 8)
            out.raw(" width=\"14\" height=\"8\"/><text class=\"strong\" fill=\"#1b1e22\"")
            out.attribute("x", number: cursor + 20)
            out.attribute("y", number: legendY)
            out.raw(">")
            out.text(label)
            out.raw("</text>")
          }
        }
        out.raw("</g></svg>")
        return out.string
    }

    /// The dense form: per lane, one shaded cell per week in which incidents began, darker for
    /// more, with the count in its title. (Links go to the year pages listed under the drawing.)
    static func weekDensity(_ parts: [Part], laneOf: [Int: Int], layout: ChartLayout, into out: inout SVGWriter) {
        var counts: [Int: [Int]] = [:]
        for part in parts {
            // Only the part where the incident began counts: a long outage is one start.
            guard Timestamp(seconds: part.item.start).civil().year == part.year else { continue }
            let week = Swift.min(weeksPerLane - 1, Swift.max(0, Int((part.left - layout.plotLeft) / layout.plotWidth * Double(weeksPerLane))))
            counts[part.year, default: [Int](repeating: 0, count: weeksPerLane)][week] += 1
        }
        let busiest = counts.values.flatMap { $0 }.max() ?? 1
        let cellWidth = layout.plotWidth / Double(weeksPerLane)
        out.raw("<g class=\"incidents\" fill=\"#4f7aa6\">")
        for (year, weeks) in counts.sorted(by: { $0.key > $1.key }) {
            guard let lane = laneOf[year] else { continue }
            let top = axisHeight + Double(lane) * laneHeight + 3
            for (week, count) in weeks.enumerated() where count > 0 {
                out.raw("<rect class=\"bar\"")
                out.attribute("x", number: layout.plotLeft + Double(week) * cellWidth)
                out.attribute("y", number: top)
                out.attribute("width", number: cellWidth - 0.5)
                out.attribute("height", number: laneHeight - 6)
                out.raw(" fill-opacity=\"")
                out.number(0.15 + 0.85 * Double(count) / Double(busiest), decimals: 2)
                out.raw("\"")
                out.raw(">")
                out.title(TimeAxis.yearText(year) + ", week " + String(week + 1) + ": " + String(count) + (count == 1 ? " incident began" : " incidents began"))
                out.raw("</rect>")
            }
        }
        out.raw("</g>")
        let legendY = axisHeight + Double(Swift.max(1, laneOf.count)) * laneHeight + 20
        for (row, line) in layout.lines("Incidents begun per week: the darkest week had " + String(busiest) + ".").enumerated() {
            out.raw("<text class=\"strong\" fill=\"#1b1e22\"")
            out.attribute("x", number: layout.plotLeft)
            out.attribute("y", number: legendY + Double(row) * layout.rowHeight)
            out.raw(">")
            out.text(line)
            out.raw("</text>")
        }
    }

    static func barTitle(_ part: Part) -> String {
        let start = Timestamp(seconds: part.item.start)
        var text = part.item.title + " — " + start.display() + " UTC"
        if let end = part.item.end {
            let endStamp = Timestamp(seconds: Swift.max(end, part.item.start))
            text += " to " + endStamp.display(relativeTo: start) + " UTC ("
                + formatDuration(seconds: Swift.max(0, end &- part.item.start)) + ")"
            if part.status == .ongoing { text += ", ongoing" }
        } else {
            text += ", " + (part.status == .ongoing ? "ongoing" : part.status == .endUnknown ? "end unknown" : "resolved")
        }
        return text
    }

    /// A compact strip for the home page: incidents started per month as bars on one row,
    /// years on the axis. Not linked (the archive timeline is); `role="img"`.
    public static func inlineSmallSVG(_ items: [ArchiveItem], idPrefix: String) -> String {
        smallSVG(items, idPrefix: idPrefix, layout: .wide) + smallSVG(items, idPrefix: idPrefix, layout: .narrow)
    }

    public static func smallSVG(_ items: [ArchiveItem], idPrefix: String, layout: ChartLayout = .wide) -> String {
        let wideID = sanitizedID(idPrefix)
        let id = wideID + layout.idSuffix
        let height = 64.0
        let barTop = 6.0
        let barBottom = height - layout.fontSize - 9
        var out = SVGWriter(capacity: 8_192)
        out.openSVG(id: id, width: layout.width, height: height, className: "blackout-chart archive-strip", fontSize: layout.fontSize)
        var counts: [Int64: Int] = [:]
        for item in items {
            let start = TimeAxis.monthStart(Swift.max(-TimeAxis.timeLimit, Swift.min(TimeAxis.timeLimit, item.start)))
            counts[start, default: 0] += 1
        }
        let months = counts.keys.sorted()
        guard let firstMonth = months.first, let lastMonth = months.last else {
            out.titleAndDescription(id: id, title: "Incidents per month", description: "No incidents yet.")
            out.raw("</svg>")
            return out.string
        }
        let rangeStart = TimeAxis.yearStart(firstMonth)
        let rangeEnd = TimeAxis.advanceYears(TimeAxis.yearStart(lastMonth), by: 1)
        let span = Double(rangeEnd) - Double(rangeStart)
        func x(_ time: Int64) -> Double {
            layout.plotLeft + (Double(time) - Double(rangeStart)) / span * layout.plotWidth
        }
        let firstYear = Timestamp(seconds: rangeStart).civil().year
        let lastYear = Timestamp(seconds: lastMonth).civil().year
        let busiest = months.max { a, b in
            let ca = counts[a] ?? 0
            let cb = counts[b] ?? 0
            return ca != cb ? ca < cb : a > b
        } ?? firstMonth
        let most = counts[busiest] ?? 1
        let yearsText = firstYear == lastYear ? "in " + String(firstYear) : "from " + String(firstYear) + " to " + String(lastYear)
        let description = String(items.count) + (items.count == 1 ? " incident " : " incidents ") + yearsText
            + ", drawn as the number that began in each month; the most, " + String(most) + ", in "
            + monthYear(busiest) + "."
        out.titleAndDescription(id: id, title: "Incidents per month, " + (firstYear == lastYear ? String(firstYear) : String(firstYear) + "–" + String(lastYear)),
                                description: description)
        out.raw(ChartStyle.element(id: id, rules: [ChartStyle.background, ChartStyle.text, ChartStyle.axis, ChartStyle.bar],
                                   extra: layout.toggleCSS(wideID: wideID)))
        out.raw("<rect class=\"bg\"")
        out.attribute("width", number: layout.width)
        out.raw(" height=\"64\" fill=\"#fbfaf7\"/><g class=\"months\">")
        for month in months {
            let count = counts[month] ?? 0
            let left = x(month)
            let width = Swift.max(minimumBarWidth, x(TimeAxis.nextMonth(month)) - left - 0.5)
            let barHeight = Swift.max(3, Double(count) / Double(most) * (barBottom - barTop))
            out.raw("<rect class=\"bar\" fill=\"#4f7aa6\"")
            out.attribute("x", number: Swift.min(left, layout.plotRight - width))
            out.attribute("y", number: barBottom - barHeight)
            out.attribute("width", number: width)
            out.attribute("height", number: barHeight)
            out.raw(">")
            out.title(monthYear(month) + ": " + String(count) + (count == 1 ? " incident began" : " incidents began"))
            out.raw("</rect>")
        }
        out.raw("</g>")
        // Years on the axis: a tick at each New Year, the year's number centred in its span,
        // every k-th year when they are narrow.
        var yearStarts: [Int64] = [rangeStart]
        while let last = yearStarts.last, last < rangeEnd && yearStarts.count <= 1_000 {
            yearStarts.append(TimeAxis.advanceYears(last, by: 1))
        }
        let yearWidth = layout.plotWidth / Double(Swift.max(1, yearStarts.count - 1))
        var every = 1
        for candidate in [1, 2, 5, 10, 20, 50, 100, 200, 500, 1_000] {
            every = candidate
            if yearWidth * Double(candidate) >= 6 * layout.charWidth { break }
        }
        out.raw("<path class=\"axis\" stroke=\"#5a616b\" d=\"M")
        out.number(layout.plotLeft)
        out.byte(" ")
        out.number(barBottom)
        out.byte("H")
        out.number(layout.plotRight)
        for start in yearStarts where start <= rangeEnd {
            out.byte("M")
            out.number(x(start))
            out.byte(" ")
            out.number(barBottom)
            out.raw("v4")
        }
        out.raw("\"/><g class=\"x-axis\" text-anchor=\"middle\" fill=\"#5a616b\">")
        for (start, next) in zip(yearStarts, yearStarts.dropFirst()) {
            let year = Timestamp(seconds: start).civil().year
            guard year % every == 0 || every == 1 else { continue }
            out.raw("<text")
            out.attribute("x", number: (x(start) + x(next)) / 2)
            out.attribute("y", number: barBottom + layout.fontSize + 5)
            out.raw(">")
            out.text(TimeAxis.yearText(year))
            out.raw("</text>")
        }
        out.raw("</g></svg>")
        return out.string
    }

    /// "Dec 2014"
    static func monthYear(_ time: Int64) -> String {
        let civil = Timestamp(seconds: time).civil()
        return TimeAxis.monthName(civil.month) + " " + TimeAxis.yearText(civil.year)
    }
}

