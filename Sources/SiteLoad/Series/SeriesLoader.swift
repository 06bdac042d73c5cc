import Charts
import Diagnostics
import Foundation
import OutageData
import SiteModel

/// Load phase for data: streams every series CSV of the incidents (in parallel), reducing each
/// signal for its chart and deriving the outage figures. Memory stays bounded by
/// `charts.max_points` per signal, whatever the number of rows.
package struct SeriesLoader {
    let maxPoints: Int

    package init(maxPoints: Int) { self.maxPoints = maxPoints }

    package func load(into incidents: inout [Incident], log: DiagnosticLog) {
        let jobs = incidents.indices.filter { !incidents[$0].series.isEmpty }
        let results = ResultSlots<[SeriesData]>(count: incidents.count)
        let snapshot = incidents
        DispatchQueue.concurrentPerform(iterations: jobs.count) { n in
            let incident = snapshot[jobs[n]]
            results.set(jobs[n], incident.series.compactMap { read($0, of: incident, log: log) })
        }
        for (index, value) in results.values.enumerated() {
            if let value { incidents[index].seriesData = value }
        }
    }

    /// Reads one CSV; nil (with diagnostics) when it has errors.
    func read(_ reference: SeriesReference, of incident: Incident, log: DiagnosticLog) -> SeriesData? {
        guard let path = incident.bundlePath(reference.file) else { return nil }
        let display = incident.sourcePath.dropLast("index.md".count) + reference.file
        let end = incident.end.map { Incident.effectiveEnd($0) }

        var header: SeriesHeader?
        let sink = SeriesSink(maxPoints: maxPoints, start: incident.start.seconds, end: end)
        let issues = SeriesReader.read(path: path, header: { h in
            header = h
            // Only the signals a chart can draw are reduced and analysed (see `leftOutWarning`).
            sink.prepare(signals: min(h.signals.count, ChartLimits.maximumSignals))
        }, row: { time, values in
            sink.add(time: time, values: values)
        })
        for issue in issues {
            log.error(issue.message, at: SourceLocation(file: String(display), line: issue.line, column: issue.column))
        }
        guard issues.isEmpty, let header else { return nil }

        // Every styled column must exist in the CSV.
        var failed = false
        for style in reference.signals where !header.signals.contains(style.column) {
            log.error("\"signals\" names a column \(reference.file) does not have: \"\(style.column)\" (its columns are \(header.signals.joined(separator: ", ")))",
                      at: style.location)
            failed = true
        }
        guard !failed else { return nil }
        if let warning = Self.leftOutWarning(header.signals) {
            log.warning(warning, at: SourceLocation(file: String(display), line: 1))
        }
        let signals = header.signals.prefix(ChartLimits.maximumSignals).enumerated().map { index, column -> SignalData in
            let style = reference.signals.first { $0.column == column }
            return SignalData(column: column, label: style?.label ?? column, unit: style?.unit, color: style?.color,
                              points: sink.points(index), figures: sink.figures(index))
        }
        return SeriesData(reference: reference, signals: signals, rowCount: sink.rows, firstTime: sink.first, lastTime: sink.last)
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
