import Charts
import OutageData
import SiteModel

/// The prepare phase: everything pages share, computed once after loading and read by every
/// render worker. Pages only add what is their own (relative links, their slice of a list).
package final class PreparedSite: Sendable {
    package let graph: SiteGraph
    /// One per incident, in `graph.incidents` order.
    let rows: [IncidentRow]
    /// Pages with `menu:`: their title, site path and encoded file.
    let menu: [Link]
    /// Per country term (same order as `graph.countries`): the hours-per-year table and chart.
    let countryHours: [CountryHours]
    let totalHours: Double
    /// "0 incidents, 0 outage hours" for the whole archive.
    let archiveCountText: String
    /// `site.*` in templates, one object for every page.
    let siteView: SiteView

    struct Link: Sendable {
        var title: String
        var path: String
        /// `path`'s file, percent-encoded ("about/index.html").
        var target: String
    }

    struct CountryHours: Sendable {
        var years: [(year: Int, hours: Double, incidents: Int)]
        var svg: String
    }

    private init(graph: SiteGraph, rows: [IncidentRow], menu: [Link], countryHours: [CountryHours], totalHours: Double, archiveCountText: String) {
        self.graph = graph
        self.rows = rows
        self.menu = menu
        self.countryHours = countryHours
        self.totalHours = totalHours
        self.archiveCountText = archiveCountText
        siteView = SiteView(config: graph.config)
    }

    /// Whether the incident at `index` shows the same in every list of `other` (the same
    /// site before a patch) as here.
    package func rowIsUnchanged(at index: Int, from other: PreparedSite) -> Bool {
        rows[index].showsTheSame(as: other.rows[index])
    }

    /// This site over `graph`, which replaced the incidents at `indices` with ones that share
    /// their place (`SiteGraph.replacing`): only their rows are made again; the menu, the
    /// countries' hours and the totals cannot have changed.
    package func replacing(_ indices: [Int], in graph: SiteGraph) -> PreparedSite {
        var rows = self.rows
        for index in indices { rows[index] = IncidentRow(graph.incidents[index]) }
        return PreparedSite(graph: graph, rows: rows, menu: menu, countryHours: countryHours, totalHours: totalHours,
                            archiveCountText: archiveCountText)
    }

    package init(_ graph: SiteGraph) {
        self.graph = graph
        rows = graph.incidents.map(IncidentRow.init)
        menu = graph.menuPages.map { page in
            let path = SitePaths.page(page.slug)
            return Link(title: page.title, path: path, target: percentEncodePath(SitePaths.file(for: path)))
        }
        let totals = YearTotals(graph: graph)
        countryHours = graph.countries.map { term in
            let years = totals.of(term.incidents)
            return CountryHours(years: years, svg: OutageHoursChart.inlineSVG(years.map { ($0.year, $0.hours) }, idPrefix: "bo-hours",
                                                                         title: "Outage hours per year, \(term.name)"))
        }
        totalHours = graph.totalOutageHours
        archiveCountText = ListCounts.text(incidents: graph.incidents.count, hours: totalHours)
        siteView = SiteView(config: graph.config)
    }
}

/// Outage hours and incident counts per year, every year from the first incident to the last
/// (quiet years as 0), oldest first.
struct YearTotals {
    let graph: SiteGraph

    func of(_ members: [Int]) -> [(year: Int, hours: Double, incidents: Int)] {
        var totals: [Int: (Double, Int)] = [:]
        for index in members {
            let year = graph.incidents[index].start.year
            let entry = totals[year, default: (0, 0)]
            totals[year] = (entry.0 + SiteGraph.hours(durationSeconds: graph.incidents[index].durationSeconds), entry.1 + 1)
        }
        guard let first = totals.keys.min(), let last = totals.keys.max() else { return [] }
        return (first...last).map { year in (year, totals[year]?.0 ?? 0, totals[year]?.1 ?? 0) }
    }
}

enum ListCounts {
    /// "312 incidents, 1,840 outage hours"
    static func text(incidents: Int, hours: Double) -> String {
        let noun = incidents == 1 ? "incident" : "incidents"
        return "\(formatCount(incidents)) \(noun), \(formatHours(hours)) outage hours"
    }
}
