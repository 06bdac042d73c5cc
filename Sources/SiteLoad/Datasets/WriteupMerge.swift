import Diagnostics
import SiteModel

/// A writeup whose `id` equals a dataset row's id becomes one incident: the values its front
/// matter gives win, the row fills in the rest, and the writeup's Markdown is the body. The
/// page keeps the writeup's slug and files (SPEC §5).
enum WriteupMerge {
    static func merge(row: Incident, writeup: Incident) -> Incident {
        var merged = writeup
        let keys = writeup.frontMatterKeys
        func fromRow<T>(_ key: String, _ path: WritableKeyPath<Incident, T>) {
            if !keys.contains(key) { merged[keyPath: path] = row[keyPath: path] }
        }
        fromRow("end", \.end)
        if !keys.contains("status") && !keys.contains("end") { merged.status = row.status }
        if !keys.contains("summary") && row.hasExplicitSummary {
            merged.summary = row.summary
            merged.hasExplicitSummary = true
        }
        fromRow("countries", \.countries)
        fromRow("regions", \.regions)
        fromRow("asns", \.asns)
        fromRow("prefixes", \.prefixes)
        fromRow("affected", \.affected)
        fromRow("scope", \.scope)
        fromRow("cause", \.cause)
        fromRow("impact", \.impact)
        fromRow("tags", \.tags)
        fromRow("timezone", \.timezone)
        fromRow("sources", \.sources)
        fromRow("updated", \.updated)
        fromRow("authors", \.authors)
        return merged
    }

    /// The merged incident is validated as a whole: each half can be valid on its own and still
    /// end before the other starts.
    static func problem(_ merged: Incident, row: Incident, writeup: Incident) -> Diagnostic? {
        guard let end = merged.end, Incident.effectiveEnd(end) < merged.start.seconds else { return nil }
        let rowAt = row.slugLocation.description
        let endFrom = writeup.frontMatterKeys.contains("end") ? "this writeup" : "the row"
        return .error("merged with the dataset row at \(rowAt), the incident ends before it starts: \"end\" \(end.iso8601) (from \(endFrom)) < \"start\" \(merged.start.iso8601) (from this writeup)",
                      at: writeup.startLocation ?? SourceLocation(file: writeup.sourcePath, line: 1, column: 1))
    }
}
