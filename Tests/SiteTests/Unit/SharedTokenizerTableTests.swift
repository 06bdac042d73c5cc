import OutageData
import Testing
@testable import SiteLoad
@testable import SiteModel

/// The dataset tables split CSV with the shared tokenizer (`CSVRecords`, the series reader's
/// `CSVTokenizer` with the table options); the splitter they had before is kept here as the
/// reference it must agree with.
@Suite struct SharedTokenizerTableTests {
    /// The table splitter before the shared tokenizer, unchanged.
    static func referenceSplit(_ text: String) -> Result<[(line: Int, cells: [String])], CSVTable.Failure> {
        var rows: [(line: Int, cells: [String])] = []
        var cells: [String] = []
        var cell = ""
        var line = 1
        var rowLine = 1
        var quoted = false
        var quoteLine = 1
        var afterQuote = false
        var iterator = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        func next() -> Unicode.Scalar? {
            if let p = pending { pending = nil; return p }
            return iterator.next()
        }
        while let c = next() {
            if quoted {
                if c == "\"" {
                    if let following = next() {
                        if following == "\"" { cell.unicodeScalars.append("\"") } else { quoted = false; afterQuote = true; pending = following }
                    } else {
                        quoted = false
                    }
                } else {
                    if c == "\n" { line += 1 }
                    cell.unicodeScalars.append(c)
                }
                continue
            }
            switch c {
            case "\"" where cell.trimmingWhitespace().isEmpty && !afterQuote:
                cell = ""
                quoted = true
                quoteLine = line
            case ",":
                cells.append(cell)
                cell = ""
                afterQuote = false
            case "\r":
                continue
            case "\n":
                cells.append(cell)
                rows.append((rowLine, cells))
                cells = []
                cell = ""
                afterQuote = false
                line += 1
                rowLine = line
            default:
                if afterQuote && c != " " && c != "\t" {
                    return .failure(CSVTable.Failure(line: line, message: "text after a closing quote in a cell"))
                }
                if !afterQuote { cell.unicodeScalars.append(c) }
            }
        }
        if quoted { return .failure(CSVTable.Failure(line: quoteLine, message: "a quoted cell is never closed")) }
        if !cell.isEmpty || !cells.isEmpty {
            cells.append(cell)
            rows.append((rowLine, cells))
        }
        return .success(rows)
    }


    static func same(_ a: Result<[(line: Int, cells: [String])], CSVTable.Failure>,
                     _ b: Result<[(line: Int, cells: [String])], CSVTable.Failure>) -> Bool {
        switch (a, b) {
        case (.success(let x), .success(let y)):
            return x.count == y.count && zip(x, y).allSatisfy { $0.line == $1.line && $0.cells == $1.cells }
        case (.failure(let x), .failure(let y)):
            return x.line == y.line && x.message == y.message
        default:
            return false
        }
    }

    static func describe(_ r: Result<[(line: Int, cells: [String])], CSVTable.Failure>) -> String {
        switch r {
        case .success(let rows): return rows.map { "\($0.line): \($0.cells)" }.joined(separator: " | ")
        case .failure(let f): return "failure \(f.line): \(f.message)"
        }
    }

    @Test func agreesWithTheFormerSplitterOnGeneratedTables() {
        var rng = SplitMix64(seed: 0x7AB1_E5)
        let pieces = ["a", "b c", " ", "\t", ",", ",", "\n", "\r\n", "\r", "\"", "\"\"", "\"x,y\"", "\"two\nlines\"",
                      "\"say \"\"hi\"\"\"", "é", "日本", "\u{FEFF}", "12", "  \"q\"  ", "\"q\" z", "N/A", ",,,", "\n\n"]
        for round in 0..<20_000 {
            var text = ""
            for _ in 0..<Int(rng.next() % 24) { text += pieces[Int(rng.next() % UInt64(pieces.count))] }
            let expected = Self.referenceSplit(text)
            let actual = CSVTable.split(text)
            #expect(Self.same(expected, actual), "round \(round): \(text.debugDescription)\n  was \(Self.describe(expected))\n  now \(Self.describe(actual))")
        }
    }

    @Test func spreadsheetQuirks() throws {
        let text = " ID , Name \r\n1,\"a, b\"\r\n2,\"two\r\nlines\"\r\n\r\n3,\"say \"\"hi\"\"\",extra\r\n4\r\n"
        let rows = try CSVTable.split(text).get()
        #expect(rows.map(\.line) == [1, 2, 3, 5, 6, 7])
        #expect(rows.map(\.cells) == [[" ID ", " Name "], ["1", "a, b"], ["2", "two\r\nlines"], [""],
                                      ["3", "say \"hi\"", "extra"], ["4"]])
        #expect(Self.same(Self.referenceSplit(text), CSVTable.split(text)))
    }

    @Test func failuresNameTheirLine() {
        guard case .failure(let junk) = CSVTable.split("A\n\"x\"\n\"y\" z\n") else { Issue.record("accepted junk"); return }
        #expect(junk.line == 3 && junk.message == "text after a closing quote in a cell")
        guard case .failure(let open) = CSVTable.split("A\nx\n\"y,\nz\n") else { Issue.record("accepted an open quote"); return }
        #expect(open.line == 3 && open.message == "a quoted cell is never closed")
    }
}
