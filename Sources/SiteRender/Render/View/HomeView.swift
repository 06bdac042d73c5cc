import Charts
import OutageData
import SiteModel
import Templates

/// The home page: what the archive holds, the latest incidents, and the years it covers.
final class HomeView: TemplateObject {
    static let latestCount = 10
    let site: PreparedSite
    /// Drawn once per build (the home page is one page).
    let timelineSVG: String?
    let mapSVG: String?
    let strip: [YearStripEntry]

    init(site: PreparedSite) {
        self.site = site
        let graph = site.graph
        timelineSVG = graph.incidents.isEmpty ? nil : ArchiveTimeline.inlineSmallSVG(ArchiveItems.of(site, from: ""), idPrefix: "bo-home")
        strip = YearStripEntry.strip(graph.years, from: "")
        mapSVG = CountryMap.svg(graph, from: "", idPrefix: "bo-home-map")
    }

    func value(_ key: Int) -> TemplateValue? {
        let graph = site.graph
        switch Name(key) {
        case .stats:
            let years = graph.years.compactMap(\.year)
            let span = years.isEmpty ? "" : (years.min() == years.max() ? "\(years.min() ?? 0)" : "\(years.min() ?? 0)–\(years.max() ?? 0)")
            return .record([(.incidents, .text(formatCount(graph.incidents.count))), (.countries, .text(formatCount(graph.countries.count))),
                             (.outageHours, .text(formatHours(site.totalHours))), (.years, .text(span))])
        case .rows: return RowView.list(graph.incidents.indices.prefix(Self.latestCount), in: site, root: "")
        case .hasLatest: return .bool(!graph.incidents.isEmpty)
        case .hasMore: return .bool(graph.incidents.count > Self.latestCount)
        case .incidentsHref: return .text(SitePaths.href(from: "", to: SitePaths.incidents))
        case .timelineHref: return .text(SitePaths.href(from: "", to: SitePaths.timeline))
        case .years: return .list(strip.map(\.value))
        case .timelineSVG: return .text(timelineSVG)
        case .mapSVG: return .text(mapSVG)
        case .terms: return CountryMap.records(graph, root: "")
        case .countriesHref: return .text(SitePaths.href(from: "", to: Taxonomy.countries.base))
        case .hasYears: return .bool(!strip.isEmpty)
        case .intro:
            guard let home = graph.home else { return nil }
            return .record([(.title, .text(home.title ?? graph.config.title)), (.body, .text(FolderLinks.addIndexFiles(home.body.html)))])
        default: return nil
        }
    }
}

/// One year of the home page's strip: every year from the first incident to the last, with a
/// bar height in percent of the busiest year.
struct YearStripEntry {
    var year: Int
    var count: Int
    var percent: Int
    var href: String?

    var value: TemplateValue {
        .record([(.year, .text(String(year))), (.count, .int(count)), (.percent, .int(percent)), (.href, .text(href))])
    }

    static func strip(_ years: [SiteGraph.Term], from path: String) -> [YearStripEntry] {
        let counts = Dictionary(years.map { ($0.year ?? 0, $0.incidents.count) }, uniquingKeysWith: +)
        guard let first = counts.keys.min(), let last = counts.keys.max() else { return [] }
        let busiest = counts.values.max() ?? 1
        return (first...last).map { year in
            let count = counts[year] ?? 0
            return YearStripEntry(year: year, count: count,
                                  percent: count == 0 ? 0 : max(8, Int((Double(count) / Double(busiest) * 100).rounded())),
                                  href: count > 0 ? SitePaths.href(from: path, to: SitePaths.year(year)) : nil)
        }
    }
}

/// Every incident as a bar for the archive timelines, linked from the page at `path`.
enum ArchiveItems {
    static func of(_ site: PreparedSite, from path: String) -> [ArchiveItem] {
        let root = SitePaths.rootPrefix(from: path)
        let incidents = site.graph.incidents
        // By index: zipping would copy each incident (a large value) out of the array.
        return site.rows.indices.map { index in
            let row = site.rows[index]
            return ArchiveItem(start: incidents[index].start.seconds, end: incidents[index].end.map { Incident.effectiveEnd($0) },
                               title: row.title, href: root + row.target, status: row.status)
        }
    }
}
