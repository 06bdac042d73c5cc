import Charts
import OutageData
import Templates

/// The archive timeline: the archive drawn on a time axis, then the incidents grouped by year,
/// newest year first. Each year shows its latest incidents and links to its own paginated list,
/// so the page stays small however large the archive grows.
final class TimelineView: TemplateObject {
    static let rowsPerYear = 10
    let site: PreparedSite
    let path: String

    init(site: PreparedSite, path: String) {
        self.site = site
        self.path = path
    }

    func value(_ key: Int) -> TemplateValue? {
        let graph = site.graph
        let root = SitePaths.rootPrefix(from: path)
        switch Name(key) {
        case .heading: return .text("Timeline")
        case .countText: return .text(site.archiveCountText)
        case .hasYears: return .bool(!graph.years.isEmpty)
        case .svg: return .text(ArchiveTimeline.inlineSVG(ArchiveItems.of(site, from: path), idPrefix: "bo-archive"))
        case .years:
            return .list(graph.years.map { year in
                .record([
                    (.year, .text(year.name)),
                    (.href, .text(SitePaths.href(from: path, to: SitePaths.year(year.year ?? 0)))),
                    (.countText, .text(ListCounts.text(incidents: year.incidents.count, hours: year.outageHours))),
                    (.rows, RowView.list(year.incidents.prefix(Self.rowsPerYear), in: site, root: root)),
                    (.hasMore, .bool(year.incidents.count > Self.rowsPerYear)),
                    (.count, .int(year.incidents.count)),
                ])
            })
        default: return nil
        }
    }
}
