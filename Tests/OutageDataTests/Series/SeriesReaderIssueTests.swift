import Testing
@testable import OutageData

/// Every issue: exact line, column and message, and what the callbacks saw.
struct SeriesReaderIssueTests {
    static let expectedNumber = "(expected a number, or empty, NA, null or NaN for a missing value)"
    static let expectedTime = "(expected ISO 8601 with a zone or Unix seconds)"

    @Test func badValue() {
        let outcome = readSeries("time,bgp_prefixes,probes_up\n2014-12-22T12:00:00Z,4,12a\n")
        #expect(outcome.issues == [
            issue(2, 24, #"bad value in column "probes_up": "12a" "# + Self.expectedNumber)
        ])
        #expect(outcome.headers.count == 1)
        #expect(outcome.rows == [])
    }

    @Test(arguments: [
        "inf", "Infinity", "-inf", "+Inf", "0x10", "1e", "1e+", "--1", "N/A", "1 2", "e5", ".", "+", "-",
        "1e5.5", "1_000", "١٢", "1.2.3", "12a", "NaNa", "nul", "NA1", "0b1", "1d",
    ])
    func badValues(cell: String) {
        let outcome = readSeries("t,v\n0,\(cell)\n")
        #expect(outcome.issues == [issue(2, 3, "bad value in column \"v\": \(quoted(cell)) " + Self.expectedNumber)])
        #expect(outcome.rows == [])
    }

    @Test(arguments: [(#""1,5""#, #""1,5""#), (#""""1""""#, #""\"1\"""#), (#"" 1 2 ""#, #""1 2""#)])
    func badQuotedValues(cell: String, shown: String) {
        // The message shows the cell's content, unescaped and trimmed.
        let outcome = readSeries("t,v\n0,\(cell)\n")
        #expect(outcome.issues == [issue(2, 3, "bad value in column \"v\": \(shown) " + Self.expectedNumber)])
    }

    @Test(arguments: ["1e400", "-1e309", "179769313486231580793728971405303415079934132710037826936173778980444968292764750946649017977587207096330286416692887910946555547851940402630657488671505820681908902000708383676273854845817711531764475730270069855571366959622842914819860834936475292719074168444365510704342711559699508093042880177904174497792"])
    func valuesTooLarge(cell: String) {
        let outcome = readSeries("t,v\n0,\(cell)\n")
        #expect(outcome.issues == [issue(2, 3, "bad value in column \"v\": \(quoted(cell)) (too large for a number)")])
    }

    @Test(arguments: [
        ("2014-12-22T12:00:00", #"time has no time zone: "2014-12-22T12:00:00" (write 2014-12-22T12:00:00Z for UTC)"#),
        ("2014-12-22T12:00", #"time has no time zone: "2014-12-22T12:00" (write 2014-12-22T12:00Z for UTC)"#),
        ("yesterday", #""yesterday" is not a time "# + expectedTime),
        ("2014-12-22 12:00:00Z", #""2014-12-22 12:00:00Z" is not a time "# + expectedTime),
        ("1.", #""1." is not a time "# + expectedTime),
        ("1e9", #""1e9" is not a time "# + expectedTime),
        ("\"ümlaut\"", #""ümlaut" is not a time "# + expectedTime),
        ("2021-02-30T00:00:00Z", #"time is not a real date: "2021-02-30T00:00:00Z" (February 2021 has 28 days)"#),
        ("2021-01-01T25:00:00Z", #"time is not a real time: "2021-01-01T25:00:00Z" (there is no hour 25)"#),
        ("1419258000000", #"time is out of range: "1419258000000" (Unix seconds must fall in the years 0000 to 9999; are these milliseconds?)"#),
        ("99999999999999999999999", #"time is out of range: "99999999999999999999999" (Unix seconds must fall in the years 0000 to 9999)"#),
        ("-62167219201", #"time is out of range: "-62167219201" (Unix seconds must fall in the years 0000 to 9999)"#),
        ("", "missing time " + expectedTime),
        ("  ", "missing time " + expectedTime),
    ])
    func badTimes(cell: String, message: String) {
        let outcome = readSeries("t,v\n\(cell),1\n")
        let column = cell.hasPrefix(" ") ? 3 : 1
        #expect(outcome.issues == [issue(2, column, message)])
        #expect(outcome.rows == [])
    }

    @Test func outOfOrderNamesBothLines() {
        let outcome = readSeries("""
            time,x
            2014-12-22T11:50:00Z,1
            2014-12-22T11:55:00Z,1
            2014-12-22T12:05:00Z,1
            2014-12-22T12:00:00Z,1
            1419250200,1
            """)
        #expect(outcome.issues == [
            issue(5, 1, "time 2014-12-22T12:00:00Z is not after line 4 (2014-12-22T12:05:00Z): rows must be in ascending time order")
        ])
        // Rows before the first issue were delivered, none after it.
        #expect(outcome.rows.map(\.time) == [dec22 + 42_600, dec22 + 42_900, dec22 + 43_500])
    }

    @Test func duplicateNamesBothLinesAcrossFormats() {
        let outcome = readSeries("""
            time,x
            1419249600,1
            2014-12-22T12:05:00Z,1
            2014-12-22T12:10:00Z,1
            2014-12-22T21:10:00+09:00,2
            2014-12-22T12:10:30.9Z,3
            """)
        #expect(outcome.issues == [
            issue(5, 1, "time 2014-12-22T12:10:00Z repeats line 4"),
        ])
        #expect(outcome.rows.count == 3)
    }

    @Test func orderIsCheckedAgainstTheLastReadableTime() {
        // Line 3's time is unreadable: line 4 is compared with line 2.
        let outcome = readSeries("t,x\n10,1\nnope,1\n10,1\n")
        #expect(outcome.issues == [
            issue(3, 1, #""nope" is not a time "# + Self.expectedTime),
            issue(4, 1, "time 1970-01-01T00:00:10Z repeats line 2"),
        ])
    }

    @Test func cellCounts() {
        let outcome = readSeries("t,a,b,c\n1,1,2\n2,1,2,3,4\n3\n4,1,2,3,\r\n5,1,2,3\n")
        #expect(outcome.issues == [
            issue(2, 6, "row has 3 cells, the header has 4"),
            issue(3, 9, "row has 5 cells, the header has 4"),
            issue(4, 2, "row has 1 cell, the header has 4"),
            issue(5, 9, "row has 5 cells, the header has 4"),
        ])
        #expect(outcome.rows == [])
    }

    @Test func cellCountsAtTheEndOfTheFile() {
        #expect(readSeries("t,v\n1,2,").issues == [issue(2, 5, "row has 3 cells, the header has 2")])
        #expect(readSeries("t,v\n1,2,   ").issues == [issue(2, 8, "row has 3 cells, the header has 2")])
        #expect(readSeries("t,v\n1").issues == [issue(2, 2, "row has 1 cell, the header has 2")])
        #expect(readSeries("t,v,w\n1,\"2\"").issues == [issue(2, 6, "row has 2 cells, the header has 3")])
    }

    @Test func cellCountStillChecksTheTime() {
        let outcome = readSeries("t,a\n5,1\n4,1,2\n")
        #expect(outcome.issues == [
            issue(3, 1, "time 1970-01-01T00:00:04Z is not after line 2 (1970-01-01T00:00:05Z): rows must be in ascending time order"),
            issue(3, 5, "row has 3 cells, the header has 2"),
        ])
    }

    @Test func unclosedQuoteStopsReading() {
        let outcome = readSeries("t,v\n1,2\n2,\"12\n3,4\n4,x\n")
        #expect(outcome.issues == [issue(3, 3, "unclosed quote")])
        #expect(outcome.rows == [.init(time: 1, values: [2])])
    }

    @Test func textAfterClosingQuote() {
        let message = #"text after the closing quote of a cell (write "" for a quote inside a quoted cell)"#
        let outcome = readSeries("t,v,w\n1,\"2\"x,3\n2,\"2\" \"3\",4\n\"3\"z,1,2\n")
        #expect(outcome.issues == [issue(2, 6, message), issue(3, 7, message), issue(4, 4, message)])
    }

    @Test(arguments: ["time\n1,2\n", "time\n", "\"a,b\"\n1,2\n"])
    func headerWithoutSignals(text: String) {
        let outcome = readSeries(text)
        #expect(outcome.issues == [issue(1, 1, "the header needs a time column and at least one signal")])
        #expect(outcome.headers == [])
    }

    @Test(arguments: ["", "\u{FEFF}", "\n", "\n\n\r\n", "  \n\t\n", "\u{FEFF}\n"])
    func emptyFile(text: String) {
        let outcome = readSeries(text)
        #expect(outcome.issues == [issue(0, 0, "file is empty")])
        #expect(outcome.headers == [])
    }

    @Test func duplicateColumnNames() {
        let outcome = readSeries("time, x ,y, x\n1,2,3,4\n")
        #expect(outcome.issues == [issue(1, 13, #"duplicate column name "x" (also column 2)"#)])
        // A header with an issue is not handed out, and neither are rows.
        #expect(outcome.headers == [])
        #expect(outcome.rows == [])
    }

    @Test func duplicateOfTheTimeColumn() {
        let outcome = readSeries("time,time\n1,2\n")
        #expect(outcome.issues == [issue(1, 6, #"duplicate column name "time" (also column 1)"#)])
    }

    @Test func emptyColumnNames() {
        let outcome = readSeries("time,,x, \n1,2,3,4\n")
        #expect(outcome.issues == [issue(1, 6, "empty column name"), issue(1, 10, "empty column name")])
        let trailing = readSeries("time,x,\r\n1,2,\r\n")
        #expect(trailing.issues == [issue(1, 8, "empty column name")])
    }

    @Test(arguments: [
        ([UInt8]("t,v\n1,".utf8) + [0xFF] + [UInt8]("\n".utf8), 2, 3),
        ([UInt8]("t,v\n1,".utf8) + [0xC3, 0x28], 2, 3),  // lead byte, then ASCII
        ([UInt8]("t,v\n1,".utf8) + [0xE2, 0x82], 2, 3),  // cut short by the end of the file
        ([UInt8]("t,v\n1,".utf8) + [0xC0, 0x80], 2, 3),  // overlong NUL
        ([UInt8]("t,v\n1,".utf8) + [0xE0, 0x80, 0xAF], 2, 3),  // overlong
        ([UInt8]("t,v\n1,".utf8) + [0xED, 0xA0, 0x80], 2, 3),  // UTF-16 surrogate
        ([UInt8]("t,v\n1,".utf8) + [0xF4, 0x90, 0x80, 0x80], 2, 3),  // above U+10FFFF
        ([UInt8]("t,v\n1,".utf8) + [0x80], 2, 3),  // a lone continuation byte
        ([UInt8]("t,\u{E9}v,".utf8) + [0xFE], 1, 6),  // columns count characters: é is one
        ([UInt8]("t,v\n\"\u{1F310}\",".utf8) + [0xFF], 2, 5),
        ([UInt8]("\u{FEFF}t,".utf8) + [0xFF], 1, 3),  // the BOM is not a column
    ])
    func invalidUTF8(bytes: [UInt8], line: Int, column: Int) {
        let outcome = readSeries(bytes)
        #expect(outcome.issues == [issue(line, column, "file is not valid UTF-8")])
    }

    @Test(arguments: [[0xFF, 0xFE, 0x74, 0x00], [0xFE, 0xFF, 0x00, 0x74], [0xFF, 0xFE]])
    func utf16(bytes: [UInt8]) {
        let outcome = readSeries(bytes)
        #expect(outcome.issues == [issue(1, 1, "file is UTF-16, not UTF-8 (save it as UTF-8)")])
    }

    @Test(arguments: [("t,v\r1,2\n", 1, 4), ("t,v\n1,2\r3\n", 2, 4), ("t,v\n1,2\r", 2, 4), ("t,v\n1,\"2\"\r3", 2, 6), ("t,v\n\r\r\n", 2, 1)])
    func loneCarriageReturn(text: String, line: Int, column: Int) {
        let outcome = readSeries(text)
        #expect(outcome.issues == [issue(line, column, "carriage return without a line feed (lines must end with LF or CRLF)")])
    }

    @Test func carriageReturnInsideQuotesIsContent() {
        let outcome = readSeries("t,\"a\rb\"\n1,2\n")
        #expect(outcome.issues == [])
        #expect(outcome.headers.first?.signals == ["a\rb"])
    }

    @Test func blankLinesBeforeTheEnd() {
        let message = "blank line (blank lines are allowed only at the end of the file)"
        let outcome = readSeries("t,v\n1,2\n\n  \n3,4\n\n5,6\n\n\n")
        #expect(outcome.issues == [issue(3, 1, message), issue(6, 1, message)])
        #expect(outcome.rows == [.init(time: 1, values: [2])])
        let beforeHeader = readSeries("\nt,v\n1,2\n")
        #expect(beforeHeader.issues == [issue(1, 1, message)])
        #expect(beforeHeader.headers == [])
        // A blank line before a structural stop is reported first.
        let beforeStop = readSeries("t,v\n1,2\n\n3,\"4\n")
        #expect(beforeStop.issues == [issue(3, 1, message), issue(4, 3, "unclosed quote")])
    }

    @Test func quotedNewlineAdvancesTheLineCount() {
        let text = "time,\"probes\nup\",x\n"  // lines 1–2
            + "2014-12-22T12:00:00Z,1,2\n"  // line 3
            + "2014-12-22T12:01:00Z,\"1\n\",zz\n"  // lines 4–5
            + "2014-12-22T12:02:00Z,1,oops\n"  // line 6
        let outcome = readSeries(text)
        #expect(outcome.issues == [
            issue(4, 22, #"bad value in column "probes\nup": "1\n" "# + Self.expectedNumber),
            issue(5, 3, #"bad value in column "x": "zz" "# + Self.expectedNumber),
            issue(6, 24, #"bad value in column "x": "oops" "# + Self.expectedNumber),
        ])
        #expect(outcome.headers == [SeriesHeader(timeColumn: "time", signals: ["probes\nup", "x"])])
        #expect(outcome.rows == [.init(time: dec22 + 43_200, values: [1, 2])])
    }

    @Test func rowEndingColumnAfterAQuotedNewline() {
        let outcome = readSeries("t,a,b\n1,\"2\n3\"\n")
        // The row ends on line 3, after "3": the wrong count is reported there, the values not read.
        #expect(outcome.issues == [issue(3, 3, "row has 2 cells, the header has 3")])
    }

    @Test func columnsCountCharactersNotBytes() {
        let outcome = readSeries("t,a,b\n2014-12-22T12:00:00Z,\"✓ ok\",12a\n")
        #expect(outcome.issues == [
            issue(2, 22, #"bad value in column "a": "✓ ok" "# + Self.expectedNumber),
            issue(2, 29, #"bad value in column "b": "12a" "# + Self.expectedNumber),
        ])
    }

    @Test func maxIssuesBoundsTheResult() {
        let text = "t,v\n" + (1...30).map { "\($0),x" }.joined(separator: "\n")
        let five = readSeries(text, maxIssues: 5)
        #expect(five.issues.count == 5)
        #expect(five.issues.map(\.line) == [2, 3, 4, 5, 6])
        #expect(readSeries(text).issues.count == 20)
        #expect(readSeries(text, maxIssues: 100).issues.count == 30)
        #expect(readSeries(text, maxIssues: 0).issues == [issue(2, 3, #"bad value in column "v": "x" "# + Self.expectedNumber)])
        // The bound counts issues within a row too.
        let wide = readSeries("t,a,b,c\n1,x,y,z\n", maxIssues: 2)
        #expect(wide.issues.map(\.column) == [3, 5])
    }

    @Test func callbacksStopAtTheFirstIssue() {
        let outcome = readSeries("t,v\n1,1\n2,2\n3,bad\n4,4\n")
        #expect(outcome.rows.map(\.time) == [1, 2])
        #expect(outcome.issues.count == 1)
    }

    @Test func lineLimit() {
        var limits = SeriesLimits()
        limits.maxLineBytes = 16
        let fits = readSeries("t,v\n1,12345678901234\r\n2,1234567890123 \n", limits: limits)
        #expect(fits.issues == [])
        #expect(fits.rows.count == 2)
        let tooLong = readSeries("t,v\n1,123456789012345\n", limits: limits)
        #expect(tooLong.issues == [issue(2, 1, "line is longer than 16 bytes")])
        let quoted = readSeries("t,v\n1,\"2      \n          \"\n", limits: limits)
        #expect(quoted.issues == [issue(2, 3, #"bad value in column "v": "2      \n" "# + Self.expectedNumber)])
        let quotedTooLong = readSeries("t,v\n1,\"2\n                \"\n", limits: limits)
        #expect(quotedTooLong.issues == [issue(3, 1, "line is longer than 16 bytes")])
        let header = readSeries("time,aaaaaaaaaaaa\n", limits: limits)
        #expect(header.issues == [issue(1, 1, "line is longer than 16 bytes")])
    }

    @Test func rowLimit() {
        var limits = SeriesLimits()
        limits.maxLineBytes = 16
        limits.maxRowBytes = 20
        let outcome = readSeries("t,v\n1,\"\n0123456789\n0123456789\n\"\n", limits: limits)
        #expect(outcome.issues == [
            issue(2, 1, "row is longer than 20 bytes (is the quote at line 2, column 3 closed?)")
        ])
    }

    @Test func columnLimit() {
        var limits = SeriesLimits()
        limits.maxColumns = 3
        #expect(readSeries("a,b,c\n1,2,3\n", limits: limits).issues == [])
        let outcome = readSeries("a,b,c,d\n1,2,3,4\n", limits: limits)
        #expect(outcome.issues == [issue(1, 1, "the header has 4 columns, more than the 3 allowed")])
    }

    @Test func aHugeRowOfCommasIsCountedNotKept() {
        let outcome = readSeries("t,v\n1,2" + String(repeating: ",", count: 100_000) + "\n")
        #expect(outcome.issues == [issue(2, 5, "row has 100002 cells, the header has 2")])
    }

    @Test func realSixteenMebibyteLimit() {
        let limit = 16 << 20
        let head = Array("t,v\n1,2".utf8)
        // A line of exactly 16 MiB (without its line end) is read; one byte more is an issue.
        var fits = head + [UInt8](repeating: UInt8(ascii: " "), count: limit - 3) + Array("\n".utf8)
        var sum = 0.0
        var issues = SeriesReader.read(bytes: fits, header: { _ in }, row: { sum += $1[0] })
        #expect(issues == [])
        #expect(sum == 2)
        fits.insert(UInt8(ascii: " "), at: head.count)
        issues = SeriesReader.read(bytes: fits, header: { _ in }, row: { sum += $1[0] })
        #expect(issues == [issue(2, 1, "line is longer than 16 MiB")])
    }

    @Test func binaryData() {
        // Random bytes, NULs, every byte value: an issue, never a crash.
        var generator = SplitMix(seed: 42)
        for _ in 0..<200 {
            let count = Int(generator.next() % 300)
            let bytes = (0..<count).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
            let outcome = readSeries(bytes)
            #expect(!outcome.issues.isEmpty || !outcome.headers.isEmpty)
        }
        let nul = readSeries("t,v\n1,\u{0}\n")
        #expect(nul.issues == [issue(2, 3, #"bad value in column "v": "\u{0}" "# + Self.expectedNumber)])
    }
}

/// A small deterministic generator for test data.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
