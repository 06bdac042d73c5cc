#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A problem in a series file.
///
/// `line` is 1-based. `column` is 1-based and counts **characters** (Unicode scalars) from
/// the start of the physical line, so a cell after "é," is one column further on, not two;
/// a UTF-8 BOM is not counted. Problems that belong to the file as a whole rather than to a
/// place in it (it cannot be read, it is a directory, it is empty) are at line 0, column 0,
/// which `Diagnostics.SourceLocation` prints as the bare file name.
///
/// `message` is complete and reads well after `file:line:col: error: `, e.g.
/// `bad value in column "probes_up": "12a" (expected a number, or empty, NA, null or NaN for a missing value)`.
public struct SeriesIssue: Error, Sendable, Hashable, CustomStringConvertible {
    public let line: Int
    public let column: Int
    public let message: String

    public init(line: Int, column: Int, message: String) {
        self.line = line
        self.column = column
        self.message = message
    }

    /// `line:column: message`, for logs and test failures.
    public var description: String { "\(line):\(column): \(message)" }
}

/// The first row of a series file.
public struct SeriesHeader: Sendable, Hashable {
    /// The first header cell, trimmed of surrounding spaces and tabs.
    public let timeColumn: String
    /// The other header cells, in file order, trimmed of surrounding spaces and tabs;
    /// never empty, no name empty, no two names equal.
    public let signals: [String]

    public init(timeColumn: String, signals: [String]) {
        self.timeColumn = timeColumn
        self.signals = signals
    }
}

/// Streams a connectivity time series (SPEC §4) without keeping it in memory.
///
/// The format: UTF-8 (a BOM is skipped; a UTF-16 file is named as such), comma-separated,
/// RFC 4180 quoting (quoted cells, `""` for a quote inside one, newlines inside quotes),
/// LF or CRLF line ends (a lone CR is an error), a trailing newline or not. Blank lines
/// (empty or only spaces and tabs) at the end of the file are ignored; anywhere else each
/// run of them is one issue. Spaces and tabs around a cell, quoted or not, are ignored.
///
/// - The first row is the header: a time column and at least one signal, names non-empty
///   and distinct. At most 10,000 columns.
/// - First column of every other row: ISO 8601 with a zone (the rules of `Timestamp.parse`,
///   a bare date meaning 00:00 UTC) or Unix seconds (`[+-]digits[.digits]`). A fractional
///   part is dropped as it is for ISO times: the row's time is the whole second the instant
///   falls in, so `12.9` is 12 and `-1.5` is -2 (the same instant as
///   `1969-12-31T23:59:58.5Z`); a leap second `23:59:60` counts as `23:59:59`. Times must lie
///   in the years 0000–9999 and be strictly ascending; an out-of-order or repeated time names
///   the line of the row before it, and two rows that fall in one second only because of a
///   dropped fraction or a leap second are named as such.
/// - Other cells: numbers (`12`, `-3.5`, `1e3`, `+4`, `.5`, `5.`), parsed from the bytes
///   without allocating: correctly rounded whenever the significand has at most 19 digits
///   and fits 2^53 with a power of ten up to 22 (every integer up to 2^53, every everyday
///   decimal such as `0.1`), otherwise by the standard library's correctly rounded,
///   locale-independent conversion. Missing: empty, `NA`, `null`, `NaN` (any case) → NaN.
///   `inf`, `Infinity`, hexadecimal, and numbers too large for a Double are errors.
///
/// ## Callbacks and issues
/// `header` is called once, before any row, if the header has no issue. `row` is called for
/// every data row, in file order, as long as no issue has been found so far: after the first
/// issue the reader only goes on looking for more, and calls nothing (so what a caller has
/// gathered is always a clean prefix of the file). The buffer passed to `row` holds one value
/// per signal, NaN for a missing value, and is valid only during the call.
///
/// Reading stops at `maxIssues` issues (values below 1 count as 1). No "more problems"
/// entry is added: when the result has exactly `maxIssues` issues there may be more, and the
/// caller can say so. It also stops at the first structural issue, after which nothing is
/// readable: not UTF-8, an unclosed quote, a lone CR, a line or row longer than 16 MiB, a
/// header without signals or with too many columns. The result lists the issues in file
/// order; empty means success.
///
/// ## Why hand-written
/// The CSV packages on this machine do not fit files with tens of millions of rows. SwiftCSV
/// 0.10.0 reads the whole file into one String and gives each row as a `[String]`: on a
/// 1,000,000-row, 3-signal file (33 MB), `CSV<Enumerated>(url:)` plus `enumerateAsArray` took
/// 6.8 s and 427 MB of peak memory in a release build; this reader took 0.31 s, and the
/// program's peak memory stayed what it is for a two-line file (19 MB). yaslab/CSV.swift 2.5.2
/// streams, but builds a String per cell and a `[String]` per row (its source, not measured).
/// Neither reports the line and column of a bad cell. This reader streams fixed-size chunks
/// through a byte-level state machine, allocates nothing per row or per number (an ISO time
/// costs one short String: see `SeriesTime.parse`), and keeps memory bounded by the chunk
/// size plus one row (at most 16 MiB) whatever the input.
public struct SeriesReader {
    /// Reads the file at `path` in 1 MiB chunks; memory does not grow with the number of
    /// rows. A file that cannot be opened or read, a directory or anything but a regular
    /// file is one issue at line 0, column 0.
    public static func read(
        path: String, maxIssues: Int = 20,
        header: (SeriesHeader) -> Void,
        row: (Int64, UnsafeBufferPointer<Double>) -> Void
    ) -> [SeriesIssue] {
        read(path: path, maxIssues: maxIssues, limits: SeriesLimits(), header: header, row: row)
    }

    /// The same over bytes in memory (for tests and small files).
    public static func read(
        bytes: [UInt8], maxIssues: Int = 20,
        header: (SeriesHeader) -> Void,
        row: (Int64, UnsafeBufferPointer<Double>) -> Void
    ) -> [SeriesIssue] {
        read(bytes: bytes, maxIssues: maxIssues, limits: SeriesLimits(), header: header, row: row)
    }

    /// `read(bytes:)` fed in chunks of `limits.chunkSize` bytes, as the file reader does, so
    /// tests can put chunk boundaries anywhere.
    static func read(
        bytes: [UInt8], maxIssues: Int, limits: SeriesLimits,
        header: (SeriesHeader) -> Void,
        row: (Int64, UnsafeBufferPointer<Double>) -> Void
    ) -> [SeriesIssue] {
        var parser = SeriesParser(maxIssues: maxIssues, limits: limits)
        let chunkSize = max(1, limits.chunkSize)
        bytes.withUnsafeBufferPointer { all in
            var start = 0
            while start < all.count && !parser.isStopped {
                let end = min(all.count, start + chunkSize)
                parser.consume(UnsafeBufferPointer(rebasing: all[start..<end]), header: header, row: row)
                start = end
            }
        }
        parser.finish(header: header, row: row)
        return parser.issues
    }

    static func read(
        path: String, maxIssues: Int, limits: SeriesLimits,
        header: (SeriesHeader) -> Void,
        row: (Int64, UnsafeBufferPointer<Double>) -> Void
    ) -> [SeriesIssue] {
        func fileIssue(_ message: String) -> [SeriesIssue] {
            [SeriesIssue(line: 0, column: 0, message: message)]
        }
        // stat before open: opening a FIFO for reading would block until a writer appears.
        var info = stat()
        guard stat(path, &info) == 0 else {
            return fileIssue("cannot read the file: \(systemError(errno))")
        }
        let kind = info.st_mode & S_IFMT
        if kind == S_IFDIR { return fileIssue("cannot read the file: it is a directory") }
        guard kind == S_IFREG else { return fileIssue("cannot read the file: it is not a regular file") }

        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            return fileIssue("cannot read the file: \(systemError(errno))")
        }
        defer { close(descriptor) }

        var parser = SeriesParser(maxIssues: maxIssues, limits: limits)
        let chunkSize = max(1, limits.chunkSize)
        let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: chunkSize)
        defer { buffer.deallocate() }
        while !parser.isStopped {
            let count = readBytes(descriptor, buffer.baseAddress, chunkSize)
            if count < 0 {
                let code = errno
                if code == EINTR { continue }
                parser.fail(SeriesIssue(line: 0, column: 0, message: "cannot read the file: \(systemError(code))"))
                break
            }
            if count == 0 {
                parser.finish(header: header, row: row)
                break
            }
            parser.consume(UnsafeBufferPointer(rebasing: buffer[0..<count]), header: header, row: row)
        }
        return parser.issues
    }

    private static func readBytes(_ descriptor: Int32, _ into: UnsafeMutablePointer<UInt8>?, _ count: Int) -> Int {
        #if canImport(Glibc)
        Glibc.read(descriptor, into, count)
        #else
        Darwin.read(descriptor, into, count)
        #endif
    }

    private static func systemError(_ code: Int32) -> String {
        guard let text = strerror(code) else { return "error \(code)" }
        return String(cString: text)
    }
}

/// The reader's bounds, internal so that tests can shrink them.
struct SeriesLimits: Sendable {
    /// Bytes read at a time.
    var chunkSize = 1 << 20
    /// Longest physical line, in bytes without its line end.
    var maxLineBytes = 16 << 20
    /// Longest row (several physical lines when a quoted cell holds newlines).
    var maxRowBytes = 16 << 20
    /// Most columns a header may have.
    var maxColumns = 10_000
    /// Whether common rows take the fast path (`SeriesParser.fastRow`); off, every row goes
    /// through the state machine, which tests use as the reference.
    var fastRows = true
}
