import Charts
import Diagnostics
import Foundation
import OutageData
import SiteModel

/// Load phase for data: streams every series CSV of the incidents (in parallel), reducing each
/// signal for its chart and deriving the outage figures. Memory stays bounded by
/// `charts.max_points` per signal, whatever the number of rows. A series the cache holds for
/// the same file, unchanged, is taken from it instead of being read (see `SeriesCache`).
package struct SeriesLoader {
    let maxPoints: Int
    let cache: (any ReducedSeriesStore)?

    package init(maxPoints: Int, cache: (any ReducedSeriesStore)? = nil) {
        self.maxPoints = maxPoints
        self.cache = cache
    }

    /// What the series cache should hold after this build: every series read without an issue.
    package typealias CacheEntries = [(key: [UInt8], series: ReducedSeries)]

    @discardableResult
    package func load(into incidents: inout [Incident], log: DiagnosticLog) -> CacheEntries {
        let jobs = incidents.indices.filter { !incidents[$0].series.isEmpty }
        let results = ResultSlots<([SeriesData], CacheEntries)>(count: incidents.count)
        let snapshot = incidents
        DispatchQueue.concurrentPerform(iterations: jobs.count) { n in
            let incident = snapshot[jobs[n]]
            var entries: CacheEntries = []
            let data = incident.series.compactMap { read($0, of: incident, log: log, entries: &entries) }
            results.set(jobs[n], (data, entries))
        }
        var entries: CacheEntries = []
        for (index, value) in results.values.enumerated() {
            if let (data, read) = value {
                incidents[index].seriesData = data
                entries += read
            }
        }
        return entries
    }

    /// One series: from the cache when it holds this very file, otherwise read from the CSV;
    /// nil (with diagnostics) when it has errors.
    func read(_ reference: SeriesReference, of incident: Incident, log: DiagnosticLog, entries: inout CacheEntries) -> SeriesData? {
        guard let path = incident.bundlePath(reference.file) else { return nil }
        let display = String(incident.sourcePath.dropLast("index.md".count) + reference.file)
        let end = incident.end.map { Incident.effectiveEnd($0) }
        var info = stat()
        let key = stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
            ? SeriesCache.key(path: path, info: info, maxPoints: maxPoints, start: incident.start.seconds, end: end) : nil
        let reduced: ReducedSeries
        if let key, let cached = cache?.reduced(for: key) {
            reduced = cached
        } else {
            guard let read = readCSV(path, display: display, start: incident.start.seconds, end: end, log: log) else { return nil }
            reduced = read
        }
        if let key { entries.append((key, reduced)) }
        return assemble(reduced, reference: reference, display: display, log: log)
    }

    /// Streams the CSV into the reducers and analyses; nil (with diagnostics) on any issue.
    func readCSV(_ path: String, display: String, start: Int64, end: Int64?, log: DiagnosticLog) -> ReducedSeries? {
        var header: SeriesHeader?
        let sink = SeriesSink(maxPoints: maxPoints, start: start, end: end)
        let issues = SeriesReader.read(path: path, header: { h in
            header = h
            // Only the signals a chart can draw are reduced and analysed (see `leftOutWarning`).
            sink.prepare(signals: min(h.signals.count, ChartLimits.maximumSignals))
        }, row: { time, values in
            sink.add(time: time, values: values)
        })
        for issue in issues {
            log.error(issue.message, at: SourceLocation(file: display, line: issue.line, column: issue.column))
        }
        guard issues.isEmpty, let header else { return nil }
        let drawn = min(header.signals.count, ChartLimits.maximumSignals)
        return ReducedSeries(columns: header.signals, rows: sink.rows, first: sink.first, last: sink.last,
                             signals: (0..<drawn).map { (PackedPoints(sink.points($0)), sink.figures($0)) })
    }

    /// The series as the incident shows it: its styles applied to the columns, which must all
    /// exist; a warning when the CSV has more signals than a chart draws.
    func assemble(_ reduced: ReducedSeries, reference: SeriesReference, display: String, log: DiagnosticLog) -> SeriesData? {
        var failed = false
        for style in reference.signals where !reduced.columns.contains(style.column) {
            log.error("\"signals\" names a column \(reference.file) does not have: \"\(style.column)\" (its columns are \(reduced.columns.joined(separator: ", ")))",
                      at: style.location)
            failed = true
        }
        guard !failed else { return nil }
        if let warning = Self.leftOutWarning(reduced.columns) {
            log.warning(warning, at: SourceLocation(file: display, line: 1))
        }
        // Figures are derived from measurements only: a baseline or a drop computed from drawn
        // values would look measured (SPEC §4).
        let measured = reference.provenance == .measured
        let signals = zip(reduced.columns, reduced.signals).map { column, signal -> SignalData in
            let style = reference.signals.first { $0.column == column }
            return SignalData(column: column, label: style?.label ?? column, unit: style?.unit, color: style?.color,
                              packedPoints: signal.points, figures: measured ? signal.figures : SignalFigures())
        }
        return SeriesData(reference: reference, signals: signals, rowCount: reduced.rows, firstTime: reduced.first, lastTime: reduced.last)
    }

    /// A chart draws at most `ChartLimits.maximumSignals` signals (so it stays under 60 KB):
    /// the columns after them are not read into the chart, its table or the figures, and the
    /// build says which.
    static func leftOutWarning(_ columns: [String]) -> String? {
        let limit = ChartLimits.maximumSignals
        guard columns.count > limit else { return nil }
        let leftOut = Array(columns.dropFirst(limit))
        let named = Array(leftOut.prefix(5))
        let list = leftOut.count > named.count ? named.joined(separator: ", ") + " and \(leftOut.count - named.count) more"
            : named.dropLast().joined(separator: ", ") + (named.count > 1 ? " and " : "") + (named.last ?? "")
        return "\(columns.count) signal columns, but a chart draws at most \(limit): \(list) "
            + (leftOut.count == 1 ? "is" : "are") + " left out of the chart, its table and the figures"
    }
}
