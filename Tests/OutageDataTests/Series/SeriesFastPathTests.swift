import Testing
@testable import OutageData

/// The fast paths of the series reader (`SeriesTime.commonISO`, `SeriesParser.fastRow`) against
/// what they stand in for: the full timestamp scanner and the byte-at-a-time state machine.
struct SeriesFastPathTests {
    /// The module's seeded generator (SeriesReaderIssueTests), so failures are reproducible.
    typealias SplitMix64 = SplitMix

    /// What the full parser makes of a cell: the scanner's time, or nil.
    static func scannerSeconds(_ bytes: [UInt8]) -> Int64? {
        bytes.withUnsafeBufferPointer { cell in
            if case .timestamp(let t) = TimestampScanner.scan(ByteReader(cell)) { return t.seconds }
            return nil
        }
    }

    static func commonISO(_ bytes: [UInt8]) -> Int64? {
        bytes.withUnsafeBufferPointer { SeriesTime.commonISO($0) }
    }

    static func parse(_ bytes: [UInt8]) -> SeriesTime.Outcome {
        bytes.withUnsafeBufferPointer { SeriesTime.parse($0) }
    }

    static func pad(_ value: UInt64, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }

    /// `YYYY-MM-DDTHH:MM:SSZ` with fields drawn from ranges a little wider than the valid ones.
    static func randomISO(_ rng: inout SplitMix64) -> String {
        let year = rng.next() % 4 == 0 ? rng.next() % 10_000 : 1_900 + rng.next() % 200
        return "\(pad(year, 4))-\(pad(rng.next() % 14, 2))-\(pad(rng.next() % 33, 2))T"
            + "\(pad(rng.next() % 26, 2)):\(pad(rng.next() % 62, 2)):\(pad(rng.next() % 62, 2))Z"
    }

    @Test func commonISOAgreesWithTheScanner() {
        var rng = SplitMix64(seed: 0x1505_2026)
        let noise: [UInt8] = Array("0123456789-:TtZz+. /\u{7F}a".utf8) + [0x80, 0xFF, 0x00]
        var taken = 0
        var cache = SeriesTime.DateCache()
        var previous = Array("2014-12-22T00:00:00Z".utf8)
        for round in 0..<60_000 {
            var bytes = Array(Self.randomISO(&rng).utf8)
            if round % 2 == 0 {
                // The date of the string before (often cached), another time of day.
                bytes.replaceSubrange(0..<10, with: previous[0..<10])
            }
            previous = bytes
            if round % 3 == 0 {
                // Near-valid: one byte changed, or one dropped or added.
                let position = Int(rng.next() % UInt64(bytes.count))
                switch rng.next() % 3 {
                case 0: bytes[position] = noise[Int(rng.next() % UInt64(noise.count))]
                case 1: bytes.remove(at: position)
                default: bytes.insert(noise[Int(rng.next() % UInt64(noise.count))], at: position)
                }
            }
            let fast = Self.commonISO(bytes)
            let full = Self.scannerSeconds(bytes)
            // With the date of the strings before it remembered, the same answer.
            let cached = bytes.withUnsafeBufferPointer { SeriesTime.commonISO($0, cache: &cache) }
            #expect(cached == fast, "\(String(decoding: bytes, as: UTF8.self))")
            if let fast {
                taken += 1
                #expect(fast == full, "\(String(decoding: bytes, as: UTF8.self))")
            } else if bytes.count == 20, bytes[19] == UInt8(ascii: "Z"), bytes[10] == UInt8(ascii: "T"),
                      let full, bytes[17] != UInt8(ascii: "6") {
                // A plain valid Z time (not a leap second) must not miss the fast path.
                Issue.record("fast path missed \(String(decoding: bytes, as: UTF8.self)) = \(full)")
            }
            // Whichever path, a series cell comes out as the scanner says.
            if let full {
                #expect(Self.parse(bytes) == .time(full), "\(String(decoding: bytes, as: UTF8.self))")
            }
        }
        #expect(taken > 3_000)
    }

    @Test func commonISOAtTheEdges() {
        for (text, seconds) in [
            ("1970-01-01T00:00:00Z", Int64(0)), ("0000-01-01T00:00:00Z", SeriesTime.earliest),
            ("9999-12-31T23:59:59Z", SeriesTime.latest), ("2000-02-29T12:00:00Z", 951_825_600),
            ("1969-12-31T23:59:59Z", -1),
        ] {
            #expect(Self.commonISO(Array(text.utf8)) == seconds, "\(text)")
            #expect(Self.scannerSeconds(Array(text.utf8)) == seconds, "\(text)")
        }
        for text in ["1900-02-29T00:00:00Z", "2014-12-22T12:00:60Z", "2014-12-22t12:00:00Z", "2014-12-22T12:00:00z",
                     "2014-12-22T24:00:00Z", "2014-13-01T00:00:00Z", "2014-00-01T00:00:00Z", "2014-04-31T00:00:00Z",
                     "2014-12-22 12:00:00Z", "2014-12-22T12:00:00+", "+014-12-22T12:00:00Z"] {
            #expect(Self.commonISO(Array(text.utf8)) == nil, "\(text)")
        }
    }

    @Test func plainCountsAgreeWithTheStandardLibrary() {
        var rng = SplitMix64(seed: 0xC0_0A75)
        for _ in 0..<50_000 {
            let length = 1 + Int(rng.next() % 18)
            let text = String((0..<length).map { _ in Character(String(rng.next() % 10)) })
            let outcome = Array(text.utf8).withUnsafeBufferPointer { SeriesNumber.parse($0) }
            guard case .number(let value) = outcome, let expected = Double(text) else {
                Issue.record("\(text): \(outcome)")
                continue
            }
            #expect(value.bitPattern == expected.bitPattern, "\(text)")
        }
    }

    // MARK: Rows

    /// A series of `rows` rows, mostly good, with near-valid rows mixed in when `noisy`.
    static func randomSeries(_ rng: inout SplitMix64, rows: Int, noisy: Bool) -> [UInt8] {
        let signals = 1 + Int(rng.next() % 4)
        let crlf = rng.next() % 4 == 0
        let end = crlf ? "\r\n" : "\n"
        var text = (rng.next() % 8 == 0 ? "\u{FEFF}" : "") + "time," + (1...signals).map { "s\($0)" }.joined(separator: ",") + end
        var time: Int64 = 1_400_000_000 + Int64(rng.next() % 1_000_000)
        let cells = ["", "NA", "null", "NaN", " 12 ", "0", "-0", "-0.0", "1e3", "+4", ".5", "5.", "12345678901234567890",
                     "0.1", "1e400", "1e-400", "7", "3.25", "\t9\t"]
        let noise = ["12a", "\"4\"", "\"x\"\"y\"", "é", "1,2", "\"1\"x", "inf", "--1", " ", "\"a\nb\""]
        for _ in 0..<rows {
            let step = Int64(rng.next() % 400) + (noisy && rng.next() % 50 == 0 ? -500 : 1)
            time += step
            var timeText: String
            switch rng.next() % 6 {
            case 0: timeText = String(time)
            case 1: timeText = String(time) + ".25"
            case 2: timeText = String(Timestamp(seconds: time).rfc3339.dropLast()) + "+00:00"
            default: timeText = Timestamp(seconds: time).rfc3339
            }
            if noisy && rng.next() % 60 == 0 { timeText = "2014-02-30T00:00:00Z" }
            var row = [timeText]
            var count = signals
            if noisy && rng.next() % 60 == 0 { count += rng.next() % 2 == 0 ? 1 : -1 }
            for _ in 0..<count {
                if noisy && rng.next() % 40 == 0 {
                    row.append(noise[Int(rng.next() % UInt64(noise.count))])
                } else if rng.next() % 3 == 0 {
                    row.append(cells[Int(rng.next() % UInt64(cells.count))])
                } else {
                    row.append(String(Double(rng.next() % 100_000) / 8))
                }
            }
            text += row.joined(separator: ",") + (noisy && rng.next() % 100 == 0 ? "\r" : "") + end
            if noisy && rng.next() % 200 == 0 { text += end }
        }
        return Array(text.utf8)
    }

    /// Rows with their values' exact bits (NaN included), and the issues.
    struct Exact: Equatable {
        var rows: [[UInt64]] = []
        var issues: [SeriesIssue] = []
    }

    static func exact(_ bytes: [UInt8], fast: Bool, chunkSize: Int) -> Exact {
        var limits = SeriesLimits()
        limits.fastRows = fast
        limits.chunkSize = chunkSize
        var result = Exact()
        result.issues = SeriesReader.read(bytes: bytes, maxIssues: 20, limits: limits, header: { _ in }, row: { time, values in
            result.rows.append([UInt64(bitPattern: time)] + values.map(\.bitPattern))
        })
        return result
    }

    @Test func fastRowsReadAsTheStateMachineDoes() {
        var rng = SplitMix64(seed: 0xFA57_0001)
        var rowsRead = 0
        for round in 0..<120 {
            let bytes = Self.randomSeries(&rng, rows: 1 + Int(rng.next() % 300), noisy: round % 2 == 1)
            let reference = Self.exact(bytes, fast: false, chunkSize: 1 << 20)
            for chunkSize in [1 << 20, 4096, 61] {
                #expect(Self.exact(bytes, fast: true, chunkSize: chunkSize) == reference, "round \(round), chunk \(chunkSize)")
            }
            rowsRead += reference.rows.count
        }
        #expect(rowsRead > 1_500)
    }

    @Test func aLineAtTheLengthLimitIsReadAlike() {
        for length in 14...22 {
            let row = "1400000000," + String(repeating: "1", count: length - 11)
            let bytes = Array("t,a\n\(row)\n1400000001,2\r\n".utf8)
            var limits = SeriesLimits()
            limits.maxLineBytes = 16
            for fast in [false, true] {
                limits.fastRows = fast
                var rows = 0
                let issues = SeriesReader.read(bytes: bytes, maxIssues: 20, limits: limits, header: { _ in }, row: { _, _ in rows += 1 })
                limits.fastRows = !fast
                var otherRows = 0
                let other = SeriesReader.read(bytes: bytes, maxIssues: 20, limits: limits, header: { _ in }, row: { _, _ in otherRows += 1 })
                #expect(issues == other && rows == otherRows, "length \(length)")
            }
        }
    }
}

/// The shared tokenizer itself, with each caller's options.
struct CSVTokenizerTests {
    typealias Rows = Result<[(line: Int, cells: [String])], CSVRecords.Failure>

    static func split(_ bytes: [UInt8], _ options: CSVOptions) -> Rows {
        bytes.withUnsafeBufferPointer { CSVRecords.split($0, options: options) }
    }

    static func cells(_ rows: Rows) -> [[String]]? {
        guard case .success(let rows) = rows else { return nil }
        return rows.map(\.cells)
    }

    static func lines(_ rows: Rows) -> [Int]? {
        guard case .success(let rows) = rows else { return nil }
        return rows.map(\.line)
    }

    @Test func quotedFieldsWithNewlinesAndDoubledQuotes() {
        let text = Array("a,\"b\nc\",\"say \"\"hi\"\"\"\n\"x\r\ny\",2,3\nlast,\"\",z".utf8)
        for options in [CSVOptions.series, .table] {
            let rows = Self.split(text, options)
            #expect(Self.cells(rows) == [["a", "b\nc", "say \"hi\""], ["x\r\ny", "2", "3"], ["last", "", "z"]])
            #expect(Self.lines(rows) == [1, 3, 5])
        }
    }

    @Test func crlfAndBOM() {
        let text: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("t,a\r\n1,2\r\n".utf8)
        #expect(Self.cells(Self.split(text, .series)) == [["t", "a"], ["1", "2"]])
        // Tables get text whose BOM was removed when it was decoded: a BOM left is content.
        #expect(Self.cells(Self.split(text, .table)) == [["\u{FEFF}t", "a"], ["1", "2"]])
        let utf16: [UInt8] = [0xFF, 0xFE, 0x74, 0x00]
        guard case .failure(let failure) = Self.split(utf16, .series) else { Issue.record("read UTF-16"); return }
        #expect(failure.line == 1 && failure.message == "file is UTF-16, not UTF-8 (save it as UTF-8)")
    }

    @Test func raggedRowsAreTheCallersBusiness() {
        let text = Array("a,b,c\n1\n1,2,3,4,\n\n".utf8)
        #expect(Self.cells(Self.split(text, .table)) == [["a", "b", "c"], ["1"], ["1", "2", "3", "4", ""], [""]])
        #expect(Self.lines(Self.split(text, .table)) == [1, 2, 3, 4])
    }

    @Test func loneCarriageReturnAndSpacesDifferByOption() {
        let text = Array("a, b\r,c\n".utf8)
        guard case .failure(let failure) = Self.split(text, .series) else { Issue.record("accepted a lone CR"); return }
        #expect(failure.line == 1 && failure.message == "carriage return without a line feed (lines must end with LF or CRLF)")
        #expect(Self.cells(Self.split(text, .table)) == [["a", " b", "c"]])
        // Before a quote, spaces go with either option.
        #expect(Self.cells(Self.split(Array("  \"q\" ,x\n".utf8), .table)) == [["q", "x"]])
        #expect(Self.cells(Self.split(Array("  \"q\" ,x\n".utf8), .series)) == [["q", "x"]])
    }

    @Test func limitsAndUnclosedQuotes() {
        var options = CSVOptions.series
        options.maxLineBytes = 8
        guard case .failure(let long) = Self.split(Array("a,b\n123456789\n".utf8), options) else { Issue.record("long line"); return }
        #expect(long.line == 2 && long.message == "line is longer than 8 bytes")
        guard case .failure(let open) = Self.split(Array("a,b\n1,\"2\n3\n".utf8), .table) else { Issue.record("open quote"); return }
        #expect(open.line == 2 && open.message == CSVRecords.unclosedMessage)
    }
}
