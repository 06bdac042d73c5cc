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
}
