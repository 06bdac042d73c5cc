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
/// | `H`, `HH` | hour 0–23 |
/// | `h`, `hh` | hour 1–12; needs `a` |
/// | `m`, `mm`, `s`, `ss` | minute, second 0–59 (no leap second) |
/// | `S`, `SS`, … | a fraction of a second, any number of digits, ignored |
/// | `a` | "AM"/"PM", also "a.m."/"p.m." |
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
    /// 30, hour 13 with `a`, minute 60, a weekday that is not the date's).
    public func match(_ cell: String, zone: Zone) -> Timestamp? {
        guard let fields = ByteReader.withBytes(of: cell, { DatePatternMatcher(tokens: tokens, bytes: $0).run() }),
              let resolved = fields.resolve()
        else { return nil }
        guard let local = resolved.secondOfDay else {
            return Timestamp(seconds: resolved.days * CivilCalendar.secondsPerDay, isDateOnly: true)
        }
        let localSeconds = resolved.days * CivilCalendar.secondsPerDay + local
        if let offset = resolved.offset {
            return Timestamp(seconds: localSeconds - offset)
        }
        return Timestamp(seconds: zone.utcSeconds(local: localSeconds))
    }
}

/// Tries `patterns` in order; the first that matches wins. With no patterns, the cell must be
/// ISO 8601 with a zone or a bare date (`Timestamp.parse`), surrounding whitespace ignored;
/// `zone` is then unused, since such text says its own offset.
public func parseDate(_ cell: String, patterns: [DatePattern], zone: Zone) -> Timestamp? {
    if patterns.isEmpty {
        return try? Timestamp.parse(CellText.trimmed(cell))
    }
    for pattern in patterns {
        if let timestamp = pattern.match(cell, zone: zone) {
            return timestamp
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
