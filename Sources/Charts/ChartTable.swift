import OutageData

/// The plotted numbers of a connectivity chart as an HTML `<table>` (SPEC §6: the accessible
/// form of the chart, collapsed under it): a caption, a UTC time column, one column per signal
/// drawn (label and unit), raw values before normalization, "—" for missing values and an
/// empty cell where a signal has no sample at that time. Everything escaped.
///
/// A chart has up to 1,000 points per signal, so an archive with series writes millions of
/// these rows: each row is assembled in a scratch buffer and appended once, a day's date is
/// formatted once, and whole numbers (what counts of prefixes, probes and packets are) take a
/// short path. Cells carry no markup of their own; the theme aligns the value columns.
enum ChartTable {
    static func utf8(_ spec: ChartSpec) -> [UInt8] {
        let drawn = Array(spec.signals.prefix(ChartLimits.maximumSignals))
        let signals = drawn.map { PreparedChart.plottedPoints($0.points, signalCount: spec.signals.count) }
        let longest = signals.map(\.count).max() ?? 0
        var html = SVGWriter(capacity: 256 + longest * (40 + 16 * signals.count))
        html.raw("<table class=\"chart-data\"><caption>")
        html.text("Plotted values of “" + spec.title + "”, times in UTC")
        if spec.normalization != .none {
            html.text(", raw values before normalization")
        }
        html.text("; — marks missing data.")
        html.raw("</caption><thead><tr><th scope=\"col\">Time (UTC)</th>")
        for signal in drawn {
            html.raw("<th scope=\"col\" class=\"num\">")
            html.text(signal.label)
            if let unit = signal.unit, !unit.isEmpty {
                html.text(" (" + unit + ")")
            }
            html.raw("</th>")
        }
        html.raw("</tr></thead><tbody>")
        var rows = RowWriter(signals: signals.count)
        defer { rows.release() }
        var positions = [Int](repeating: 0, count: signals.count)
        while true {
            var time = Int64.max
            var any = false
            for (index, points) in signals.enumerated() where positions[index] < points.count {
                time = Swift.min(time, points[positions[index]].time)
                any = true
            }
            guard any else { break }
            rows.start(time)
            for (index, points) in signals.enumerated() {
                if positions[index] < points.count && points[positions[index]].time == time {
                    rows.cell(points[positions[index]].value)
                    positions[index] += 1
                } else {
                    rows.emptyCell()
                }
            }
            rows.end(into: &html.bytes)
        }
        html.raw("</tbody></table>")
        return html.bytes
    }

    /// One row at a time in a buffer big enough for any row: the time (at most 25 bytes for
    /// the widest year) and per signal a value of at most 32 bytes, with their tags.
    struct RowWriter {
        private let buffer: UnsafeMutablePointer<UInt8>
        private var count = 0
        /// The date ("2019-02-12T") of `day`, formatted when the day changes.
        private var day = Int64.min
        private var date: [UInt8] = []
        /// For values off the short path (fractions, very large or small numbers).
        private var scratch: [UInt8] = []

        static let timeBytes = 40
        static let cellBytes = 48

        init(signals: Int) {
            buffer = .allocate(capacity: 32 + Self.timeBytes + signals * Self.cellBytes)
            date.reserveCapacity(16)
            scratch.reserveCapacity(Self.cellBytes)
        }

        func release() { buffer.deallocate() }

        private mutating func put(_ text: StaticString) {
            let length = text.utf8CodeUnitCount
            (buffer + count).update(from: text.utf8Start, count: length)
            count += length
        }

        private mutating func put(_ bytes: [UInt8]) {
            bytes.withUnsafeBufferPointer { source in
                guard let base = source.baseAddress else { return }
                (buffer + count).update(from: base, count: source.count)
            }
            count += bytes.count
        }

        private mutating func putTwoDigits(_ value: Int) {
            buffer[count] = UInt8(truncatingIfNeeded: 48 + value / 10)
            buffer[count + 1] = UInt8(truncatingIfNeeded: 48 + value % 10)
            count += 2
        }

        /// `<tr><td>2019-02-12T12:31:00Z</td>`: the same text `TimestampText.dateTime` gives.
        mutating func start(_ time: Int64) {
            count = 0
            put("<tr><td>")
            let (quotient, remainder) = time.quotientAndRemainder(dividingBy: 86_400)
            let today = remainder < 0 ? quotient - 1 : quotient
            let second = Int(remainder < 0 ? remainder + 86_400 : remainder)
            if today != day {
                day = today
                date.removeAll(keepingCapacity: true)
                TimestampText.appendDateTime(Timestamp(seconds: time).civil(), to: &date)
                // Keep "YYYY-MM-DDT"; the time of day is written per row.
                if let t = date.lastIndex(of: UInt8(ascii: "T")) { date.removeSubrange((t + 1)...) }
            }
            put(date)
            putTwoDigits(second / 3_600)
            buffer[count] = UInt8(ascii: ":")
            count += 1
            putTwoDigits(second / 60 % 60)
            buffer[count] = UInt8(ascii: ":")
            count += 1
            putTwoDigits(second % 60)
            put("Z</td>")
        }

        mutating func emptyCell() {
            put("<td></td>")
        }

        /// `<td>1,234</td>`, the value as `ValueText.append` writes it.
        mutating func cell(_ value: Double) {
            put("<td>")
            // What `FixedNumber` writes without an exponent at 3 decimals, and whole.
            if value.magnitude * 1_000 < FixedNumber.exactLimit, value == value.rounded(.towardZero), value != 0 {
                putWhole(Int64(value))
            } else {
                scratch.removeAll(keepingCapacity: true)
                ValueText.append(value, to: &scratch)
                put(scratch)
            }
            put("</td>")
        }

        /// A whole number below 2^53 / 1,000 with thousands separators and a typographic minus ("−1,234").
        private mutating func putWhole(_ value: Int64) {
            if value < 0 { put("\u{2212}") }
            var magnitude = value.magnitude
            var digits = 1
            var power: UInt64 = 10
            while magnitude >= power {
                digits += 1
                power *= 10
            }
            // Written from the last digit back.
            let length = digits + (digits - 1) / 3
            var position = count + length - 1
            var written = 0
            repeat {
                if written > 0 && written % 3 == 0 {
                    buffer[position] = UInt8(ascii: ",")
                    position -= 1
                }
                buffer[position] = UInt8(truncatingIfNeeded: 48 + magnitude % 10)
                position -= 1
                magnitude /= 10
                written += 1
            } while magnitude > 0
            count += length
        }

        mutating func end(into bytes: inout [UInt8]) {
            put("</tr>")
            bytes.append(contentsOf: UnsafeBufferPointer(start: buffer, count: count))
        }
    }
}
