import Charts
import Diagnostics
import OutageData

/// Render phase: turns a page job into HTML through the theme's templates.
struct PageRenderer: Sendable {
    let graph: SiteGraph
    let theme: Theme

    struct Rendered: Sendable {
        var path: String
        var html: [UInt8]
    }

    func render(_ job: PageJob) -> Result<Rendered, Diagnostic> {
        let (path, template, context) = plan(job)
        guard let html = theme.render(.object(DictionaryBridge(values: context)), template: template) else {
            return .failure(.error("the theme has no \"\(template).mustache\" template", at: SourceLocation(file: "templates/\(template).mustache")))
        }
        return .success(Rendered(path: path, html: html))
    }

    /// The output path, template name and context of a job.
    private func plan(_ job: PageJob) -> (String, String, [String: Any]) {
        let common = CommonContext(graph: graph)
        let lists = ListContext(graph: graph)
        switch job {
        case .home:
            return ("", "home", common.make(path: "", title: graph.config.title, description: graph.config.description)
                .merging(HomeContext(graph: graph).values()))

        case .incidentList(let page):
            let (path, values) = lists.list(base: SitePaths.incidents, heading: "All incidents", members: Array(graph.incidents.indices),
                                            hours: graph.totalOutageHours, pageNumber: page)
            return (path, "list", common.make(path: path, title: pageTitle("All incidents", page), description: "", section: "incidents").merging(values))

        case .incident(let index):
            let incident = graph.incidents[index]
            let path = SitePaths.incident(incident.slug)
            let context = common.make(path: path, title: incident.title, description: incident.summary, ogType: "article",
                                      jsonLD: StructuredData.event(incident, config: graph.config), section: "incidents")
            return (path, "incident", context.merging(["incident": IncidentContext(graph: graph).page(incident)]))

        case .taxonomyIndex(let taxonomy):
            let path = taxonomy.base
            let values = lists.terms(taxonomy.terms(in: graph), of: taxonomy, path: path)
            return (path, "terms", common.make(path: path, title: taxonomy.heading, description: "", section: taxonomy.rawValue)
                .merging(values).merging(["taxonomy": taxonomy.rawValue]))

        case .term(let taxonomy, let termIndex, let page):
            let term = taxonomy.terms(in: graph)[termIndex]
            let heading = taxonomy.heading(of: term)
            var (path, values) = lists.list(base: taxonomy.path(of: term), heading: heading, members: term.incidents,
                                            hours: term.outageHours, pageNumber: page)
            values["taxonomy"] = taxonomy.rawValue
            values["taxonomy_heading"] = taxonomy.heading
            values["taxonomy_href"] = SitePaths.href(from: path, to: taxonomy.base)
            if taxonomy == .countries {
                let years = lists.hoursByYear(term.incidents)
                values["hours_by_year"] = years
                values["has_hours_by_year"] = true
                values["hours_svg"] = OutageHoursChart.svg(lists.hourTotals(term.incidents), idPrefix: "bo-hours",
                                                           title: "Outage hours per year, \(term.name)")
            }
            return (path, "list", common.make(path: path, title: pageTitle(heading, page), description: "", section: taxonomy.rawValue).merging(values))

        case .page(let index):
            let page = graph.pages[index]
            let path = SitePaths.page(page.slug)
            return (path, "page", common.make(path: path, title: page.title, description: page.summary)
                .merging(["content": ["title": page.title, "summary": page.summary, "body": FolderLinks.addIndexFiles(page.body.html)] as [String: Any]]))

        case .timeline:
            let path = SitePaths.timeline
            return (path, "timeline", common.make(path: path, title: "Timeline", description: "", section: "timeline")
                .merging(TimelineContext(graph: graph).values(path: path)))

        case .notFound:
            // Hosts serve 404.html at any depth, so its links resolve from the site root through <base>.
            var context = common.make(path: "", title: "Page not found", description: "")
            context["base_href"] = graph.config.basePath
            return ("404.html", "404", context)
        }
    }

    private func pageTitle(_ title: String, _ page: Int) -> String {
        page > 1 ? "\(title), page \(page)" : title
    }
}
