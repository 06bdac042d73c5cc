/// The series reader's parser: the shared `CSVTokenizer` splits the bytes into rows, and
/// `SeriesRows` gives them their meaning (header, times, numbers, order) and gathers the
/// issues. It is fed the file in chunks of any size and gives the same callbacks and issues
/// whatever the chunking.
struct SeriesParser {
    var tokenizer: CSVTokenizer
    var rows: SeriesRows

    var issues: [SeriesIssue] { rows.issues }
    var isStopped: Bool { tokenizer.isStopped || rows.isStopped }

    init(maxIssues: Int, limits: SeriesLimits) {
        var options = CSVOptions.series
        options.maxLineBytes = limits.maxLineBytes
        options.maxRowBytes = limits.maxRowBytes
        tokenizer = CSVTokenizer(options: options)
        rows = SeriesRows(maxIssues: maxIssues, limits: limits)
    }

    mutating func consume(
        _ chunk: UnsafeBufferPointer<UInt8>,
        header: (SeriesHeader) -> Void, row: (Int64, UnsafeBufferPointer<Double>) -> Void
    ) {
        withCallbacks(header: header, row: row) { tokenizer, rows in
            tokenizer.consume(chunk, sink: &rows)
        }
    }

    /// The end of the input: the last row, then the file-level checks.
    mutating func finish(header: (SeriesHeader) -> Void, row: (Int64, UnsafeBufferPointer<Double>) -> Void) {
        withCallbacks(header: header, row: row) { tokenizer, rows in
            tokenizer.finish(sink: &rows)
            guard !tokenizer.isStopped && !rows.isStopped else { return }
            if !rows.headerSeen {
                // Nothing, or only blank lines.
                rows.add(SeriesIssue(line: 0, column: 0, message: "file is empty"))
            }
            // Blank lines at the end are ignored: a pending one is dropped here.
        }
    }

    /// An issue from outside (a read error) that ends reading.
    mutating func fail(_ issue: SeriesIssue) {
        guard !isStopped else { return }
        rows.issues.append(issue)
        rows.isStopped = true
        tokenizer.halt()
    }

    /// Runs `body` with the callbacks stored in `rows` for its duration (they do not escape it).
    private mutating func withCallbacks(
        header: (SeriesHeader) -> Void, row: (Int64, UnsafeBufferPointer<Double>) -> Void,
        _ body: (inout CSVTokenizer, inout SeriesRows) -> Void
    ) {
        withoutActuallyEscaping(header) { header in
            withoutActuallyEscaping(row) { row in
                rows.onHeader = header
                rows.onRow = row
                body(&tokenizer, &rows)
                rows.onHeader = nil
                rows.onRow = nil
            }
        }
    }
}

/// The meaning of a series' rows, fed by the tokenizer: the header, then data rows.
struct SeriesRows: CSVTokenSink {
    let limits: SeriesLimits
    let maxIssues: Int
    var issues: [SeriesIssue] = []
    var isStopped = false
    var onHeader: ((SeriesHeader) -> Void)?
    var onRow: ((Int64, UnsafeBufferPointer<Double>) -> Void)?

    /// Cells beyond this many are counted, not kept.
    var cellLimit: Int
    var headerSeen = false
    var headerDelivered = false
    var signalNames: [String] = []
    var values: [Double] = []
    var lastTime: Int64 = 0
    var lastTimeLine = 0
    /// What the last time lost to whole seconds (see `SeriesTime.loss`).
    var lastTimeLoss: SeriesTime.Loss?
    var pendingBlankLine = 0
    /// The date of the last common ISO time (see `SeriesTime.commonISO`).
    var dateCache = SeriesTime.DateCache()

    init(maxIssues: Int, limits: SeriesLimits) {
        self.maxIssues = max(1, maxIssues)
        self.limits = limits
        self.cellLimit = limits.maxColumns + 1
    }

    mutating func blankLine(_ line: Int) {
        if pendingBlankLine == 0 { pendingBlankLine = line }
    }

    mutating func structuralIssue(line: Int, column: Int, message: String) {
        stop(at: line, column, message)
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
}
