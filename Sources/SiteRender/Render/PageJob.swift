import OutageData
import SiteModel

/// The taxonomies of SPEC §7: each has an index page and one paginated list per term.
package enum Taxonomy: String, CaseIterable, Sendable {
    case countries, asns, causes, tags, years

    var heading: String {
        switch self {
        case .countries: "Countries"
        case .asns: "Networks (ASNs)"
        case .causes: "Causes"
        case .tags: "Tags"
        case .years: "Years"
        }
    }

    var base: String { rawValue + "/" }

    /// Terms on one page of a taxonomy's index, so an index of 30,000 ASNs stays a few hundred KB
    /// a page. (Its pages are `asns/page/2/`; a term's own pages are `asns/<key>/page/2/`.)
    static let termsPerPage = 1_000

    /// What one term is called in counts: "7 countries".
    func noun(_ count: Int) -> String {
        let (one, many) = switch self {
        case .countries: ("country", "countries")
        case .asns: ("network", "networks")
        case .causes: ("cause", "causes")
        case .tags: ("tag", "tags")
        case .years: ("year", "years")
        }
        return "\(formatCount(count)) \(count == 1 ? one : many)"
    }

    package func terms(in graph: SiteGraph) -> [SiteGraph.Term] {
        switch self {
        case .countries: graph.countries
        case .asns: graph.asns
        case .causes: graph.causes
        case .tags: graph.tags
        case .years: graph.years
        }
    }

    func path(of term: SiteGraph.Term) -> String { base + term.key + "/" }

    /// The heading of one term's list: "North Korea", "AS4837 China Unicom", "Tag: bgp".
    func heading(of term: SiteGraph.Term) -> String {
        switch self {
        case .countries, .asns, .causes: term.name
        case .tags: "Tagged “\(term.name)”"
        case .years: "Incidents in \(term.name)"
        }
    }
}

/// One HTML page to render. Jobs are plain values so they can be handed to worker threads;
/// each builds its template context when it runs.
package enum PageJob: Sendable {
    case home
    case incidentList(page: Int)
    case incident(index: Int)
    /// A page of a taxonomy's index; long indexes (tens of thousands of ASNs) are split.
    case taxonomyIndex(Taxonomy, page: Int)
    case term(Taxonomy, termIndex: Int, page: Int)
    case page(index: Int)
    case timeline
    case notFound
    /// `/search/`, when site.yml turns search on.
    case search

    /// Every page of the site, in a fixed order.
    package static func all(for graph: SiteGraph) -> [PageJob] {
        var jobs: [PageJob] = [.home, .timeline, .notFound]
        if graph.config.search != nil { jobs.append(.search) }
        let perPage = graph.config.perPage
        let pageCount = { (n: Int) in max(1, (n + perPage - 1) / perPage) }
        jobs += (1...pageCount(graph.incidents.count)).map { .incidentList(page: $0) }
        jobs += graph.incidents.indices.map { .incident(index: $0) }
        for taxonomy in Taxonomy.allCases {
            let terms = taxonomy.terms(in: graph)
            jobs += (1...max(1, (terms.count + Taxonomy.termsPerPage - 1) / Taxonomy.termsPerPage)).map { .taxonomyIndex(taxonomy, page: $0) }
            for (termIndex, term) in taxonomy.terms(in: graph).enumerated() {
                jobs += (1...pageCount(term.incidents.count)).map { .term(taxonomy, termIndex: termIndex, page: $0) }
            }
        }
        jobs += graph.pages.indices.map { .page(index: $0) }
        return jobs
    }

    /// The theme template the page is rendered with.
    package var template: String {
        switch self {
        case .home: "home"
        case .incidentList, .term: "list"
        case .incident: "incident"
        case .taxonomyIndex: "terms"
        case .page: "page"
        case .timeline: "timeline"
        case .notFound: "404"
        case .search: "search"
        }
    }

    /// The output path of the page ("" for home, folders end in "/").
    package func path(in graph: SiteGraph) -> String {
        switch self {
        case .notFound: "404.html"
        case .search: SitePaths.search
        case .home: SitePaths.home
        case .timeline: SitePaths.timeline
        case .incidentList(let page): SitePaths.listPage(SitePaths.incidents, page)
        case .incident(let i): SitePaths.incident(graph.incidents[i].slug)
        case .taxonomyIndex(let t, let page): SitePaths.listPage(t.base, page)
        case .term(let t, let termIndex, let page): SitePaths.listPage(t.path(of: t.terms(in: graph)[termIndex]), page)
        case .page(let i): SitePaths.page(graph.pages[i].slug)
        }
    }
}
