import Charts
import OutageData
import SiteModel
import Templates

/// The world map of outage hours per country (`WorldMap`), for home and the countries index,
/// with the same figures as template records for the table beside it.
enum CountryMap {
    /// The map as inline SVG, its links relative to the page at `path`; nil without countries.
    static func svg(_ graph: SiteGraph, from path: String, idPrefix: String) -> String? {
        guard !graph.countries.isEmpty else { return nil }
        let entries = graph.countries.map { term in
            WorldMap.Entry(alpha2: term.key.uppercased(), name: term.name, incidents: term.incidents.count, hours: term.outageHours,
                           href: SitePaths.href(from: path, to: Taxonomy.countries.path(of: term)))
        }
        return WorldMap.choropleth(entries, idPrefix: idPrefix, title: "Outage hours by country")
    }

    /// Every country as `{name, key, href, count, hours}`, as the countries index lists them.
    static func records(_ graph: SiteGraph, root: String) -> TemplateValue {
        .list(graph.countries.map { TermsView.record($0, of: .countries, root: root) })
    }
}
