import Charts
import OutageData

/// The archive timeline: incidents grouped by year, newest year first. (The SVG time axis is
/// drawn by the charts phase; this is the list it sits on.)
struct TimelineContext {
    let graph: SiteGraph

    func values(path: String) -> [String: Any] {
        let rows = IncidentContext(graph: graph)
        return [
            "heading": "Timeline",
            "count_text": ListContext.countText(incidents: graph.incidents.count, hours: graph.totalOutageHours),
            "years": graph.years.map { year -> [String: Any] in
                [
                    "year": year.name,
                    "href": SitePaths.href(from: path, to: SitePaths.year(Int(year.key) ?? 0)),
                    "count_text": ListContext.countText(incidents: year.incidents.count, hours: year.outageHours),
                    "rows": year.incidents.map { rows.row(graph.incidents[$0], from: path) },
                ]
            },
            "has_years": !graph.years.isEmpty,
            "svg": ArchiveTimeline.svg(archiveItems(from: path), idPrefix: "bo-archive"),
        ]
    }

    /// Every incident as a bar for the archive timelines, linked from the page at `path`.
    func archiveItems(from path: String) -> [ArchiveItem] {
        graph.incidents.map { incident in
            ArchiveItem(start: incident.start.seconds, end: incident.end.map { Incident.effectiveEnd($0) },
                        title: incident.title, href: SitePaths.href(from: path, to: SitePaths.incident(incident.slug)),
                        status: incident.statusKey)
        }
    }

    /// Every year from the first to the last incident, oldest first, with a bar height in
    /// percent of the busiest year: the small archive strip on the home page.
    func yearStrip(from path: String) -> [[String: Any]] {
        let counts = Dictionary(uniqueKeysWithValues: graph.years.map { (Int($0.key) ?? 0, $0.incidents.count) })
        guard let first = counts.keys.min(), let last = counts.keys.max() else { return [] }
        let busiest = counts.values.max() ?? 1
        return (first...last).map { year in
            let count = counts[year] ?? 0
            return [
                "year": String(year),
                "count": count,
                "percent": count == 0 ? 0 : max(8, Int((Double(count) / Double(busiest) * 100).rounded())),
                "href": absent(count > 0 ? SitePaths.href(from: path, to: SitePaths.year(year)) : nil),
            ]
        }
    }
}
