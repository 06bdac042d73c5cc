import OutageData

/// Template values for paginated incident lists and for taxonomy indexes.
struct ListContext {
    let graph: SiteGraph

    /// "312 incidents, 1,840 outage hours"
    static func countText(incidents: Int, hours: Double) -> String {
        let noun = incidents == 1 ? "incident" : "incidents"
        return "\(formatCount(incidents)) \(noun), \(formatHours(hours)) outage hours"
    }

    /// One page of a paginated incident list whose first page is at `base`.
    func list(base: String, heading: String, members: [Int], hours: Double, pageNumber: Int) -> (path: String, values: [String: Any]) {
        let perPage = graph.config.perPage
        let pageCount = max(1, (members.count + perPage - 1) / perPage)
        let path = SitePaths.listPage(base, pageNumber)
        let slice = members.dropFirst((pageNumber - 1) * perPage).prefix(perPage)
        let rows = IncidentContext(graph: graph)
        var values: [String: Any] = [
            "heading": heading,
            "count_text": Self.countText(incidents: members.count, hours: hours),
            "rows": slice.map { rows.row(graph.incidents[$0], from: path) },
            "has_rows": !slice.isEmpty,
        ]
        if pageCount > 1 {
            var pagination: [String: Any] = [
                "current": pageNumber,
                "count": pageCount,
                "pages": (1...pageCount).map { n -> [String: Any] in
                    ["number": n, "href": SitePaths.href(from: path, to: SitePaths.listPage(base, n)), "current": n == pageNumber]
                },
            ]
            if pageNumber > 1 { pagination["prev_href"] = SitePaths.href(from: path, to: SitePaths.listPage(base, pageNumber - 1)) }
            if pageNumber < pageCount { pagination["next_href"] = SitePaths.href(from: path, to: SitePaths.listPage(base, pageNumber + 1)) }
            values["pagination"] = pagination
        }
        return (path, values)
    }

    /// Outage hours and incident counts per year, every year from the first incident to the
    /// last (quiet years as 0), oldest first.
    func yearTotals(_ members: [Int]) -> [(year: Int, hours: Double, incidents: Int)] {
        var totals: [Int: (Double, Int)] = [:]
        for index in members {
            let incident = graph.incidents[index]
            let entry = totals[incident.start.year, default: (0, 0)]
            totals[incident.start.year] = (entry.0 + SiteGraph.hours(incident), entry.1 + 1)
        }
        guard let first = totals.keys.min(), let last = totals.keys.max() else { return [] }
        return (first...last).map { year in (year, totals[year]?.0 ?? 0, totals[year]?.1 ?? 0) }
    }

    func hourTotals(_ members: [Int]) -> [(year: Int, hours: Double)] {
        yearTotals(members).map { ($0.year, $0.hours) }
    }

    /// Outage hours per year for a country page's table.
    func hoursByYear(_ members: [Int]) -> [[String: Any]] {
        let totals = yearTotals(members)
        let maximum = totals.map(\.hours).max() ?? 0
        return totals.map { year, h, n in
            // Bar width in percent of the largest year, for a CSS bar chart.
            let share = maximum > 0 ? Int((h / maximum * 100).rounded()) : 0
            return ["year": String(year), "hours": formatHours(h, fixed: true), "incidents": n, "percent": share]
        }
    }

    /// The index of a taxonomy: every term with its count and hours.
    func terms(_ terms: [SiteGraph.Term], of taxonomy: Taxonomy, path: String) -> [String: Any] {
        [
            "heading": taxonomy.heading,
            "count_text": taxonomy.noun(terms.count),
            "terms": terms.map { term -> [String: Any] in
                [
                    "name": term.name,
                    "key": term.key,
                    "href": SitePaths.href(from: path, to: taxonomy.path(of: term)),
                    "count": term.incidents.count,
                    "hours": formatHours(term.outageHours, fixed: true),
                ]
            },
            "has_terms": !terms.isEmpty,
        ]
    }
}
