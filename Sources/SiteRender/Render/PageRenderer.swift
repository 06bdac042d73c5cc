import Charts
import Diagnostics
import OutageData
import SiteModel
import Templates

/// Render phase: turns a page job into HTML through the theme's templates, with the typed views
/// of Render/View over the prepared site.
package struct PageRenderer: Sendable {
    let site: PreparedSite
    let theme: Theme

    package init(site: PreparedSite, theme: Theme) {
        self.site = site
        self.theme = theme
    }

    package struct Rendered {
        package var path: String
        package var html: [UInt8]
    }

    /// Renders one page. An incident page takes its charts from `charts`, which the caller
    /// also writes as files.
    package func render(_ job: PageJob, charts: IncidentCharts? = nil) -> Result<Rendered, Diagnostic> {
        let (path, root) = plan(job, charts: charts)
        return theme.render(root, template: job.template).map { Rendered(path: path, html: $0) }
    }

    /// The output path and root value of a job.
    private func plan(_ job: PageJob, charts: IncidentCharts?) -> (String, TemplateValue) {
        let graph = site.graph
        func page(_ frame: FrameView, _ content: any TemplateObject) -> TemplateValue {
            .object(PageView(frame: frame, content: content))
        }
        switch job {
        case .home:
            return ("", page(FrameView(site: site, path: "", title: graph.config.title, description: graph.config.description),
                                     HomeView(site: site)))

        case .incidentList(let number):
            let members = Array(graph.incidents.indices)
            let (path, list) = self.list(base: SitePaths.incidents, heading: "All incidents", members: members[...],
                                         hours: site.totalHours, number: number)
            return (path, page(FrameView(site: site, path: path, title: pageTitle("All incidents", number), description: "", section: "incidents"), list))

        case .incident(let index):
            let incident = graph.incidents[index]
            let path = SitePaths.incident(incident.slug)
            let frame = FrameView(site: site, path: path, title: incident.title, description: incident.summary, ogType: "article",
                                  jsonLD: StructuredData.event(incident, config: graph.config), section: "incidents")
            let view = IncidentView(site: site, incident: incident, charts: charts ?? IncidentCharts(incident, config: graph.config))
            return (path, page(frame, Record([(.incident, view.value)])))

        case .taxonomyIndex(let taxonomy, let number):
            let terms = taxonomy.terms(in: graph)
            let path = SitePaths.listPage(taxonomy.base, number)
            let root = SitePaths.rootPrefix(from: path)
            let pageCount = max(1, (terms.count + Taxonomy.termsPerPage - 1) / Taxonomy.termsPerPage)
            let frame = FrameView(site: site, path: path, title: pageTitle(taxonomy.heading, number), description: "", section: taxonomy.rawValue)
            let view = TermsView(taxonomy: taxonomy, total: terms.count,
                                 terms: terms.dropFirst((number - 1) * Taxonomy.termsPerPage).prefix(Taxonomy.termsPerPage), root: root,
                                 pagination: pageCount > 1 ? Pagination(current: number, count: pageCount, base: taxonomy.base, root: root,
                                                                         labels: ("Previous", "Next")) : nil,
                                 map: taxonomy == .countries && number == 1 ? CountryMap.svg(graph, from: path, idPrefix: "bo-countries-map") : nil)
            return (path, page(frame, view))

        case .term(let taxonomy, let termIndex, let number):
            let term = taxonomy.terms(in: graph)[termIndex]
            let heading = taxonomy.heading(of: term)
            let (path, list) = self.list(base: taxonomy.path(of: term), heading: heading, members: term.incidents[...],
                                         hours: term.outageHours, number: number)
            list.taxonomy = (taxonomy.rawValue, taxonomy.heading, SitePaths.href(from: path, to: taxonomy.base))
            if taxonomy == .countries {
                list.countryHours = site.countryHours[termIndex]
                list.locator = WorldLocator.svg(codes: [term.key.uppercased()], names: [term.name], root: SitePaths.rootPrefix(from: path),
                                                idPrefix: "bo-locator")
            }
            return (path, page(FrameView(site: site, path: path, title: pageTitle(heading, number), description: "", section: taxonomy.rawValue), list))

        case .page(let index):
            let content = graph.pages[index]
            let path = SitePaths.page(content.slug)
            let values = Record([(.content, .record([(.title, .text(content.title)), (.summary, .text(content.summary)),
                                                    (.body, .text(FolderLinks.addIndexFiles(content.body.html)))]))])
            return (path, page(FrameView(site: site, path: path, title: content.title, description: content.summary), values))

        case .timeline:
            let path = SitePaths.timeline
            return (path, page(FrameView(site: site, path: path, title: "Timeline", description: "", section: "timeline"),
                                           TimelineView(site: site, path: path)))

        case .notFound:
            // Hosts serve 404.html at any depth, so its links resolve from the site root through <base>.
            let frame = FrameView(site: site, path: "", title: "Page not found", description: "", baseHref: graph.config.basePath)
            return ("404.html", page(frame, Record([])))

        case .search:
            let path = SitePaths.search
            let root = SitePaths.rootPrefix(from: path)
            func link(_ target: String) -> TemplateValue { .link(root, SitePaths.file(for: target)) }
            let links = Record([(.incidentsHref, link(SitePaths.incidents)), (.countriesHref, link(SitePaths.countries)),
                                (.causesHref, link(SitePaths.causes)), (.yearsHref, link(SitePaths.years))])
            return (path, page(FrameView(site: site, path: path, title: "Search", description: "", section: "search"), links))
        }
    }

    /// One page of a paginated incident list whose first page is at `base`.
    private func list(base: String, heading: String, members: ArraySlice<Int>, hours: Double, number: Int) -> (String, ListView) {
        let perPage = site.graph.config.perPage
        let pageCount = max(1, (members.count + perPage - 1) / perPage)
        let path = SitePaths.listPage(base, number)
        let root = SitePaths.rootPrefix(from: path)
        let slice = members.dropFirst((number - 1) * perPage).prefix(perPage)
        let pagination = pageCount > 1 ? Pagination(current: number, count: pageCount, base: base, root: root) : nil
        return (path, ListView(site: site, root: root, heading: heading, countText: ListCounts.text(incidents: members.count, hours: hours),
                               members: slice, pagination: pagination))
    }

    private func pageTitle(_ title: String, _ page: Int) -> String {
        page > 1 ? "\(title), page \(page)" : title
    }
}
