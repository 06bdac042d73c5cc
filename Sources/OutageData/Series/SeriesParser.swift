/// The state machine behind `SeriesReader`. It is fed the file in chunks of any size (down to
/// one byte: a BOM, a UTF-8 sequence, a CRLF or a `""` may be split anywhere) and gives the same
/// callbacks and issues whatever the chunking. Per byte it validates UTF-8, tracks line and
/// column, and splits cells; a row's unescaped cell contents are gathered in one reusable byte
/// buffer and interpreted when the row ends, so memory is the chunk plus one row, which the
/// line and row limits bound.
struct SeriesParser {
    private enum State {
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
    private struct Cell {
        var start = 0
        var end = 0
        var line = 0
        var column = 0
        var quoted = false
        /// Where text follows the closing quote (0 when nothing does).
        var junkLine = 0
        var junkColumn = 0
    }

    private static let lineFeed = UInt8(ascii: "\n")
    private static let carriageReturn = UInt8(ascii: "\r")
    private static let comma = UInt8(ascii: ",")
    private static let quote = UInt8(ascii: "\"")
    private static let space = UInt8(ascii: " ")
    private static let tab = UInt8(ascii: "\t")

    let limits: SeriesLimits
    let maxIssues: Int
    private(set) var issues: [SeriesIssue] = []
    private(set) var isStopped = false

    // Where we are: `offset` is the file offset of the first byte of the buffer being fed.
    private var offset = 0
    private var line = 1
    /// File offset of the current line's first byte.
    private var lineStart = 0
    /// UTF-8 continuation bytes in the current line so far (columns count characters).
    private var lineContinuations = 0

    // Encoding.
    private var prelude: [UInt8] = []
    private var preludeDone = false
    private var utf8Pending = 0
    private var utf8Low: UInt8 = 0x80
    private var utf8High: UInt8 = 0xBF
    private var utf8Line = 0
    private var utf8Column = 0
    private var pendingCR = false
    private var crLine = 0
    private var crColumn = 0

    // The row being split.
    private var state = State.cellStart
    private var rowBytes: [UInt8] = []
    private var cells: [Cell] = []
    /// Cells beyond this many are counted, not kept: a hostile row of commas stays cheap.
    private var cellsKept: Int
    private var cellCount = 0
    private var cell = Cell()
    /// Index in the current buffer where the content run of an unquoted or quoted cell began.
    private var runStart = 0
    private var rowLine = 1
    private var rowStart = 0
    private var quoteLine = 0
    private var quoteColumn = 0

    // Meaning.
    private var headerSeen = false
    private var headerDelivered = false
    private var signalNames: [String] = []
    private var values: [Double] = []
    private var lastTime: Int64 = 0
    private var lastTimeLine = 0
    private var pendingBlankLine = 0

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

    private mutating func runPrelude(header: (SeriesHeader) -> Void, row: (Int64, UnsafeBufferPointer<Double>) -> Void) {
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

    private static let loneCarriageReturn = "carriage return without a line feed (lines must end with LF or CRLF)"

    /// One buffer through the state machine. Bytes that matter (comma, quote, CR, LF, any
    /// non-ASCII byte) go through the checks one at a time; runs of plain ASCII in a cell are
    /// skipped in a tight loop and copied to the row buffer in one piece.
    private mutating func feed(
        _ buffer: UnsafeBufferPointer<UInt8>,
        header: (SeriesHeader) -> Void, row: (Int64, UnsafeBufferPointer<Double>) -> Void
    ) {
        let count = buffer.count
        var index = 0
        runStart = 0
        while index < count {
            if isStopped { return }
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
    private mutating func validateUTF8(_ byte: UInt8, at index: Int) -> Bool {
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
    private func column(at index: Int) -> Int {
        offset + index - lineStart - lineContinuations + 1
    }

    private mutating func startLine(after index: Int) {
        line += 1
        lineStart = offset + index + 1
        lineContinuations = 0
    }

    private mutating func noteCarriageReturn(at index: Int) {
        pendingCR = true
        crLine = line
        crColumn = column(at: index)
    }

    private mutating func noteJunk(at index: Int) {
        if cell.junkLine == 0 {
            cell.junkLine = line
            cell.junkColumn = column(at: index)
        }
    }

    private mutating func beginCell(at index: Int) {
        cell.start = rowBytes.count
        cell.line = line
        cell.column = column(at: index)
    }

    private mutating func appendRun(_ buffer: UnsafeBufferPointer<UInt8>, upTo index: Int) {
        if index > runStart {
            rowBytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[runStart..<index]))
        }
        runStart = index
    }

    private mutating func finishCell() {
        cell.end = rowBytes.count
        if cellCount < cellsKept {
            cells.append(cell)
        }
        cellCount += 1
        cell = Cell()
    }

    /// Ends the row and the line at the line feed `buffer[index]`.
    private mutating func endLine(
        at index: Int, afterCR: Bool,
        header: (SeriesHeader) -> Void, row: (Int64, UnsafeBufferPointer<Double>) -> Void
    ) {
        endRow(endColumn: afterCR ? crColumn : column(at: index), header: header, row: row)
        startLine(after: index)
        rowLine = line
        rowStart = lineStart
    }

    /// Ends the current row at a line end (or the end of the file), whose column is `endColumn`.
    private mutating func endRow(
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

    private mutating func add(_ issue: SeriesIssue) {
        guard !isStopped else { return }
        issues.append(issue)
        if issues.count >= maxIssues { isStopped = true }
    }

    private mutating func add(at line: Int, _ column: Int, _ message: String) {
        add(SeriesIssue(line: line, column: column, message: message))
    }

    /// An issue after which nothing more can be read. A blank line seen before it was not at
    /// the end of the file after all, so it is reported first.
    private mutating func stop(at line: Int, _ column: Int, _ message: String) {
        reportPendingBlankLine()
        add(at: line, column, message)
        isStopped = true
    }

    private mutating func reportPendingBlankLine() {
        if pendingBlankLine > 0 {
            add(at: pendingBlankLine, 1, "blank line (blank lines are allowed only at the end of the file)")
            pendingBlankLine = 0
        }
    }

    static func size(_ bytes: Int) -> String {
        bytes % (1 << 20) == 0 ? "\(bytes >> 20) MiB" : "\(bytes) bytes"
    }

    // MARK: Rows

    private mutating func interpretRow(
        endColumn: Int, header: (SeriesHeader) -> Void, row: (Int64, UnsafeBufferPointer<Double>) -> Void
    ) {
        // Locals, so that reading them does not overlap with changes to `self`; no copy is made.
        let bytes = rowBytes
        let rowCells = cells
        bytes.withUnsafeBufferPointer { content in
            func slice(_ cell: Cell) -> UnsafeBufferPointer<UInt8> {
                SeriesCells.trimmed(UnsafeBufferPointer(rebasing: content[cell.start..<cell.end]))
            }
            if cellCount == 1, let only = rowCells.first, !only.quoted, only.junkLine == 0, slice(only).isEmpty {
                if pendingBlankLine == 0 { pendingBlankLine = rowLine }
                return
            }
            reportPendingBlankLine()
            if headerSeen {
                interpretData(rowCells, slice: slice, endColumn: endColumn, row: row)
            } else {
                interpretHeader(rowCells, slice: slice, header: header)
            }
        }
    }

    private mutating func interpretHeader(
        _ rowCells: [Cell], slice: (Cell) -> UnsafeBufferPointer<UInt8>, header: (SeriesHeader) -> Void
    ) {
        headerSeen = true
        guard cellCount <= limits.maxColumns else {
            stop(at: rowLine, 1, "the header has \(cellCount) columns, more than the \(limits.maxColumns) allowed")
            return
        }
        guard cellCount >= 2 else {
            stop(at: rowLine, 1, "the header needs a time column and at least one signal")
            return
        }
        var names: [String] = []
        names.reserveCapacity(rowCells.count)
        var firstColumn: [String: Int] = [:]
        var valid = true
        for (index, cell) in rowCells.enumerated() {
            if cell.junkLine > 0 {
                add(at: cell.junkLine, cell.junkColumn, Self.junkMessage)
                valid = false
            }
            let name = SeriesCells.text(slice(cell))
            names.append(name)
            if name.isEmpty {
                add(at: cell.line, cell.column, "empty column name")
                valid = false
            } else if let first = firstColumn[name] {
                add(at: cell.line, cell.column, "duplicate column name \(quoted(name)) (also column \(first))")
                valid = false
            } else {
                firstColumn[name] = index + 1
            }
        }
        cellsKept = rowCells.count + 1
        values = Array(repeating: .nan, count: rowCells.count - 1)
        signalNames = Array(names.dropFirst())
        if valid && issues.isEmpty {
            headerDelivered = true
            header(SeriesHeader(timeColumn: names[0], signals: signalNames))
        }
    }

    private static let junkMessage = "text after the closing quote of a cell (write \"\" for a quote inside a quoted cell)"

    private mutating func interpretData(
        _ rowCells: [Cell], slice: (Cell) -> UnsafeBufferPointer<UInt8>, endColumn: Int,
        row: (Int64, UnsafeBufferPointer<Double>) -> Void
    ) {
        let expected = values.count + 1

        // The time, and its order, even when the row has the wrong number of cells.
        var time: Int64?
        if let timeCell = rowCells.first {
            if timeCell.junkLine > 0 {
                add(at: timeCell.junkLine, timeCell.junkColumn, Self.junkMessage)
            } else {
                let text = slice(timeCell)
                switch SeriesTime.parse(text) {
                case .time(let seconds):
                    time = seconds
                case let failure:
                    add(at: timeCell.line, timeCell.column, Self.timeMessage(failure, SeriesCells.text(text)))
                }
            }
            if let time {
                if lastTimeLine > 0 && time <= lastTime {
                    let this = Timestamp(seconds: time).rfc3339
                    let message = time == lastTime
                        ? "time \(this) repeats line \(lastTimeLine)"
                        : "time \(this) is not after line \(lastTimeLine) (\(Timestamp(seconds: lastTime).rfc3339)): "
                            + "rows must be in ascending time order"
                    add(at: timeCell.line, timeCell.column, message)
                }
                lastTime = time
                lastTimeLine = timeCell.line
            }
        }

        guard cellCount == expected else {
            let message = "row has \(cellCount) \(cellCount == 1 ? "cell" : "cells"), the header has \(expected)"
            if cellCount > expected, rowCells.count > expected {
                add(at: rowCells[expected].line, rowCells[expected].column, message)
            } else {
                add(at: line, endColumn, message)
            }
            return
        }

        for signal in 0..<values.count {
            let cell = rowCells[signal + 1]
            if cell.junkLine > 0 {
                add(at: cell.junkLine, cell.junkColumn, Self.junkMessage)
                continue
            }
            let text = slice(cell)
            switch SeriesNumber.parse(text) {
            case .number(let value):
                values[signal] = value
            case .missing:
                values[signal] = .nan
            case .invalid:
                add(at: cell.line, cell.column,
                    "bad value in column \(quoted(signalNames[signal])): \(quoted(SeriesCells.text(text))) "
                        + "(expected a number, or empty, NA, null or NaN for a missing value)")
            case .tooLarge:
                add(at: cell.line, cell.column,
                    "bad value in column \(quoted(signalNames[signal])): \(quoted(SeriesCells.text(text))) "
                        + "(too large for a number)")
            }
        }

        if let time, headerDelivered, issues.isEmpty {
            values.withUnsafeBufferPointer { row(time, $0) }
        }
    }

    private static func timeMessage(_ failure: SeriesTime.Outcome, _ text: String) -> String {
        switch failure {
        case .empty:
            return "missing time (expected ISO 8601 with a zone or Unix seconds)"
        case .missingZone:
            // Only well-formed ASCII is reported as missing its zone, so it can be echoed as is.
            return "time has no time zone: \(quoted(text)) (write \(text)Z for UTC)"
        case .outOfRange(let milliseconds):
            return "time is out of range: \(quoted(text)) (Unix seconds must fall in the years 0000 to 9999"
                + (milliseconds ? "; are these milliseconds?)" : ")")
        case .invalid, .time:
            if let (what, reason) = Timestamp.impossibility(text) {
                return "time is not a real \(what): \(quoted(text)) (\(reason))"
            }
            return "\(quoted(text)) is not a time (expected ISO 8601 with a zone or Unix seconds)"
        }
    }
}
