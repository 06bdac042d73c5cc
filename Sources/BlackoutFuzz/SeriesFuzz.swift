#if BLACKOUT_FUZZ
import Charts
@testable import OutageData
@testable import SiteLoad

/// A series CSV through SeriesReader, the streaming parser the build uses, fed in the file
/// reader's 1 MiB chunks and again in 7-byte chunks: chunk boundaries must not change what is
/// read. The rows go to the chart reducer and the outage analysis as SeriesLoader does. A
/// third pass with tiny limits reaches the line, row and column bounds.
enum SeriesFuzz {
    struct Outcome: Equatable {
        var header: SeriesHeader?
        var rows: [Int64] = []
        /// Values by bit pattern, so that NaN (a missing value) compares equal to itself.
        var values: [UInt64] = []
        var issues: [SeriesIssue] = []
    }

    static func read(_ bytes: [UInt8], limits: SeriesLimits, maxIssues: Int) -> Outcome {
        var outcome = Outcome()
        var reducers: [ExtremaReducer] = []
        var analyses: [SignalAnalysis] = []
        outcome.issues = SeriesReader.read(bytes: bytes, maxIssues: maxIssues, limits: limits, header: { header in
            check(outcome.header == nil, "header reported twice")
            check(!header.signals.isEmpty, "a header without signals was accepted")
            outcome.header = header
            reducers = header.signals.map { _ in ExtremaReducer(maxPoints: ExtremaReducer.minimumMaxPoints) }
            analyses = header.signals.map { _ in SignalAnalysis(start: 1_419_264_000, end: 1_419_300_000) }
        }, row: { time, values in
            check(outcome.header != nil, "a row before the header")
            check(values.count == outcome.header?.signals.count, "row width \(values.count) differs from the header")
            if let last = outcome.rows.last { check(time > last, "times not strictly ascending: \(last) then \(time)") }
            check(time >= SeriesTime.earliest && time <= SeriesTime.latest, "time out of range: \(time)")
            outcome.rows.append(time)
            for (i, value) in values.enumerated() {
                check(value.isNaN || value.isFinite, "an infinite value was accepted")
                outcome.values.append(value.bitPattern)
                if i < reducers.count {
                    reducers[i].add(time: time, value: value)
                    analyses[i].add(time: time, value: value)
                }
            }
        })
        for i in reducers.indices {
            _ = reducers[i].points
            _ = analyses[i].figures()
        }
        if !outcome.issues.isEmpty {
            check(outcome.issues.count <= max(1, maxIssues), "more issues than maxIssues")
        }
        return outcome
    }

    static func run(_ bytes: [UInt8]) {
        let whole = read(bytes, limits: SeriesLimits(), maxIssues: 20)
        var small = SeriesLimits()
        small.chunkSize = 7
        let chunked = read(bytes, limits: small, maxIssues: 20)
        check(whole == chunked, "7-byte chunks read differently from 1 MiB chunks:\n\(whole.issues)\n\(chunked.issues)")
        var tiny = SeriesLimits()
        tiny.chunkSize = 5
        tiny.maxLineBytes = 48
        tiny.maxRowBytes = 96
        tiny.maxColumns = 4
        _ = read(bytes, limits: tiny, maxIssues: 3)
    }
}
#endif
