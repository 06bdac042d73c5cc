/// The state machine behind `SeriesReader`. It is fed the file in chunks of any size (down to
/// one byte: a BOM, a UTF-8 sequence, a CRLF or a `""` may be split anywhere) and gives the same
/// callbacks and issues whatever the chunking. Per byte it validates UTF-8, tracks line and
/// column, and splits cells; a row's unescaped cell contents are gathered in one reusable byte
/// buffer and interpreted when the row ends, so memory is the chunk plus one row, which the
/// line and row limits bound.
struct SeriesParser {
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

    /// A cell of the current row: its unescaped content is `rowBytes[start..<end]`.
    struct Cell {
        var start = 0
        var end = 0
        var line = 0
        var column = 0
        var quoted = false
        /// Where text follows the closing quote (0 when nothing does).
        var junkLine = 0
        var junkColumn = 0
    }

    static let lineFeed = UInt8(ascii: "\n")
    static let carriageReturn = UInt8(ascii: "\r")
    static let comma = UInt8(ascii: ",")
    static let quote = UInt8(ascii: "\"")
    static let space = UInt8(ascii: " ")
    static let tab = UInt8(ascii: "\t")

    let limits: SeriesLimits
    let maxIssues: Int
    private(set) var issues: [SeriesIssue] = []
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
    var cells: [Cell] = []
    /// Cells beyond this many are counted, not kept: a hostile row of commas stays cheap.
    var cellsKept: Int
    var cellCount = 0
    var cell = Cell()
    /// Index in the current buffer where the content run of an unquoted or quoted cell began.
    var runStart = 0
    var rowLine = 1
    var rowStart = 0
    var quoteLine = 0
    var quoteColumn = 0

    // Meaning.
    var headerSeen = false
    var headerDelivered = false
    var signalNames: [String] = []
    var values: [Double] = []
    var lastTime: Int64 = 0
    var lastTimeLine = 0
    /// What the last time lost to whole seconds (see `SeriesTime.loss`).
    var lastTimeLoss: SeriesTime.Loss?
    var pendingBlankLine = 0

    init(maxIssues: Int, limits: SeriesLimits) {
        self.maxIssues = max(1, maxIssues)
        self.limits = limits
        self.cellsKept = limits.maxColumns + 1
        rowBytes.reserveCapacity(256)
    }

    // MARK: Feeding

    mutating func consume(
        _ chunk: UnsafeBufferPointer<UInt8>,
        header: (SeriesHeader) -> Void, row: (Int64, UnsafeBufferPointer<Double>) -> Void
    ) {
        guard !isStopped else { return }
        if preludeDone {
            feed(chunk, header: header, row: row)
            return
        }
        // The first three bytes decide about a BOM; they may come one chunk at a time.
        var used = 0
        while prelude.count < 3 && used < chunk.count {
            prelude.append(chunk[used])
            used += 1
        }
        guard prelude.count == 3 else { return }
        runPrelude(header: header, row: row)
        if !isStopped && used < chunk.count {
            feed(UnsafeBufferPointer(rebasing: chunk[used...]), header: header, row: row)
        }
    }

    /// The end of the input: the last row, then the file-level checks.
    mutating func finish(header: (SeriesHeader) -> Void, row: (Int64, UnsafeBufferPointer<Double>) -> Void) {
        if !preludeDone && !isStopped {
            runPrelude(header: header, row: row)
        }
        guard !isStopped else { return }
        if pendingCR {
            stop(at: crLine, crColumn, Self.loneCarriageReturn)
            return
        }
        if utf8Pending > 0 {
            stop(at: utf8Line, utf8Column, "file is not valid UTF-8")
            return
        }
        switch state {
        case .quoted:
            stop(at: quoteLine, quoteColumn, "unclosed quote")
            return
        case .cellStart where offset == rowStart && cellCount == 0:
            break  // the file ends with a line end (or is empty): no last row
        default:
            if state == .cellStart {
                beginCell(at: 0)  // the row's last cell is empty and ends here
            }
            endRow(endColumn: column(at: 0), header: header, row: row)
        }
        guard !isStopped else { return }
        if !headerSeen {
            // Nothing, or only blank lines.
            add(SeriesIssue(line: 0, column: 0, message: "file is empty"))
        }
        // Blank lines at the end are ignored: a pending one is dropped here.
    }

    /// An issue from outside (a read error) that ends reading.
    mutating func fail(_ issue: SeriesIssue) {
        guard !isStopped else { return }
        issues.append(issue)
        isStopped = true
    }

    mutating func runPrelude(header: (SeriesHeader) -> Void, row: (Int64, UnsafeBufferPointer<Double>) -> Void) {
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
            stop(at: 1, 1, "file is UTF-16, not UTF-8 (save it as UTF-8)")
            return
        }
        bytes.withUnsafeBufferPointer { feed($0, header: header, row: row) }
    }

    static let loneCarriageReturn = "carriage return without a line feed (lines must end with LF or CRLF)"

    /// One buffer through the state machine. Bytes that matter (comma, quote, CR, LF, any
    /// non-ASCII byte) go through the checks one at a time; runs of plain ASCII in a cell are
    /// skipped in a tight loop and copied to the row buffer in one piece.
    mutating func feed(
        _ buffer: UnsafeBufferPointer<UInt8>,
        header: (SeriesHeader) -> Void, row: (Int64, UnsafeBufferPointer<Double>) -> Void
    ) {
        let count = buffer.count
        var index = 0
        runStart = 0
        while index < count {
            if isStopped { return }
            if atFastRowStart(index), let next = fastRow(buffer, from: index, row: row) {
                index = next
                continue
            }
            let byte = buffer[index]
            var endsCRLF = false
            if pendingCR {
                pendingCR = false
                guard byte == Self.lineFeed else {
                    stop(at: crLine, crColumn, Self.loneCarriageReturn)
                    return
                }
                endsCRLF = true
            }
            if byte >= 0x80 || utf8Pending > 0 {
                guard validateUTF8(byte, at: index) else { return }
            }
            if offset + index - lineStart >= limits.maxLineBytes
                && byte != Self.lineFeed && byte != Self.carriageReturn {
                stop(at: line, 1, "line is longer than \(Self.size(limits.maxLineBytes))")
                return
            }

            switch state {
            case .cellStart:
                switch byte {
                case Self.space, Self.tab:
                    break
                case Self.quote:
                    beginCell(at: index)
                    cell.quoted = true
                    quoteLine = cell.line
                    quoteColumn = cell.column
                    state = .quoted
                    runStart = index + 1
                case Self.comma:
                    beginCell(at: index)
                    finishCell()
                case Self.lineFeed where cellCount == 0:
                    // A blank line, as `interpretRow` would see it, without the row work:
                    // a file of nothing but line ends reads at memory speed.
                    if pendingBlankLine == 0 { pendingBlankLine = rowLine }
                    startLine(after: index)
                    rowLine = line
                    rowStart = lineStart
                case Self.lineFeed:
                    beginCell(at: index)
                    if endsCRLF { cell.column = crColumn }
                    endLine(at: index, afterCR: endsCRLF, header: header, row: row)
                case Self.carriageReturn:
                    noteCarriageReturn(at: index)
                default:
                    beginCell(at: index)
                    state = .unquoted
                    runStart = index
                }
                index += 1

            case .unquoted:
                switch byte {
                case Self.comma:
                    appendRun(buffer, upTo: index)
                    finishCell()
                    state = .cellStart
                    index += 1
                case Self.lineFeed:
                    appendRun(buffer, upTo: index)
                    endLine(at: index, afterCR: endsCRLF, header: header, row: row)
                    index += 1
                case Self.carriageReturn:
                    appendRun(buffer, upTo: index)
                    runStart = index + 1
                    noteCarriageReturn(at: index)
                    index += 1
                default:
                    index += 1
                    if utf8Pending == 0 {
                        let end = min(count, lineStart + limits.maxLineBytes - offset)
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
                    if offset + index - rowStart > limits.maxRowBytes {
                        stop(at: rowLine, 1, "row is longer than \(Self.size(limits.maxRowBytes)) "
                                + "(is the quote at line \(quoteLine), column \(quoteColumn) closed?)")
                        return
                    }
                default:
                    index += 1
                    if utf8Pending == 0 {
                        let end = min(count, lineStart + limits.maxLineBytes - offset)
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
                    finishCell()
                    state = .cellStart
                case Self.lineFeed:
                    endLine(at: index, afterCR: endsCRLF, header: header, row: row)
                case Self.carriageReturn:
                    noteCarriageReturn(at: index)
                    state = .afterQuote
                case Self.space, Self.tab:
                    state = .afterQuote
                default:
                    noteJunk(at: index)
                    state = .afterQuote
                }
                index += 1

            case .afterQuote:
                switch byte {
                case Self.comma:
                    finishCell()
                    state = .cellStart
                case Self.lineFeed:
                    endLine(at: index, afterCR: endsCRLF, header: header, row: row)
                case Self.carriageReturn:
                    noteCarriageReturn(at: index)
                case Self.space, Self.tab:
                    break
                default:
                    noteJunk(at: index)
                }
                index += 1
            }
        }
        if !isStopped && (state == .unquoted || state == .quoted) {
            appendRun(buffer, upTo: count)
        }
        offset += count
    }

    /// Checks one byte of a UTF-8 sequence (RFC 3629: no overlong forms, no surrogates,
    /// nothing above U+10FFFF); a sequence may be split across buffers.
    mutating func validateUTF8(_ byte: UInt8, at index: Int) -> Bool {
        if utf8Pending > 0 {
            guard byte >= utf8Low && byte <= utf8High else {
                stop(at: utf8Line, utf8Column, "file is not valid UTF-8")
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
            stop(at: line, column(at: index), "file is not valid UTF-8")
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

    mutating func noteJunk(at index: Int) {
        if cell.junkLine == 0 {
            cell.junkLine = line
            cell.junkColumn = column(at: index)
        }
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

    mutating func finishCell() {
        cell.end = rowBytes.count
        if cellCount < cellsKept {
            cells.append(cell)
        }
        cellCount += 1
        cell = Cell()
    }

    /// Ends the row and the line at the line feed `buffer[index]`.
    mutating func endLine(
        at index: Int, afterCR: Bool,
        header: (SeriesHeader) -> Void, row: (Int64, UnsafeBufferPointer<Double>) -> Void
    ) {
        endRow(endColumn: afterCR ? crColumn : column(at: index), header: header, row: row)
        startLine(after: index)
        rowLine = line
        rowStart = lineStart
    }

    /// Ends the current row at a line end (or the end of the file), whose column is `endColumn`.
    mutating func endRow(
        endColumn: Int, header: (SeriesHeader) -> Void, row: (Int64, UnsafeBufferPointer<Double>) -> Void
    ) {
        finishCell()
        interpretRow(endColumn: endColumn, header: header, row: row)
        rowBytes.removeAll(keepingCapacity: true)
        cells.removeAll(keepingCapacity: true)
        cellCount = 0
        state = .cellStart
    }

    // MARK: Issues

    mutating func add(_ issue: SeriesIssue) {
        guard !isStopped else { return }
        issues.append(issue)
        if issues.count >= maxIssues { isStopped = true }
    }

    mutating func add(at line: Int, _ column: Int, _ message: String) {
        add(SeriesIssue(line: line, column: column, message: message))
    }

    /// An issue after which nothing more can be read. A blank line seen before it was not at
    /// the end of the file after all, so it is reported first.
    mutating func stop(at line: Int, _ column: Int, _ message: String) {
        reportPendingBlankLine()
        add(at: line, column, message)
        isStopped = true
    }

    mutating func reportPendingBlankLine() {
        if pendingBlankLine > 0 {
            add(at: pendingBlankLine, 1, "blank line (blank lines are allowed only at the end of the file)")
            pendingBlankLine = 0
        }
    }

    static func size(_ bytes: Int) -> String {
        bytes % (1 << 20) == 0 ? "\(bytes >> 20) MiB" : "\(bytes) bytes"
    }
}
