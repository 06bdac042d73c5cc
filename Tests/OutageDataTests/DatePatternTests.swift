import Testing
import OutageData

struct DatePatternTests {
    /// The two patterns of SPEC §5.
    static let spelled = "EEEE, MMMM d, yyyy, h:mm:ss a"
    static let numeric = "M/d/yyyy H:mm:ss"

    private func zone(_ identifier: String) throws -> Zone {
        try #require(Zone(identifier: identifier))
    }

    private func match(_ pattern: String, _ cell: String, in identifier: String = "UTC") throws -> Timestamp? {
        try DatePattern(pattern).match(cell, zone: zone(identifier))
    }

    // MARK: - The patterns of SPEC §5

    @Test func specPatternsInUTC() throws {
        let spelled = try #require(try match(Self.spelled, "Wednesday, March 17, 2021, 4:40:00 PM"))
        #expect(spelled == Timestamp(seconds: 1_615_999_200))
        #expect(spelled.iso8601 == "2021-03-17T16:40:00Z")
        #expect(!spelled.isDateOnly)
        let numeric = try #require(try match(Self.numeric, "7/28/2020 17:00:00"))
        #expect(numeric == Timestamp(seconds: 1_595_955_600))
        #expect(numeric.iso8601 == "2020-07-28T17:00:00Z")
    }

    @Test(arguments: [
        // Daylight saving time (EDT, UTC−4) …
        (DatePatternTests.spelled, "Wednesday, March 17, 2021, 4:40:00 PM", 1_616_013_600),
        (DatePatternTests.numeric, "7/28/2020 17:00:00", 1_595_970_000),
        // … and standard time (EST, UTC−5).
        (DatePatternTests.spelled, "Wednesday, January 13, 2021, 4:40:00 PM", 1_610_574_000),
        (DatePatternTests.numeric, "1/13/2021 16:40:00", 1_610_574_000),
    ])
    func specPatternsInNewYork(_ pattern: String, _ cell: String, _ seconds: Int64) throws {
        #expect(try match(pattern, cell, in: "America/New_York") == Timestamp(seconds: seconds))
    }

    @Test(arguments: [
        // Spring forward, 2021-03-14 02:00 EST → 03:00 EDT: the skipped hour moves forward by the gap.
        ("3/14/2021 1:59:59", "2021-03-14T06:59:59Z"),
        ("3/14/2021 2:00:00", "2021-03-14T07:00:00Z"),
        ("3/14/2021 2:30:00", "2021-03-14T07:30:00Z"),
        ("3/14/2021 3:00:00", "2021-03-14T07:00:00Z"),
        ("3/14/2021 3:30:00", "2021-03-14T07:30:00Z"),
        // Fall back, 2021-11-07 02:00 EDT → 01:00 EST: the repeated hour takes EDT, the earlier instant.
        ("11/7/2021 0:59:59", "2021-11-07T04:59:59Z"),
        ("11/7/2021 1:00:00", "2021-11-07T05:00:00Z"),
        ("11/7/2021 1:30:00", "2021-11-07T05:30:00Z"),
        ("11/7/2021 1:59:59", "2021-11-07T05:59:59Z"),
        ("11/7/2021 2:00:00", "2021-11-07T07:00:00Z"),
    ])
    func newYorkGapAndOverlap(_ cell: String, _ expected: String) throws {
        #expect(try match(Self.numeric, cell, in: "America/New_York") == Timestamp.parse(expected))
    }

    @Test(arguments: [
        // East of Greenwich, southern hemisphere: AEST +10, AEDT +11.
        ("10/3/2021 2:30:00", "2021-10-02T16:30:00Z"),  // skipped: 03:30 AEDT
        ("4/4/2021 2:30:00", "2021-04-03T15:30:00Z"),   // repeated: the AEDT one
        ("4/4/2021 3:30:00", "2021-04-03T17:30:00Z"),
    ])
    func sydneyGapAndOverlap(_ cell: String, _ expected: String) throws {
        #expect(try match(Self.numeric, cell, in: "Australia/Sydney") == Timestamp.parse(expected))
    }

    // MARK: - Dates

    @Test func aDateWithoutTimeIsDateOnlyAndNotShifted() throws {
        let pattern = try DatePattern("d MMM yyyy")
        #expect(!pattern.hasTime)
        #expect(!pattern.hasOffset)
        for identifier in ["UTC", "America/New_York", "Asia/Tokyo"] {
            let date = try #require(pattern.match("17 Mar 2021", zone: zone(identifier)))
            #expect(date.isDateOnly)
            #expect(try date == Timestamp.parse("2021-03-17"))
            #expect(date.iso8601 == "2021-03-17")
        }
    }

    @Test(arguments: [
        ("1/2/00", 2000), ("1/2/21", 2021), ("1/2/68", 2068), ("1/2/69", 1969), ("1/2/99", 1999),
    ])
    func twoDigitYearPivot(_ cell: String, _ year: Int) throws {
        #expect(try match("M/d/yy", cell)?.year == year)
    }

    @Test func yearFieldWidths() throws {
        #expect(try match("M/d/yy", "1/2/2021") == nil)
        #expect(try match("M/d/yyyy", "1/2/21") == nil)
        #expect(try match("M/d/y", "7/28/2020")?.year == 2020)
        // A lone y is the year as written, as in LDML: no pivot.
        #expect(try match("M/d/y", "7/28/20")?.year == 20)
    }

    @Test(arguments: [
        "2/29/2021 0:00:00", "2/30/2024 0:00:00", "4/31/2021 0:00:00", "13/1/2021 0:00:00", "0/1/2021 0:00:00",
        "1/0/2021 0:00:00", "1/32/2021 0:00:00", "7/28/2020 24:00:00", "7/28/2020 12:60:00", "7/28/2020 12:00:60",
    ])
    func impossibleDatesAndTimes(_ cell: String) throws {
        #expect(try match(Self.numeric, cell) == nil)
    }

    @Test func leapDayExistsInLeapYearsOnly() throws {
        #expect(try match(Self.numeric, "2/29/2024 0:00:00") == Timestamp.parse("2024-02-29T00:00:00Z"))
        #expect(try match(Self.numeric, "2/29/2000 0:00:00") == Timestamp.parse("2000-02-29T00:00:00Z"))
        #expect(try match(Self.numeric, "2/29/1900 0:00:00") == nil)
    }

    @Test(arguments: [
        ("Wednesday, March 17, 2021, 4:40:00 PM", true),
        ("Tuesday, March 17, 2021, 4:40:00 PM", false),
        ("Thursday, March 17, 2021, 4:40:00 PM", false),
        ("Wed, March 17, 2021, 4:40:00 PM", false),         // EEEE wants the full name
        ("wEDNESDAY, march 17, 2021, 4:40:00 pm", true),     // names in any case
    ])
    func weekdayIsCheckedAgainstTheDate(_ cell: String, _ matches: Bool) throws {
        #expect(try (match(Self.spelled, cell) != nil) == matches)
    }

    @Test(arguments: [
        ("Wed 17 Mar 2021", "2021-03-17"), ("Thu 18 Mar 2021", "2021-03-18"), ("Thurs 18 Mar 2021", "2021-03-18"),
        ("Tues 16 Mar 2021", "2021-03-16"), ("Sun 5 Sep 2021", "2021-09-05"), ("Sun 5 Sept 2021", "2021-09-05"),
        ("SUN 5 SEP 2021", "2021-09-05"),
    ])
    func abbreviatedNames(_ cell: String, _ expected: String) throws {
        #expect(try match("EEE d MMM yyyy", cell) == Timestamp.parse(expected))
    }

    @Test(arguments: ["Mon 17 Mar 2021", "Wed 17 March 2021", "Wednesday 17 Mar 2021", "Wed 17 Mars 2021", "Wed 17 Mar 2021 x"])
    func abbreviatedNamesRejected(_ cell: String) throws {
        #expect(try match("EEE d MMM yyyy", cell) == nil)
    }

    @Test func fullMonthNames() throws {
        #expect(try match("MMMM d, yyyy", "September 5, 2021") == Timestamp.parse("2021-09-05"))
        #expect(try match("MMMM d, yyyy", "may 1, 2021") == Timestamp.parse("2021-05-01"))
        #expect(try match("MMMM d, yyyy", "Sep 5, 2021") == nil)
    }

    @Test func doubleLetterFieldsNeedTwoDigits() throws {
        #expect(try match("MM/dd/yyyy", "07/08/2020") == Timestamp.parse("2020-07-08"))
        #expect(try match("MM/dd/yyyy", "7/28/2020") == nil)
        #expect(try match("MM/dd/yyyy", "07/8/2020") == nil)
        #expect(try match("M/d/yyyy", "07/08/2020") == Timestamp.parse("2020-07-08"))
        #expect(try match("M/d/yyyy", "7/123/2020") == nil)
    }

    @Test func adjacentNumbersBacktrack() throws {
        #expect(try match("yyyyMMdd", "20210317") == Timestamp.parse("2021-03-17"))
        // d takes "13", M cannot take "12" (the year would be short), so M is "1".
        #expect(try match("dMyyyy", "1312021") == Timestamp.parse("2021-01-13"))
    }

    // MARK: - Times

    @Test(arguments: [
        ("1/2/2021 12:00 AM", "2021-01-02T00:00:00Z"), ("1/2/2021 12:59 AM", "2021-01-02T00:59:00Z"),
        ("1/2/2021 1:00 AM", "2021-01-02T01:00:00Z"), ("1/2/2021 11:59 AM", "2021-01-02T11:59:00Z"),
        ("1/2/2021 12:00 PM", "2021-01-02T12:00:00Z"), ("1/2/2021 12:30 pm", "2021-01-02T12:30:00Z"),
        ("1/2/2021 1:00 p.m.", "2021-01-02T13:00:00Z"), ("1/2/2021 11:59 P.M.", "2021-01-02T23:59:00Z"),
        ("1/2/2021 9:15 a.m", "2021-01-02T09:15:00Z"), ("1/2/2021 9:15 Am", "2021-01-02T09:15:00Z"),
    ])
    func twelveHourClock(_ cell: String, _ expected: String) throws {
        #expect(try match("M/d/yyyy h:mm a", cell) == Timestamp.parse(expected))
    }

    @Test(arguments: ["1/2/2021 0:00 AM", "1/2/2021 13:00 PM", "1/2/2021 00:30 AM", "1/2/2021 1:00", "1/2/2021 1:00 XM"])
    func twelveHourClockRejects(_ cell: String) throws {
        #expect(try match("M/d/yyyy h:mm a", cell) == nil)
    }

    // MARK: - A 24-hour hour with AM/PM

    /// The pattern of a real spreadsheet export: H, and a marker that only echoes the hour.
    static let hourWithMarker = "M/d/yyyy  H:mm:ss a"

    private func reading(_ cell: String, _ pattern: String = DatePatternTests.hourWithMarker,
                         in identifier: String = "UTC") throws -> DateReading? {
        try DatePattern(pattern).reading(cell, zone: zone(identifier))
    }

    @Test(arguments: [
        ("7/28/2020  17:00:00 PM", "2020-07-28T17:00:00Z"), ("7/28/2020 17:00:00 PM", "2020-07-28T17:00:00Z"),
        ("7/28/2020  0:00:00 AM", "2020-07-28T00:00:00Z"), ("7/28/2020  11:59:59 am", "2020-07-28T11:59:59Z"),
        ("7/28/2020  12:00:00 PM", "2020-07-28T12:00:00Z"), ("7/28/2020  23:59:59 p.m.", "2020-07-28T23:59:59Z"),
        ("7/28/2020  9:05:00 AM", "2020-07-28T09:05:00Z"),
    ])
    func twentyFourHourClockWithAMarkerThatAgrees(_ cell: String, _ expected: String) throws {
        let result = try #require(try reading(cell))
        #expect(result.timestamp == (try Timestamp.parse(expected)))
        #expect(result.dayPeriodConflict == nil)
        #expect(try match(Self.hourWithMarker, cell) == Timestamp.parse(expected))
    }

    /// The hour wins, as in ICU; the marker that contradicts it is reported, not applied.
    @Test(arguments: [
        ("7/28/2020  23:40:00 AM", "2020-07-28T23:40:00Z", 23, 40, false),
        ("7/28/2020  09:00:00 PM", "2020-07-28T09:00:00Z", 9, 0, true),
        ("7/28/2020  13:00:00 am", "2020-07-28T13:00:00Z", 13, 0, false),
        // Edges: H reads 12 as noon and 0 as midnight, so 12 AM and 0 PM contradict too.
        ("7/28/2020  12:30:00 AM", "2020-07-28T12:30:00Z", 12, 30, false),
        ("7/28/2020  0:15:00 PM", "2020-07-28T00:15:00Z", 0, 15, true),
        ("7/28/2020  11:59:59 PM", "2020-07-28T11:59:59Z", 11, 59, true),
    ])
    func aContradictingMarkerIsReportedAndIgnored(_ cell: String, _ expected: String, _ hour: Int, _ minute: Int, _ saysPM: Bool) throws {
        let result = try #require(try reading(cell))
        #expect(result.timestamp == (try Timestamp.parse(expected)))
        let conflict = try #require(result.dayPeriodConflict)
        #expect(conflict.hour == hour)
        #expect(conflict.minute == minute)
        #expect(conflict.saysPM == saysPM)
        #expect(try match(Self.hourWithMarker, cell) == Timestamp.parse(expected))
    }

    @Test func aContradictionDoesNotChangeTheZone() throws {
        // 23:40 EDT (UTC−4), whatever the "AM" says.
        let result = try #require(try reading("7/28/2020 23:40:00 AM", in: "America/New_York"))
        #expect(result.timestamp == (try Timestamp.parse("2020-07-29T03:40:00Z")))
        #expect(result.dayPeriodConflict != nil)
    }

    @Test(arguments: [
        "7/28/2020  24:00:00 PM", "7/28/2020  17:60:00 PM", "7/28/2020  17:00:00", "7/28/2020  17:00:00 XM",
        "7/28/2020  17:00:00 PM PM", "7/28/2020  17:00 PM",
    ])
    func twentyFourHourClockWithAMarkerRejects(_ cell: String) throws {
        #expect(try reading(cell) == nil)
    }

    @Test(arguments: [
        ("7/28/2020  23:40:00 AM", #""7/28/2020  23:40:00 AM" says AM, but 23 is a PM hour on the 24-hour clock (H); read as 23:40"#),
        ("7/28/2020  9:00:00 PM", #""7/28/2020  9:00:00 PM" says PM, but 9 is an AM hour on the 24-hour clock (H); read as 09:00"#),
        ("7/28/2020  0:15:30 PM", #""7/28/2020  0:15:30 PM" says PM, but 0 is an AM hour on the 24-hour clock (H); read as 00:15:30"#),
        (" 7/28/2020  12:30:00 AM ", #""7/28/2020  12:30:00 AM" says AM, but 12 is a PM hour on the 24-hour clock (H); read as 12:30 (for 00:30, the format needs h, the 12-hour clock, instead of H)"#),
    ])
    func theConflictMessage(_ cell: String, _ message: String) throws {
        let conflict = try #require(try reading(cell)?.dayPeriodConflict)
        #expect(conflict.message(cell: cell) == message)
    }

    @Test func theTwelveHourClockIsUnchanged() throws {
        // h keeps the 12-hour reading and never reports a conflict.
        let result = try #require(try reading("1/2/2021 12:30 AM", "M/d/yyyy h:mm a"))
        #expect(result.timestamp == (try Timestamp.parse("2021-01-02T00:30:00Z")))
        #expect(result.dayPeriodConflict == nil)
        #expect(try reading("1/2/2021 23:40 AM", "M/d/yyyy h:mm a") == nil)
        #expect(try reading("1/2/2021 23:40:00", Self.numeric)?.dayPeriodConflict == nil)
    }

    @Test func readDateKeepsTheWinningPatternsConflict() throws {
        let utc = try zone("UTC")
        let patterns = [try DatePattern(Self.spelled), try DatePattern(Self.hourWithMarker)]
        let conflicting = try #require(readDate("7/28/2020 23:40:00 AM", patterns: patterns, zone: utc))
        #expect(conflicting.timestamp == (try Timestamp.parse("2020-07-28T23:40:00Z")))
        #expect(conflicting.dayPeriodConflict?.hour == 23)
        #expect(parseDate("7/28/2020 23:40:00 AM", patterns: patterns, zone: utc) == conflicting.timestamp)
        // The 12-hour pattern matches first and agrees with itself.
        let spelled = try #require(readDate("Wednesday, March 17, 2021, 4:40:00 PM", patterns: patterns, zone: utc))
        #expect(spelled.dayPeriodConflict == nil)
        // ISO 8601 text has no marker to contradict.
        #expect(readDate("2021-03-17T16:40:00Z", patterns: [], zone: utc) == DateReading(timestamp: try Timestamp.parse("2021-03-17T16:40:00Z")))
        #expect(readDate("7/28/2020 23:40:00", patterns: patterns, zone: utc) == nil)
    }

    @Test func fractionsAreIgnored() throws {
        let pattern = "yyyy-MM-dd HH:mm:ss.SSS"
        #expect(try match(pattern, "2021-03-17 16:40:05.123") == Timestamp.parse("2021-03-17T16:40:05Z"))
        #expect(try match(pattern, "2021-03-17 16:40:05.9") == Timestamp.parse("2021-03-17T16:40:05Z"))
        #expect(try match(pattern, "2021-03-17 16:40:05.123456") == Timestamp.parse("2021-03-17T16:40:05Z"))
        #expect(try match(pattern, "2021-03-17 16:40:05.") == nil)
        #expect(try match(pattern, "2021-03-17 16:40:05") == nil)
    }

    // MARK: - Literal text and whitespace

    @Test(arguments: [
        ("yyyy-MM-dd'T'HH:mm:ss", "2021-03-17T16:40:00", "2021-03-17T16:40:00Z"),
        ("yyyy-MM-dd'T'HH:mm:ss", "2021-03-17t16:40:00", "2021-03-17T16:40:00Z"),
        ("'on' d MMM yyyy 'at' HH:mm", "on 17 Mar 2021 at 16:40", "2021-03-17T16:40:00Z"),
        ("d MMM ''yy", "17 Mar '21", "2021-03-17"),
        ("H 'o''clock', d.M.yyyy", "4 o'clock, 17.3.2021", "2021-03-17T04:00:00Z"),
        ("yyyy年M月d日", "2021年3月17日", "2021-03-17"),
        ("dd.MM.yyyy HH:mm 'Uhr'", "17.03.2021 16:40 uhr", "2021-03-17T16:40:00Z"),
    ])
    func literalAndQuotedText(_ pattern: String, _ cell: String, _ expected: String) throws {
        #expect(try match(pattern, cell) == Timestamp.parse(expected))
    }

    @Test(arguments: [
        ("yyyy-MM-dd", "2021/03/17"), ("yyyy-MM-dd'T'HH:mm", "2021-03-17 16:40"),
        ("'on' d MMM yyyy", "at 17 Mar 2021"), ("d MMM ''yy", "17 Mar 21"), ("yyyy-MM-dd", "2021-03-17Z"),
        ("yyyy-MM-dd", "x2021-03-17"),
    ])
    func literalMismatch(_ pattern: String, _ cell: String) throws {
        #expect(try match(pattern, cell) == nil)
    }

    @Test(arguments: [
        "  7/28/2020 17:00:00\t", "7/28/2020    17:00:00", "7/28/2020\t17:00:00", "7/28/2020\u{00A0}17:00:00",
        "\r\n7/28/2020 17:00:00\r\n", "\u{3000}7/28/2020\u{2009}17:00:00",
    ])
    func whitespaceIsFlexible(_ cell: String) throws {
        #expect(try match(Self.numeric, cell) == Timestamp(seconds: 1_595_955_600))
    }

    @Test func whitespaceIsNeeded() throws {
        #expect(try match(Self.numeric, "7/28/202017:00:00") == nil)
        #expect(try match(Self.numeric, "7/28/2020 17 :00:00") == nil)
        // Newer ICU writes U+202F NARROW NO-BREAK SPACE before the day period.
        #expect(try match(Self.spelled, "Wednesday, March 17, 2021, 4:40:00\u{202F}PM") == Timestamp(seconds: 1_615_999_200))
        // Whitespace around the pattern does not demand whitespace around the cell.
        #expect(try match(" M/d/yyyy ", "7/28/2020") == Timestamp.parse("2020-07-28"))
    }

    // MARK: - Offsets

    @Test(arguments: [
        ("yyyy-MM-dd HH:mm Z", "2021-03-17 16:40 +0900", "2021-03-17T07:40:00Z"),
        ("yyyy-MM-dd HH:mm Z", "2021-03-17 16:40 -0330", "2021-03-17T20:10:00Z"),
        ("yyyy-MM-dd HH:mm ZZZZZ", "2021-03-17 16:40 +09:00", "2021-03-17T07:40:00Z"),
        ("yyyy-MM-dd'T'HH:mm:ssXXX", "2021-03-17T16:40:00+05:30", "2021-03-17T11:10:00Z"),
        ("yyyy-MM-dd'T'HH:mm:ssXXX", "2021-03-17T16:40:00Z", "2021-03-17T16:40:00Z"),
        ("yyyy-MM-dd'T'HH:mm:ssX", "2021-03-17T16:40:00z", "2021-03-17T16:40:00Z"),
        ("yyyy-MM-dd'T'HH:mm:ssX", "2021-03-17T16:40:00+09", "2021-03-17T07:40:00Z"),
        ("yyyy-MM-dd HH:mm ZZZZ", "2021-03-17 16:40 GMT+9", "2021-03-17T07:40:00Z"),
        ("yyyy-MM-dd HH:mm ZZZZ", "2021-03-17 16:40 UTC\u{2212}03:00", "2021-03-17T19:40:00Z"),
        ("yyyy-MM-dd HH:mm ZZZZ", "2021-03-17 16:40 UTC", "2021-03-17T16:40:00Z"),
        ("yyyy-MM-dd HH:mm xx", "2021-03-17 16:40 +1400", "2021-03-17T02:40:00Z"),
    ])
    func offsetsInThePatternOverrideTheZone(_ pattern: String, _ cell: String, _ expected: String) throws {
        let compiled = try DatePattern(pattern)
        #expect(compiled.hasOffset)
        #expect(compiled.hasTime)
        for identifier in ["UTC", "America/New_York", "Asia/Kolkata"] {
            #expect(try compiled.match(cell, zone: zone(identifier)) == Timestamp.parse(expected))
        }
    }

    @Test(arguments: [
        "2021-03-17 16:40 +1500", "2021-03-17 16:40 +09:60", "2021-03-17 16:40 +090000", "2021-03-17 16:40 0900",
        "2021-03-17 16:40 EST", "2021-03-17 16:40", "2021-03-17 16:40 +", "2021-03-17 16:40 Zulu",
    ])
    func invalidOffsets(_ cell: String) throws {
        #expect(try match("yyyy-MM-dd HH:mm XXX", cell) == nil)
    }

    // MARK: - Pattern syntax

    @Test(arguments: [
        ("yyyy-QQ-dd", "unknown field letter Q"),
        ("yyyy-MM-dd HH:mm z", "unknown field letter z"),
        ("yyyy-MM-dd 'at HH:mm", "unclosed quote"),
        ("yyyy-MM-dd'", "unclosed quote"),
        ("", "empty"),
        ("MM/dd", "no year field"),
        ("yyyy-dd", "no month field"),
        ("yyyy-MM", "no day field"),
        ("'yyyy-MM-dd'", "no year field"),
        ("M/d/yyyy h:mm", "h without a (AM/PM)"),
        ("yyyy-MM-dd a", "a (AM/PM) without an hour"),
        ("yyyy-MM-dd mm", "minutes without an hour"),
        ("yyyy-MM-dd HH:ss", "seconds without minutes"),
        ("yyyy-MM-dd HH:mm.SSS", "a fraction without seconds"),
        ("yyyy-MM-dd XXX", "offset X without a time of day"),
        ("yyyy-MM-dd yyyy", "y appears twice"),
        ("yyyy-MM-dd HH hh a", "H and h both give the hour"),
        ("MMM d, yyyy (MM)", "M appears twice"),
        ("yyyy-MM-dd HH:mm Z X", "Z and X both give the offset"),
        ("EEE EEEE d MMM yyyy", "E appears twice"),
        ("yyyyy-MM-dd", "unsupported field yyyyy"),
        ("MMMMM d yyyy", "unsupported field MMMMM"),
        ("yyyy-MM-ddd", "unsupported field ddd"),
        ("yyyy-MM-dd HHH", "unsupported field HHH"),
        ("yyyy-MM-dd HH:mm XXXXXX", "unsupported field XXXXXX"),
    ])
    func syntaxErrors(_ pattern: String, _ reason: String) {
        #expect(throws: ValueError("is not a date pattern: \"\(pattern)\" (\(reason))")) {
            try DatePattern(pattern)
        }
    }

    @Test func syntaxErrorQuotesThePatternSafely() {
        #expect(throws: ValueError(#"is not a date pattern: "yyyy\"Q\n" (unknown field letter Q)"#)) {
            try DatePattern("yyyy\"Q\n")
        }
    }

    @Test func propertiesOfACompiledPattern() throws {
        let spelled = try DatePattern(Self.spelled)
        #expect(spelled.pattern == Self.spelled)
        #expect(spelled.hasTime)
        #expect(!spelled.hasOffset)
        let numeric = try DatePattern(Self.numeric)
        #expect(numeric.hasTime)
        #expect(try DatePattern(Self.numeric) == numeric)
        #expect(spelled != numeric)
        #expect(Set([spelled, numeric, try DatePattern(Self.numeric)]).count == 2)
    }

    // MARK: - parseDate

    @Test func parseDateTriesPatternsInOrder() throws {
        let utc = try zone("UTC")
        let dayFirst = try DatePattern("dd/MM/yyyy")
        let monthFirst = try DatePattern("MM/dd/yyyy")
        // Both match: the first pattern wins.
        #expect(parseDate("03/04/2021", patterns: [dayFirst, monthFirst], zone: utc) == (try Timestamp.parse("2021-04-03")))
        #expect(parseDate("03/04/2021", patterns: [monthFirst, dayFirst], zone: utc) == (try Timestamp.parse("2021-03-04")))
        // Only the second can be a date.
        #expect(parseDate("03/13/2021", patterns: [dayFirst, monthFirst], zone: utc) == (try Timestamp.parse("2021-03-13")))
        #expect(parseDate("13/13/2021", patterns: [dayFirst, monthFirst], zone: utc) == nil)
    }

    @Test func parseDateWithTheSpecFormats() throws {
        let newYork = try zone("America/New_York")
        let patterns = [try DatePattern(Self.spelled), try DatePattern(Self.numeric)]
        #expect(parseDate("Wednesday, March 17, 2021, 4:40:00 PM", patterns: patterns, zone: newYork) == Timestamp(seconds: 1_616_013_600))
        #expect(parseDate("7/28/2020 17:00:00", patterns: patterns, zone: newYork) == Timestamp(seconds: 1_595_970_000))
        #expect(parseDate("2020-07-28T17:00:00Z", patterns: patterns, zone: newYork) == nil)
        #expect(parseDate("", patterns: patterns, zone: newYork) == nil)
    }

    @Test func parseDateWithoutPatternsIsISO8601() throws {
        let newYork = try zone("America/New_York")
        #expect(parseDate("2021-03-17T16:40:00Z", patterns: [], zone: newYork) == (try Timestamp.parse("2021-03-17T16:40:00Z")))
        #expect(parseDate("2021-03-17T16:40:00+09:00", patterns: [], zone: newYork) == (try Timestamp.parse("2021-03-17T07:40:00Z")))
        let date = try #require(parseDate(" 2021-03-17 ", patterns: [], zone: newYork))
        #expect(date.isDateOnly)
        #expect(date == (try Timestamp.parse("2021-03-17")))
        #expect(parseDate("2021-03-17T16:40:00", patterns: [], zone: newYork) == nil)
        #expect(parseDate("7/28/2020 17:00:00", patterns: [], zone: newYork) == nil)
        #expect(parseDate("", patterns: [], zone: newYork) == nil)
    }

    @Test func aPatternIsSharedAcrossTasks() async throws {
        let pattern = try DatePattern(Self.numeric)
        let utc = try zone("UTC")
        let results = await withTaskGroup(of: Timestamp?.self) { group in
            for day in 1...28 {
                group.addTask { pattern.match("2/\(day)/2021 12:00:00", zone: utc) }
            }
            var all: [Timestamp?] = []
            for await result in group { all.append(result) }
            return all
        }
        #expect(results.count == 28)
        #expect(Set(results.compactMap { $0 }).count == 28)
    }
}
