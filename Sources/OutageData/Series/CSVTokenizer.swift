/// The one byte-level CSV tokenizer (RFC 4180) behind both the series reader and the dataset
/// tables. It is fed a file in chunks of any size (down to one byte: a BOM, a UTF-8 sequence, a
/// CRLF or a `""` may be split anywhere) and gives the same rows and problems whatever the
/// chunking. Per byte it validates UTF-8, tracks line and column, and splits cells; a row's
/// unescaped cell contents are gathered in one reusable byte buffer and handed to the sink when
/// the row ends, so memory is the chunk plus one row, which the line and row limits bound.
///
/// What the callers differ in is an option (`CSVOptions`), not a second tokenizer: the series
/// reader skips spaces before a cell and treats a lone CR as an error; tables keep spaces
/// before a cell and drop a CR outside quotes wherever it stands, as they always have.
public struct CSVOptions: Sendable {
    /// Longest physical line, in bytes without its line end.
    public var maxLineBytes: Int
    /// Longest row (several physical lines when a quoted cell holds newlines).
    public var maxRowBytes: Int
    /// A CR not followed by LF (outside quotes) stops reading with an error; otherwise every
    /// CR outside quotes is dropped (tables).
    public var loneCarriageReturnIsError: Bool
    /// Spaces and tabs before an unquoted cell's text are part of it (tables); otherwise they
    /// are skipped (series). Before a quote they are always skipped.
    public var keepsLeadingSpace: Bool
    /// A UTF-8 BOM at the very start is skipped, and a UTF-16 one is an error.
    public var handlesBOM: Bool

    /// The series reader's rules.
    public static let series = CSVOptions(
        maxLineBytes: 16 << 20, maxRowBytes: 16 << 20, loneCarriageReturnIsError: true,
        keepsLeadingSpace: false, handlesBOM: true)

    /// The dataset tables' rules: no length limits (the table is in memory already), CRs
    /// dropped, spaces kept, no BOM handling (the text was decoded, its BOM removed, before).
    public static let table = CSVOptions(
        maxLineBytes: Int.max >> 2, maxRowBytes: Int.max >> 2, loneCarriageReturnIsError: false,
        keepsLeadingSpace: true, handlesBOM: false)
}

/// A cell of the current row: its unescaped content is `content[start..<end]` of the row.
struct CSVCell {
    var start = 0
    var end = 0
    var line = 0
    var column = 0
    var quoted = false
    /// Where text follows the closing quote (0 when nothing does).
    var junkLine = 0
    var junkColumn = 0
}

/// A finished row, valid during the sink's `row` call.
struct CSVRowView {
    /// The unescaped contents of the kept cells.
    var content: UnsafeBufferPointer<UInt8>
    /// The first `min(cellCount, sink.cellLimit)` cells.
    var cells: [CSVCell]
    /// All cells of the row, kept or not.
    var cellCount: Int
    /// Line of the row's first byte, and of its end.
    var line: Int
    var endLine: Int
    /// Column of the row's line end (or of the end of the file).
    var endColumn: Int
    /// The row ends with the input, not with a line end.
    var atEnd = false

    func bytes(_ cell: CSVCell) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: content[cell.start..<cell.end])
    }
}

/// What a tokenizer's rows go to.
protocol CSVTokenSink {
    /// True once the sink wants no more rows.
    var isStopped: Bool { get }
    /// Cells of a row beyond this many are counted, not kept: a hostile row of commas stays cheap.
    var cellLimit: Int { get }
    mutating func row(_ row: CSVRowView)
    /// An empty line (nothing, or only spaces and tabs before its line end when they are not kept).
    mutating func blankLine(_ line: Int)
    /// Text after the closing quote of a cell, at the first place it happens in that cell.
    mutating func junk(line: Int, column: Int)
    /// A structural problem after which nothing more can be read; the tokenizer stops.
    mutating func structuralIssue(line: Int, column: Int, message: String)
    /// A chance to read a whole row at `buffer[start]` (the first byte of a line, outside any
    /// cell) in one go: the index of its line feed, or nil to leave it to the tokenizer.
    mutating func fastRow(_ buffer: UnsafeBufferPointer<UInt8>, from start: Int, line: Int) -> Int?
}

extension CSVTokenSink {
    mutating func junk(line: Int, column: Int) {}
    mutating func fastRow(_ buffer: UnsafeBufferPointer<UInt8>, from start: Int, line: Int) -> Int? { nil }
}

struct CSVTokenizer {
    enum State {
        /// Before a cell's first byte other than a space or tab.
        case cellStart
        case unquoted
        case quoted
        /// Just after a quote inside a quoted cell: `""`, or the closing quote.
        case quoteInQuoted
        /// After a quoted cell's closing quote, before the comma or line end.
        case afterQuote
    }

    static let lineFeed = UInt8(ascii: "\n")
    static let carriageReturn = UInt8(ascii: "\r")
    static let comma = UInt8(ascii: ",")
    static let quote = UInt8(ascii: "\"")
    static let space = UInt8(ascii: " ")
    static let tab = UInt8(ascii: "\t")

    static let unclosedQuote = "unclosed quote"
    static let loneCarriageReturn = "carriage return without a line feed (lines must end with LF or CRLF)"

    let options: CSVOptions
    private(set) var isStopped = false

    // Where we are: `offset` is the file offset of the first byte of the buffer being fed.
    var offset = 0
    var line = 1
    /// File offset of the current line's first byte.
    var lineStart = 0
    /// UTF-8 continuation bytes in the current line so far (columns count characters).
    var lineContinuations = 0

    // Encoding.
    var prelude: [UInt8] = []
    var preludeDone = false
    var utf8Pending = 0
    var utf8Low: UInt8 = 0x80
    var utf8High: UInt8 = 0xBF
    var utf8Line = 0
    var utf8Column = 0
    var pendingCR = false
    var crLine = 0
    var crColumn = 0

    // The row being split.
    var state = State.cellStart
    var rowBytes: [UInt8] = []
    var cells: [CSVCell] = []
    var cellCount = 0
    var cell = CSVCell()
    /// With `keepsLeadingSpace`: the unquoted cell has had only spaces and tabs so far (a quote
    /// may still open it).
    var cellAllSpace = false
    /// Index in the current buffer where the content run of an unquoted or quoted cell began.
    var runStart = 0
    var rowLine = 1
    var rowStart = 0
    var quoteLine = 0
    var quoteColumn = 0

    init(options: CSVOptions) {
        self.options = options
        preludeDone = !options.handlesBOM
        rowBytes.reserveCapacity(256)
    }

    // MARK: Feeding

    mutating func consume<Sink: CSVTokenSink>(_ chunk: UnsafeBufferPointer<UInt8>, sink: inout Sink) {
        guard !isStopped && !sink.isStopped else { return }
        if preludeDone {
            feed(chunk, sink: &sink)
            return
        }
        // The first three bytes decide about a BOM; they may come one chunk at a time.
        var used = 0
        while prelude.count < 3 && used < chunk.count {
            prelude.append(chunk[used])
            used += 1
        }
        guard prelude.count == 3 else { return }
        runPrelude(sink: &sink)
        if !isStopped && !sink.isStopped && used < chunk.count {
            feed(UnsafeBufferPointer(rebasing: chunk[used...]), sink: &sink)
        }
    }

    /// The end of the input: the last row.
    mutating func finish<Sink: CSVTokenSink>(sink: inout Sink) {
        if !preludeDone && !isStopped && !sink.isStopped {
            runPrelude(sink: &sink)
        }
        guard !isStopped && !sink.isStopped else { return }
        if pendingCR {
            stop(at: crLine, crColumn, Self.loneCarriageReturn, sink: &sink)
            return
        }
        if utf8Pending > 0 {
            stop(at: utf8Line, utf8Column, "file is not valid UTF-8", sink: &sink)
            return
        }
        switch state {
        case .quoted:
            stop(at: quoteLine, quoteColumn, Self.unclosedQuote, sink: &sink)
            return
        case .cellStart where offset == rowStart && cellCount == 0:
            break  // the input ends with a line end (or is empty): no last row
        default:
            if state == .cellStart {
                beginCell(at: 0)  // the row's last cell is empty and ends here
            }
            endRow(endColumn: column(at: 0), atEnd: true, sink: &sink)
        }
    }

    /// Stops reading (a read error from outside).
    mutating func halt() { isStopped = true }

    mutating func runPrelude<Sink: CSVTokenSink>(sink: inout Sink) {
        preludeDone = true
        let bytes = prelude
        prelude = []
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            offset = 3
            lineStart = 3
            rowStart = 3
            return
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            stop(at: 1, 1, "file is UTF-16, not UTF-8 (save it as UTF-8)", sink: &sink)
            return
        }
        bytes.withUnsafeBufferPointer { feed($0, sink: &sink) }
    }

    /// One buffer through the state machine. Bytes that matter (comma, quote, CR, LF, any
    /// non-ASCII byte) go through the checks one at a time; runs of plain ASCII in a cell are
    /// skipped in a tight loop and copied to the row buffer in one piece. At the start of a
    /// line the sink may read the whole row itself (`fastRow`).
    mutating func feed<Sink: CSVTokenSink>(_ buffer: UnsafeBufferPointer<UInt8>, sink: inout Sink) {
        let count = buffer.count
        let crIsError = options.loneCarriageReturnIsError
        var index = 0
        runStart = 0
        while index < count {
            if isStopped || sink.isStopped { return }
            if state == .cellStart && cellCount == 0 && !pendingCR && utf8Pending == 0 && offset + index == lineStart,
               let lineFeed = sink.fastRow(buffer, from: index, line: line) {
                startLine(after: lineFeed)
                rowLine = line
                rowStart = lineStart
                index = lineFeed + 1
                continue
            }
            let byte = buffer[index]
            var endsCRLF = false
            if pendingCR {
                pendingCR = false
                guard byte == Self.lineFeed else {
                    stop(at: crLine, crColumn, Self.loneCarriageReturn, sink: &sink)
                    return
                }
                endsCRLF = true
            }
            if byte >= 0x80 || utf8Pending > 0 {
                guard validateUTF8(byte, at: index, sink: &sink) else { return }
            }
            if offset + index - lineStart >= options.maxLineBytes
                && byte != Self.lineFeed && byte != Self.carriageReturn {
                stop(at: line, 1, "line is longer than \(Self.size(options.maxLineBytes))", sink: &sink)
                return
            }

            switch state {
            case .cellStart:
                switch byte {
                case Self.space, Self.tab:
                    if options.keepsLeadingSpace {
                        beginCell(at: index)
                        state = .unquoted
                        cellAllSpace = true
                        runStart = index
                    }
                case Self.quote:
                    beginCell(at: index)
                    openQuote()
                    runStart = index + 1
                case Self.comma:
                    beginCell(at: index)
                    finishCell(sink)
                case Self.lineFeed where cellCount == 0:
                    // A blank line, without the row work: a file of nothing but line ends
                    // reads at memory speed.
                    sink.blankLine(rowLine)
                    startLine(after: index)
                    rowLine = line
                    rowStart = lineStart
                case Self.lineFeed:
                    beginCell(at: index)
                    if endsCRLF { cell.column = crColumn }
                    endLine(at: index, afterCR: endsCRLF, sink: &sink)
                case Self.carriageReturn:
                    if crIsError { noteCarriageReturn(at: index) }
                default:
                    beginCell(at: index)
                    state = .unquoted
                    cellAllSpace = false
                    runStart = index
                }
                index += 1

            case .unquoted:
                switch byte {
                case Self.comma:
                    appendRun(buffer, upTo: index)
                    finishCell(sink)
                    state = .cellStart
                    index += 1
                case Self.lineFeed:
                    appendRun(buffer, upTo: index)
                    endLine(at: index, afterCR: endsCRLF, sink: &sink)
                    index += 1
                case Self.carriageReturn:
                    appendRun(buffer, upTo: index)
                    runStart = index + 1
                    if crIsError { noteCarriageReturn(at: index) }
                    index += 1
                case Self.quote where cellAllSpace:
                    // Only spaces so far (kept ones): the quote opens the cell, the spaces go.
                    rowBytes.removeLast(rowBytes.count - cell.start)
                    cell.line = line
                    cell.column = column(at: index)
                    openQuote()
                    index += 1
                    runStart = index
                case Self.space, Self.tab:
                    index += 1
                default:
                    cellAllSpace = false
                    index += 1
                    if utf8Pending == 0 {
                        let end = min(count, lineStart + options.maxLineBytes - offset)
                        while index < end {
                            let next = buffer[index]
                            if next == Self.comma || next == Self.lineFeed || next == Self.carriageReturn || next >= 0x80 {
                                break
                            }
                            index += 1
                        }
                    }
                }

            case .quoted:
                switch byte {
                case Self.quote:
                    appendRun(buffer, upTo: index)
                    state = .quoteInQuoted
                    index += 1
                case Self.lineFeed:
                    // Part of the cell; a new physical line all the same.
                    startLine(after: index)
                    index += 1
                    if offset + index - rowStart > options.maxRowBytes {
                        stop(at: rowLine, 1, "row is longer than \(Self.size(options.maxRowBytes)) "
                                + "(is the quote at line \(quoteLine), column \(quoteColumn) closed?)", sink: &sink)
                        return
                    }
                default:
                    index += 1
                    if utf8Pending == 0 {
                        let end = min(count, lineStart + options.maxLineBytes - offset)
                        while index < end {
                            let next = buffer[index]
                            if next == Self.quote || next == Self.lineFeed || next >= 0x80 { break }
                            index += 1
                        }
                    }
                }

            case .quoteInQuoted:
                switch byte {
                case Self.quote:
                    // "" stands for one quote: it starts the next run of content.
                    runStart = index
                    state = .quoted
                case Self.comma:
                    finishCell(sink)
                    state = .cellStart
                case Self.lineFeed:
                    endLine(at: index, afterCR: endsCRLF, sink: &sink)
                case Self.carriageReturn:
                    if crIsError { noteCarriageReturn(at: index) }
                    state = .afterQuote
                case Self.space, Self.tab:
                    state = .afterQuote
                default:
                    noteJunk(at: index, sink: &sink)
                    state = .afterQuote
                }
                index += 1

            case .afterQuote:
                switch byte {
                case Self.comma:
                    finishCell(sink)
                    state = .cellStart
                case Self.lineFeed:
                    endLine(at: index, afterCR: endsCRLF, sink: &sink)
                case Self.carriageReturn:
                    if crIsError { noteCarriageReturn(at: index) }
                case Self.space, Self.tab:
                    break
                default:
                    noteJunk(at: index, sink: &sink)
                }
                index += 1
            }
        }
        if !isStopped && !sink.isStopped && (state == .unquoted || state == .quoted) {
            appendRun(buffer, upTo: count)
        }
        offset += count
    }

    /// Checks one byte of a UTF-8 sequence (RFC 3629: no overlong forms, no surrogates,
    /// nothing above U+10FFFF); a sequence may be split across buffers.
    mutating func validateUTF8<Sink: CSVTokenSink>(_ byte: UInt8, at index: Int, sink: inout Sink) -> Bool {
        if utf8Pending > 0 {
            guard byte >= utf8Low && byte <= utf8High else {
                stop(at: utf8Line, utf8Column, "file is not valid UTF-8", sink: &sink)
                return false
            }
            utf8Pending -= 1
            utf8Low = 0x80
            utf8High = 0xBF
            lineContinuations += 1
            return true
        }
        switch byte {
        case 0xC2...0xDF: utf8Pending = 1
        case 0xE0: utf8Pending = 2; utf8Low = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: utf8Pending = 2
        case 0xED: utf8Pending = 2; utf8High = 0x9F
        case 0xF0: utf8Pending = 3; utf8Low = 0x90
        case 0xF1...0xF3: utf8Pending = 3
        case 0xF4: utf8Pending = 3; utf8High = 0x8F
        default:
            stop(at: line, column(at: index), "file is not valid UTF-8", sink: &sink)
            return false
        }
        utf8Line = line
        utf8Column = column(at: index)
        return true
    }

    // MARK: Positions and cells

    /// The 1-based character column of `buffer[index]` in the current line.
    func column(at index: Int) -> Int {
        offset + index - lineStart - lineContinuations + 1
    }

    mutating func startLine(after index: Int) {
        line += 1
        lineStart = offset + index + 1
        lineContinuations = 0
    }

    mutating func noteCarriageReturn(at index: Int) {
        pendingCR = true
        crLine = line
        crColumn = column(at: index)
    }

    mutating func noteJunk<Sink: CSVTokenSink>(at index: Int, sink: inout Sink) {
        if cell.junkLine == 0 {
            cell.junkLine = line
            cell.junkColumn = column(at: index)
            sink.junk(line: cell.junkLine, column: cell.junkColumn)
        }
    }

    mutating func openQuote() {
        cell.quoted = true
        quoteLine = cell.line
        quoteColumn = cell.column
        state = .quoted
    }

    mutating func beginCell(at index: Int) {
        cell.start = rowBytes.count
        cell.line = line
        cell.column = column(at: index)
    }

    mutating func appendRun(_ buffer: UnsafeBufferPointer<UInt8>, upTo index: Int) {
        if index > runStart {
            rowBytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[runStart..<index]))
        }
        runStart = index
    }

    mutating func finishCell<Sink: CSVTokenSink>(_ sink: Sink) {
        cell.end = rowBytes.count
        if cellCount < sink.cellLimit {
            cells.append(cell)
        }
        cellCount += 1
        cell = CSVCell()
    }

    /// Ends the row and the line at the line feed `buffer[index]`.
    mutating func endLine<Sink: CSVTokenSink>(at index: Int, afterCR: Bool, sink: inout Sink) {
        endRow(endColumn: afterCR ? crColumn : column(at: index), sink: &sink)
        startLine(after: index)
        rowLine = line
        rowStart = lineStart
    }

    /// Ends the current row at a line end (or the end of the input), whose column is `endColumn`.
    mutating func endRow<Sink: CSVTokenSink>(endColumn: Int, atEnd: Bool = false, sink: inout Sink) {
        finishCell(sink)
        let line = self.line, rowLine = self.rowLine, count = cellCount
        // Locals, so that reading them does not overlap with changes to `self`; no copy is made.
        let bytes = rowBytes
        let rowCells = cells
        bytes.withUnsafeBufferPointer { content in
            sink.row(CSVRowView(content: content, cells: rowCells, cellCount: count,
                                line: rowLine, endLine: line, endColumn: endColumn, atEnd: atEnd))
        }
        rowBytes.removeAll(keepingCapacity: true)
        cells.removeAll(keepingCapacity: true)
        cellCount = 0
        state = .cellStart
    }

    mutating func stop<Sink: CSVTokenSink>(at line: Int, _ column: Int, _ message: String, sink: inout Sink) {
        sink.structuralIssue(line: line, column: column, message: message)
        isStopped = true
    }

    static func size(_ bytes: Int) -> String {
        bytes % (1 << 20) == 0 ? "\(bytes >> 20) MiB" : "\(bytes) bytes"
    }
}
