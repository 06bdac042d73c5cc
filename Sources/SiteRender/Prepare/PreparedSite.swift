import Charts
import Dispatch
import OutageData
import SiteModel
import Synchronization

/// The prepare phase: everything pages share, computed once after loading and read by every
/// render worker. Pages only add what is their own (relative links, their slice of a list).
package final class PreparedSite: Sendable {
    package let graph: SiteGraph
    /// One per incident, in `graph.incidents` order.
    let rows: [IncidentRow]
    /// Each incident's incident.json (without the final newline), in the same order; the
    /// archive's incidents.json is made from these.
    package let incidentJSON: [[UInt8]]
    /// Pages with `menu:`: their title, site path and encoded file.
    let menu: [Link]
    /// Per country term (same order as `graph.countries`): the hours-per-year table and chart.
    let countryHours: [CountryHours]
    let totalHours: Double
    /// "0 incidents, 0 outage hours" for the whole archive.
    let archiveCountText: String

    /// `transform` over `items` on every core, results in order.
    static func inParallel<T: Sendable, R: Sendable>(_ items: [T], _ transform: @Sendable (T) -> R) -> [R] {
        let chunk = 256
        let chunks = (items.count + chunk - 1) / chunk
        let results = Mutex<[Int: [R]]>([:])
        DispatchQueue.concurrentPerform(iterations: chunks) { number in
            let part = items[(number * chunk)..<min(items.count, (number + 1) * chunk)].map(transform)
            results.withLock { $0[number] = part }
        }
        let parts = results.withLock { $0 }
        return (0..<chunks).flatMap { parts[$0] ?? [] }
    }

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

    package init(_ graph: SiteGraph) {
        self.graph = graph
        rows = graph.incidents.map(IncidentRow.init)
        incidentJSON = Self.inParallel(Array(graph.incidents.indices)) { IncidentJSON.incident(graph.incidents[$0], config: graph.config).exactBytes() }
        menu = graph.menuPages.map { page in
            let path = SitePaths.page(page.slug)
            return Link(title: page.title, path: path, target: percentEncodePath(SitePaths.file(for: path)))
        }
        let totals = YearTotals(graph: graph)
        countryHours = graph.countries.map { term in
            let years = totals.of(term.incidents)
            return CountryHours(years: years, svg: OutageHoursChart.svg(years.map { ($0.year, $0.hours) }, idPrefix: "bo-hours",
                                                                         title: "Outage hours per year, \(term.name)"))
        }
        totalHours = graph.totalOutageHours
        archiveCountText = ListCounts.text(incidents: graph.incidents.count, hours: totalHours)
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
