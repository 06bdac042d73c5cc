import Charts
import OutageData

/// The home page: what the archive holds, the latest incidents, and the years it covers.
struct HomeContext {
    let graph: SiteGraph
    static let latestCount = 10

    func values() -> [String: Any] {
        let incidents = graph.incidents
        let rows = IncidentContext(graph: graph)
        let years = incidents.map(\.start.year)
        let strip = TimelineContext(graph: graph).yearStrip(from: "")
        var values: [String: Any] = [
            "stats": [
                "incidents": formatCount(incidents.count),
                "countries": formatCount(graph.countries.count),
                "outage_hours": formatHours(graph.totalOutageHours),
                "years": years.isEmpty ? "" : (years.min() == years.max() ? "\(years.min() ?? 0)" : "\(years.min() ?? 0)–\(years.max() ?? 0)"),
            ],
            "rows": incidents.prefix(Self.latestCount).map { rows.row($0, from: "") },
            "has_latest": !incidents.isEmpty,
            "has_more": incidents.count > Self.latestCount,
            "incidents_href": SitePaths.href(from: "", to: SitePaths.incidents),
            "timeline_href": SitePaths.href(from: "", to: SitePaths.timeline),
            "years": strip,
            "timeline_svg": absent(incidents.isEmpty ? nil : ArchiveTimeline.smallSVG(TimelineContext(graph: graph).archiveItems(from: ""), idPrefix: "bo-home")),
            "has_years": !strip.isEmpty,
        ]
        if let home = graph.home {
            values["intro"] = ["title": home.title ?? graph.config.title, "body": FolderLinks.addIndexFiles(home.body.html)] as [String: Any]
        }
        return values
    }
}
