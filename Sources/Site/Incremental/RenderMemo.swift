import SiteFiles
import SiteModel
import SiteRender
import Synchronization

/// The pages `serve` rendered last time, each with a key made of everything its output
/// depends on; a page whose key is unchanged is not rendered again.
///
/// What a page depends on (read from Render/View): every page has the frame (site.yml, which
/// empties the memo, and the menu) and its template with its partials. On top of that:
/// - an incident's page, charts, copied bundle files and incident.json: that incident;
/// - a page of a list (all incidents, or a term's: a country, a year, …): the incidents on it,
///   and what the list shows of all its members: their number, and for each its year and
///   duration (the count line, the pagination, a country's hours per year and chart);
/// - a taxonomy's index: each term's key, name, count and hours;
/// - home and the timeline: every incident;
/// - a content page: its own file.
/// An incident's version covers everything it was loaded from (`LoadCache.versions(of:)`).
final class RenderMemo: Sendable {
    struct Entry: Sendable {
        var key: Fingerprint
        /// The page and, for an incident, its other files.
        var files: [(path: String, bytes: [UInt8])]
        /// An incident's entry in incidents.json.
        var archiveEntry: [UInt8]?
    }

    private struct State {
        /// By the page's file path.
        var entries: [String: Entry] = [:]
        /// The site-wide files (feed, sitemaps, assets, incidents.json) of the last rebuild.
        var siteFiles: Set<String> = []
    }
    private let state = Mutex(State())

    /// Whether nothing is held (the first build, or after a reset): then every file is fresh.
    var isEmpty: Bool { state.withLock { $0.entries.isEmpty && $0.siteFiles.isEmpty } }

    func reset() { state.withLock { $0 = State() } }

    /// How many files the site held has.
    var fileCount: Int { state.withLock { $0.entries.values.reduce($0.siteFiles.count) { $0 + $1.files.count } } }

    func holds(_ path: String, key: Fingerprint) -> Bool {
        state.withLock { $0.entries[path]?.key == key }
    }

    /// Stores a page's entry; returns the files its previous entry had and this one does not.
    func store(_ path: String, _ entry: Entry) -> Set<String> {
        let old = state.withLock { state in
            defer { state.entries[path] = entry }
            return state.entries[path]
        }
        guard let old else { return [] }
        return Set(old.files.map(\.path)).subtracting(entry.files.map(\.path))
    }

    /// Keeps only the pages of the current site; returns the files of the others.
    func keep(only paths: Set<String>) -> Set<String> {
        state.withLock { state in
            var gone: Set<String> = []
            for (path, entry) in state.entries where !paths.contains(path) {
                gone.formUnion(entry.files.map(\.path))
                state.entries[path] = nil
            }
            return gone
        }
    }

    /// Records this rebuild's site-wide files; returns those of the last one that are gone.
    func replaceSiteFiles(_ paths: Set<String>) -> Set<String> {
        state.withLock { state in
            defer { state.siteFiles = paths }
            return state.siteFiles.subtracting(paths)
        }
    }

    /// The incidents.json entry of the incident whose page is at `path`.
    func archiveEntry(_ path: String) -> [UInt8]? {
        state.withLock { $0.entries[path]?.archiveEntry }
    }

    /// Each incident's incidents.json entry, by its index in the graph.
    func archiveEntries(_ pagePaths: [String], jobs: [PageJob], count: Int) -> [[UInt8]] {
        state.withLock { state in
            var entries = [[UInt8]](repeating: [], count: count)
            for (index, job) in jobs.enumerated() {
                if case .incident(let i) = job, let entry = state.entries[pagePaths[index]]?.archiveEntry { entries[i] = entry }
            }
            return entries
        }
    }

}

/// What page keys are made of, computed once per rebuild (see `RenderMemo`).
struct PageKeys: Sendable {
    private(set) var graph: SiteGraph
    let theme: Theme
    private(set) var versions: [Fingerprint]
    let pageVersions: [Fingerprint]
    let homeVersion: Fingerprint
    private let frame: Fingerprint
    private var allIncidents: Fingerprint
    /// What every list shows of all its members: the incident list's, and each term's.
    private let everyIncident: Fingerprint
    private let termMembers: [Taxonomy: [Fingerprint]]
    /// What a taxonomy's index shows: each term's key, name, count and hours.
    private let indexes: [Taxonomy: Fingerprint]

    init(graph: SiteGraph, theme: Theme, versions: [Fingerprint], pageVersions: [Fingerprint], homeVersion: Fingerprint) {
        self.graph = graph
        self.theme = theme
        self.versions = versions
        self.pageVersions = pageVersions
        self.homeVersion = homeVersion
        var frame = KeyHasher()
        for page in graph.menuPages {
            frame.add(page.title)
            frame.add(page.slug)
        }
        self.frame = frame.finish()
        allIncidents = Self.combined(versions)
        func members(_ indices: [Int]) -> Fingerprint {
            var hasher = KeyHasher()
            hasher.add(indices.count)
            for index in indices {
                hasher.add(graph.incidents[index].start.year)
                hasher.add(graph.incidents[index].durationSeconds.map { UInt64(bitPattern: $0) } ?? UInt64.max)
            }
            return hasher.finish()
        }
        everyIncident = members(Array(graph.incidents.indices))
        var termMembers: [Taxonomy: [Fingerprint]] = [:]
        var indexes: [Taxonomy: Fingerprint] = [:]
        for taxonomy in Taxonomy.allCases {
            let terms = taxonomy.terms(in: graph)
            termMembers[taxonomy] = terms.map { members($0.incidents) }
            var index = KeyHasher()
            for term in terms {
                index.add(term.key)
                index.add(term.name)
                index.add(term.incidents.count)
                index.add(term.outageHours.bitPattern)
            }
            indexes[taxonomy] = index.finish()
        }
        self.termMembers = termMembers
        self.indexes = indexes
    }

    private static func combined(_ versions: [Fingerprint]) -> Fingerprint {
        var all = KeyHasher()
        for version in versions { all.add(version) }
        return all.finish()
    }

    /// The keys of a patched graph (`SiteGraph.replacing`): its terms, counts and hours are
    /// the same, so only the incidents' versions are new.
    func replacing(graph: SiteGraph, versions: [Fingerprint]) -> PageKeys {
        var keys = self
        keys.graph = graph
        keys.versions = versions
        keys.allIncidents = Self.combined(versions)
        return keys
    }

    /// The key of `job`, whose page is at `path`.
    func key(_ job: PageJob, path: String) -> Fingerprint {
        let none = Fingerprint(low: 0, high: 0)
        let perPage = graph.config.perPage
        var hasher = KeyHasher()
        hasher.add(frame)
        hasher.add(theme.templatePrints[job.template] ?? none)
        hasher.add(path)
        switch job {
        case .incident(let index):
            hasher.add(versions[index])
        case .incidentList(let number):
            hasher.add(everyIncident)
            for version in versions.dropFirst((number - 1) * perPage).prefix(perPage) { hasher.add(version) }
        case .term(let taxonomy, let termIndex, let number):
            let term = taxonomy.terms(in: graph)[termIndex]
            hasher.add(term.name)
            hasher.add(termMembers[taxonomy]?[termIndex] ?? none)
            for index in term.incidents.dropFirst((number - 1) * perPage).prefix(perPage) { hasher.add(versions[index]) }
        case .taxonomyIndex(let taxonomy, _):
            hasher.add(indexes[taxonomy] ?? none)
        case .home:
            hasher.add(homeVersion)
            hasher.add(allIncidents)
        case .timeline:
            hasher.add(allIncidents)
        case .page(let index):
            hasher.add(pageVersions[index])
        case .notFound, .search:
            break
        }
        return hasher.finish()
    }
}
