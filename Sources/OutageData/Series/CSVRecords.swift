/// A CSV table's rows as text, split by the shared `CSVTokenizer` with the table options
/// (`CSVOptions.table`): for tables small enough to hold (datasets), not for series.
public enum CSVRecords {
    public struct Failure: Error, Sendable, Equatable {
        public var line: Int
        public var message: String
    }

    public static let junkMessage = "text after a closing quote in a cell"
    public static let unclosedMessage = "a quoted cell is never closed"

    /// RFC 4180 records, each with the line it starts on; a blank line is a record of one
    /// empty cell. Spaces around unquoted text are kept, a CR outside quotes is dropped, a
    /// quote opens a cell only before any other text. The first text after a closing quote, or
    /// a quote never closed, is a failure naming its line.
    public static func split(_ text: String, options: CSVOptions = .table) -> Result<[(line: Int, cells: [String])], Failure> {
        var text = text
        return text.withUTF8 { split($0, options: options) }
    }

    public static func split(_ bytes: UnsafeBufferPointer<UInt8>, options: CSVOptions = .table) -> Result<[(line: Int, cells: [String])], Failure> {
        var tokenizer = CSVTokenizer(options: options)
        var collector = Collector()
        tokenizer.consume(bytes, sink: &collector)
        tokenizer.finish(sink: &collector)
        if let failure = collector.failure { return .failure(failure) }
        return .success(collector.records)
    }

    struct Collector: CSVTokenSink {
        var records: [(line: Int, cells: [String])] = []
        var failure: Failure?
        var isStopped: Bool { failure != nil }
        var cellLimit: Int { Int.max }

        mutating func row(_ row: CSVRowView) {
            // A last line of one empty cell without a line end (`""`, a stray CR) is no record.
            if row.atEnd && row.cellCount == 1 && row.cells.first.map({ $0.start == $0.end }) == true { return }
            records.append((row.line, row.cells.map { String(decoding: row.bytes($0), as: UTF8.self) }))
        }

        mutating func blankLine(_ line: Int) {
            records.append((line, [""]))
        }

        mutating func junk(line: Int, column: Int) {
            if failure == nil { failure = Failure(line: line, message: CSVRecords.junkMessage) }
        }

        mutating func structuralIssue(line: Int, column: Int, message: String) {
            guard failure == nil else { return }
            failure = Failure(line: line, message: message == CSVTokenizer.unclosedQuote ? CSVRecords.unclosedMessage : message)
        }
    }
}
