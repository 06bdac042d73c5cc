/// A date-time pattern in the Unicode (LDML) style that spreadsheet exports use, compiled once
/// and matched against many cells: `"EEEE, MMMM d, yyyy, h:mm:ss a"`, `"M/d/yyyy H:mm:ss"`.
///
/// Fields (English names, letters case-sensitive as in LDML, cell text case-insensitive):
///
/// | field | matches |
/// |---|---|
/// | `y` | the year as written, 1–4 digits ("2021"; "21" is the year 21, as in LDML) |
/// | `yy` | two digits, pivoted: 00–68 → 2000–2068, 69–99 → 1969–1999 (the POSIX `%y` rule) |
/// | `yyy`, `yyyy` | four digits |
/// | `M`, `MM` | month 1–12, 1–2 digits / exactly 2 digits |
/// | `MMM`, `MMMM` | "Jan" (also "Sept") / "January" |
/// | `d`, `dd` | day of the month |
/// | `H`, `HH` | hour 0–23, as written even beside `a` |
/// | `h`, `hh` | hour 1–12; needs `a` |
/// | `m`, `mm`, `s`, `ss` | minute, second 0–59 (no leap second) |
/// | `S`, `SS`, … | a fraction of a second, any number of digits, ignored |
/// | `a` | "AM"/"PM", also "a.m."/"p.m."; with `H` only checked (see `reading`) |
/// | `E`, `EE`, `EEE`, `EEEE` | "Mon" (also "Tues", "Thur", "Thurs") / "Monday": checked against the date |
/// | `Z`, `X`, `x` (1–5 letters) | a UTC offset: "Z", "+09", "+0900", "+09:00", "GMT+9", "UTC−03:00" |
///
/// Every offset letter accepts every offset spelling above: a cell is matched, never written.
/// A single-letter numeric field takes 1–2 digits, a double one exactly 2. Any other ASCII
/// letter is reserved by LDML and refused; other characters are literal text, and
/// `'quoted text'` is literal too (`''` is a quote, inside or outside quotes). Literal letters
/// match in either case ("T" matches "t"). Whitespace in the pattern matches one or more
/// whitespace characters in the cell (space, tab, no-break spaces including U+202F, which
/// newer ICU puts before "PM"), and whitespace around the cell is ignored.
///
/// A pattern needs a year, a month and a day; minutes need an hour, seconds minutes, a
/// fraction seconds, an offset a time of day; a field may appear only once.
public struct DatePattern: Sendable, Hashable {
    /// The pattern as written.
    public let pattern: String
    /// Whether the pattern has a time of day (an hour field).
    public let hasTime: Bool
    /// Whether the pattern has a UTC offset field, which then overrides the zone.
    public let hasOffset: Bool
    let tokens: [DatePatternToken]

    /// Error (exact): `is not a date pattern: "<pattern>" (<reason>)`, with reasons such as
    /// "unknown field letter Q", "unclosed quote", "no year field", "h without a (AM/PM)".
    public init(_ pattern: String) throws(ValueError) {
        do {
            let tokens = try DatePatternCompiler.compile(pattern)
            self.pattern = pattern
            self.tokens = tokens
            self.hasTime = tokens.contains { if case .number(.hour24, _, _) = $0 { true } else if case .number(.hour12, _, _) = $0 { true } else { false } }
            self.hasOffset = tokens.contains { if case .offset = $0 { true } else { false } }
        } catch {
            throw ValueError("is not a date pattern: \(quoted(pattern)) (\(error.reason))")
        }
    }

    /// The tokens follow from the pattern, so equality is the pattern's.
    public static func == (lhs: DatePattern, rhs: DatePattern) -> Bool {
        lhs.pattern == rhs.pattern
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(pattern)
    }

    /// Matches the whole cell (surrounding whitespace ignored).
    ///
    /// - A pattern without a time gives a date-only Timestamp (`isDateOnly`), that day's
    ///   00:00 UTC; the zone does not shift a bare date.
    /// - With an offset in the pattern, the cell's offset is used and `zone` is ignored.
    /// - Otherwise the local time is converted to UTC with `zone`. A local time that a
    ///   daylight-saving jump skips (02:30 on a spring-forward night in New York) is shifted
    ///   forward by the gap (03:30 EDT), i.e. read with the offset in force before the jump; a
    ///   local time that happens twice (01:30 on a fall-back night) takes the earlier offset,
    ///   the one before the change (01:30 EDT, the first of the two instants).
    ///
    /// Returns nil when the cell does not match or names an impossible date or time (February
    /// 30, hour 13 with `h` and `a`, minute 60, a weekday that is not the date's).
    public func match(_ cell: String, zone: Zone) -> Timestamp? {
        reading(cell, zone: zone)?.timestamp
    }

    /// `match`, and whether the cell's AM/PM contradicts its `H` hour. With `H` and `a` the
    /// hour is read as written, as ICU does ("17:00:00 PM" is 17:00), and a marker on the wrong
    /// side of noon ("23:40 AM", "09:00 PM", also "12:30 AM" and "0:15 PM") is reported in
    /// `dayPeriodConflict` rather than refused, so that the caller can warn.
    public func reading(_ cell: String, zone: Zone) -> DateReading? {
        guard let fields = ByteReader.withBytes(of: cell, { DatePatternMatcher(tokens: tokens, bytes: $0).run() }),
              let resolved = fields.resolve()
        else { return nil }
        guard let local = resolved.secondOfDay else {
            return DateReading(timestamp: Timestamp(seconds: resolved.days * CivilCalendar.secondsPerDay, isDateOnly: true))
        }
        let localSeconds = resolved.days * CivilCalendar.secondsPerDay + local
        let seconds = resolved.offset.map { localSeconds - $0 } ?? zone.utcSeconds(local: localSeconds)
        return DateReading(timestamp: Timestamp(seconds: seconds), dayPeriodConflict: resolved.conflict)
    }
}

/// A cell read as a date: the instant, and an AM/PM that disagreed with the hour, if any.
public struct DateReading: Sendable, Hashable {
    public var timestamp: Timestamp
    public var dayPeriodConflict: DayPeriodConflict?

    public init(timestamp: Timestamp, dayPeriodConflict: DayPeriodConflict? = nil) {
        self.timestamp = timestamp
        self.dayPeriodConflict = dayPeriodConflict
    }
}

/// An AM/PM marker on the other side of noon from a 24-hour (`H`) hour: "23:40:00 AM" says AM
/// but 23 is a PM hour. The time is read as written (23:40); this says what was ignored.
/// Plain numbers, so that matching a cell allocates nothing; the text is made on demand.
public struct DayPeriodConflict: Sendable, Hashable {
    /// The hour, minute and second as written (hour 0–23).
    public var hour: Int
    public var minute: Int
    public var second: Int
    /// The marker said PM (and the hour is 0–11); otherwise it said AM and the hour is 12–23.
    public var saysPM: Bool

    public init(hour: Int, minute: Int, second: Int, saysPM: Bool) {
        self.hour = hour
        self.minute = minute
        self.second = second
        self.saysPM = saysPM
    }

    /// `"<cell>" says AM, but 23 is a PM hour on the 24-hour clock (H); read as 23:40`, with a
    /// hint for "12 … AM", which a 12-hour clock would mean as just after midnight.
    public func message(cell: String) -> String {
        var text = "\(quoted(CellText.trimmed(cell))) says \(saysPM ? "PM" : "AM"), but \(hour) is "
            + "\(saysPM ? "an AM" : "a PM") hour on the 24-hour clock (H); read as \(twoDigits(hour)):\(twoDigits(minute))"
        if second != 0 { text += ":" + twoDigits(second) }
        if hour == 12, !saysPM {
            text += " (for 00:\(twoDigits(minute)), the format needs h, the 12-hour clock, instead of H)"
        }
        return text
    }

    private func twoDigits(_ value: Int) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }
}

/// Tries `patterns` in order; the first that matches wins. With no patterns, the cell must be
/// ISO 8601 with a zone or a bare date (`Timestamp.parse`), surrounding whitespace ignored;
/// `zone` is then unused, since such text says its own offset.
public func parseDate(_ cell: String, patterns: [DatePattern], zone: Zone) -> Timestamp? {
    readDate(cell, patterns: patterns, zone: zone)?.timestamp
}

/// `parseDate`, keeping the winning pattern's `DayPeriodConflict` (ISO 8601 text has none).
public func readDate(_ cell: String, patterns: [DatePattern], zone: Zone) -> DateReading? {
    if patterns.isEmpty {
        return (try? Timestamp.parse(CellText.trimmed(cell))).map { DateReading(timestamp: $0) }
    }
    for pattern in patterns {
        if let reading = pattern.reading(cell, zone: zone) {
            return reading
        }
    }
    return nil
}

extension Zone {
    /// The UTC instant of a local wall-clock time (`local`: seconds since 1970-01-01T00:00 on
    /// this zone's clock). Of the offsets in force a day either side, the one in force before
    /// a change wins when both fit (an ambiguous time: the earlier instant), and is used alone
    /// when neither fits (a skipped time: shifted forward by the gap).
    func utcSeconds(local: Int64) -> Int64 {
        if identifier == "UTC" { return local }
        let before = Int64(offsetSeconds(at: Timestamp(seconds: local - CivilCalendar.secondsPerDay)))
        let after = Int64(offsetSeconds(at: Timestamp(seconds: local + CivilCalendar.secondsPerDay)))
        if Int64(offsetSeconds(at: Timestamp(seconds: local - before))) == before {
            return local - before
        }
        if after != before, Int64(offsetSeconds(at: Timestamp(seconds: local - after))) == after {
            return local - after
        }
        return local - before
    }
}
