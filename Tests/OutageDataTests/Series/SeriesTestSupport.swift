import Testing
@testable import OutageData

/// Everything a read reports, in a form `#expect` can compare: missing values (NaN) are nil.
struct SeriesOutcome: Equatable, CustomStringConvertible {
    struct Row: Equatable, CustomStringConvertible {
        var time: Int64
        var values: [Double?]
        var description: String { "\(time): \(values.map { $0.map { "\($0)" } ?? "–" })" }
    }

    var headers: [SeriesHeader] = []
    var rows: [Row] = []
    var issues: [SeriesIssue] = []

    var description: String { "headers: \(headers)\nrows: \(rows)\nissues: \(issues)" }
}

/// Chunk sizes every read in these tests is run with: the answers must not depend on where
/// the chunk boundaries fall (inside a BOM, a UTF-8 sequence, a CRLF, a `""`, a number).
let seriesChunkSizes = [1, 2, 3, 7, 64, 1 << 20]

/// Reads `bytes` once per chunk size, expects the same outcome from each, and returns it.
func readSeries(
    _ bytes: [UInt8], maxIssues: Int = 20, limits: SeriesLimits = SeriesLimits(),
    sourceLocation: SourceLocation = #_sourceLocation
) -> SeriesOutcome {
    var first: SeriesOutcome?
    for chunkSize in seriesChunkSizes {
        var limits = limits
        limits.chunkSize = chunkSize
        let outcome = readSeriesOnce(bytes, maxIssues: maxIssues, limits: limits)
        if let first {
            #expect(outcome == first, "chunk size \(chunkSize) differs", sourceLocation: sourceLocation)
        } else {
            first = outcome
        }
    }
    // The state machine alone (no fast path for common rows) gives the same outcome.
    var slowLimits = limits
    slowLimits.chunkSize = 1 << 20
    slowLimits.fastRows = false
    #expect(readSeriesOnce(bytes, maxIssues: maxIssues, limits: slowLimits) == first,
            "the state machine alone differs", sourceLocation: sourceLocation)
    // The public entry point agrees with the internal one.
    var viaPublic = SeriesOutcome()
    viaPublic.issues = SeriesReader.read(
        bytes: bytes, maxIssues: maxIssues,
        header: { viaPublic.headers.append($0) },
        row: { time, values in viaPublic.rows.append(.init(time: time, values: values.map { $0.isNaN ? nil : $0 })) })
    if limits.maxLineBytes == SeriesLimits().maxLineBytes && limits.maxColumns == SeriesLimits().maxColumns
        && limits.maxRowBytes == SeriesLimits().maxRowBytes {
        #expect(viaPublic == first, "public read differs", sourceLocation: sourceLocation)
    }
    return first ?? SeriesOutcome()
}

func readSeries(
    _ text: String, maxIssues: Int = 20, limits: SeriesLimits = SeriesLimits(),
    sourceLocation: SourceLocation = #_sourceLocation
) -> SeriesOutcome {
    readSeries(Array(text.utf8), maxIssues: maxIssues, limits: limits, sourceLocation: sourceLocation)
}

func readSeriesOnce(_ bytes: [UInt8], maxIssues: Int = 20, limits: SeriesLimits) -> SeriesOutcome {
    var outcome = SeriesOutcome()
    outcome.issues = SeriesReader.read(
        bytes: bytes, maxIssues: maxIssues, limits: limits,
        header: { outcome.headers.append($0) },
        row: { time, values in
            outcome.rows.append(.init(time: time, values: values.map { $0.isNaN ? nil : $0 }))
        })
    return outcome
}

/// The single issue of a read that should have exactly one.
func issue(_ line: Int, _ column: Int, _ message: String) -> SeriesIssue {
    SeriesIssue(line: line, column: column, message: message)
}

/// 2014-12-22T00:00:00Z.
let dec22: Int64 = 1_419_206_400
