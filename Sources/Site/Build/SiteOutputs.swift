import Charts
import Diagnostics
import Foundation
import OutageData
import SiteModel
import SiteRender

/// One file of the built site.
struct OutputFile: Sendable {
    enum Content: Sendable {
        case text(String)
        case bytes([UInt8])
        /// A large file made in pieces and written as they come, never held whole.
        case streamed(@Sendable (_ emit: ([UInt8]) -> Void) -> Void)
        /// A file copied from this absolute path.
        case copy(String)

        /// The content as text, for checks that read pages; nil for a copied file.
        var text: String? {
            if case .text(let text) = self { return text }
            return bytes.map { String(decoding: $0, as: UTF8.self) }
        }

        /// The content whole (a streamed file is made now); nil for a copied file.
        var bytes: [UInt8]? {
            switch self {
            case .text(let text): Array(text.utf8)
            case .bytes(let bytes): bytes
            case .streamed(let produce):
                {
                    var bytes: [UInt8] = []
                    produce { bytes += $0 }
                    return bytes
                }()
            case .copy: nil
            }
        }
    }

    var path: String
    var content: Content
    /// The user's file the output comes from, for diagnostics found later (broken links).
    var origin: String
}

/// Produces every file of the site (SPEC §7), rendering HTML pages in parallel. The caller
/// decides what happens to each file: the build writes it, `check` inspects it.
struct SiteOutputs: Sendable {
    let site: PreparedSite
    let theme: Theme
    /// Every page, in a fixed order.
    let jobs: [PageJob]

    init(site: PreparedSite, theme: Theme) {
        self.init(site: site, theme: theme, jobs: PageJob.all(for: site.graph))
    }

    /// With the jobs of a graph of the same shape (`serve`'s patched rebuilds).
    init(site: PreparedSite, theme: Theme, jobs: [PageJob]) {
        self.site = site
        self.theme = theme
        self.jobs = jobs
    }

    var graph: SiteGraph { site.graph }

    /// How many HTML pages `produce` will deliver.
    var pageCount: Int { jobs.count }

    /// Calls `consume` for every output file, from several threads at once. Render failures and
    /// errors thrown by `consume` are reported to `log`.
    func produce(log: DiagnosticLog, consume: @Sendable (OutputFile) throws -> Void) {
        let renderer = PageRenderer(site: site, theme: theme)
        let jobs = self.jobs
        // Job 0 writes the site-wide files, beside the pages rather than after them.
        DispatchQueue.concurrentPerform(iterations: jobs.count + 1) { number in
            guard number > 0 else {
                for file in siteFiles() { deliver(file, consume, log) }
                // The streamed file delivers each incident.json while it is consumed, and is
                // consumed before deliver returns (FileCollector materializes it at once).
                withoutActuallyEscaping(consume) { consume in
                    deliver(incidentsJSON(consume, log), consume, log)
                }
                return
            }
            switch files(of: jobs[number - 1], renderer: renderer) {
            case .failure(let diagnostic): log.add(diagnostic)
            case .success(let files):
                for file in files { deliver(file, consume, log) }
            }
        }
    }

    /// A job's page and, for an incident, its charts and the bundle's own files.
    func files(of job: PageJob, renderer: PageRenderer) -> Result<[OutputFile], Diagnostic> {
        var charts: IncidentCharts?
        if case .incident(let i) = job {
            // Without series or timeline there is nothing to draw (and the incident, a
            // large value, is not copied out of the graph for it).
            charts = graph.incidents[i].seriesData.isEmpty && graph.incidents[i].timeline.isEmpty
                ? IncidentCharts.none : IncidentCharts(graph.incidents[i], config: graph.config)
        }
        return renderer.render(job, charts: charts).map { page in
            var files = [OutputFile(path: SitePaths.file(for: page.path), content: .bytes(page.html), origin: Self.origin(of: job, in: graph))]
            if case .incident(let i) = job, let charts { files += incidentFiles(i, charts: charts) }
            return files
        }
    }

    /// incidents.json, streamed; each incident's JSON is made once on the way, delivered as its
    /// own incident.json and dropped, so a build never holds them all (60 MB at 50,000 incidents).
    private func incidentsJSON(_ consume: @escaping @Sendable (OutputFile) throws -> Void, _ log: DiagnosticLog) -> OutputFile {
        let graph = self.graph
        return OutputFile(path: "incidents.json", content: .streamed { emit in
            IncidentJSON.archive(graph, emit: emit) { index in
                let incident = graph.incidents[index]
                let json = IncidentJSON.incident(incident, config: graph.config)
                deliver(OutputFile(path: SitePaths.incident(incident.slug) + "incident.json", content: .bytes(json + [0x0A]),
                                   origin: incident.sourcePath), consume, log)
                return json
            }
        }, origin: "content/incidents")
    }

    /// The feed, robots.txt, the sitemaps and the theme's assets.
    func siteFiles() -> [OutputFile] {
        var files: [OutputFile] = [
            OutputFile(path: "feed.xml", content: .text(Feeds.atom(graph)), origin: "site.yml"),
            OutputFile(path: "robots.txt", content: .text(Feeds.robots(config: graph.config)), origin: "site.yml"),
        ]
        files += Feeds.sitemaps(paths: Self.sitemapPaths(jobs, graph: graph), config: graph.config)
            .map { OutputFile(path: $0.path, content: .text($0.text), origin: "site.yml") }
        files += theme.assets.map { OutputFile(path: "assets/" + $0.path, content: .bytes($0.data), origin: "templates/assets/\($0.path)") }
        // The world under every locator map, unless the theme brings a file of that name.
        if !graph.countries.isEmpty, !theme.assets.contains(where: { "assets/" + $0.path == WorldLocator.basePath }) {
            files.append(OutputFile(path: WorldLocator.basePath, content: .text(WorldLocator.base), origin: "site.yml"))
        }
        return files
    }

    private func deliver(_ file: OutputFile, _ consume: (OutputFile) throws -> Void, _ log: DiagnosticLog) {
        do {
            try consume(file)
        } catch {
            log.error("cannot write \(file.path): \(error.localizedDescription)", at: SourceLocation(file: file.origin))
        }
    }

    /// The standalone charts and the bundle's own files, beside the incident's page (its
    /// incident.json comes with incidents.json).
    func incidentFiles(_ index: Int, charts: IncidentCharts) -> [OutputFile] {
        let incident = graph.incidents[index]
        let folder = SitePaths.incident(incident.slug)
        var files: [OutputFile] = []
        for (name, svg) in charts.files {
            files.append(OutputFile(path: folder + name, content: .bytes(svg), origin: incident.sourcePath))
        }
        // Names the build writes itself were left out of bundleFiles at load, with a warning.
        for name in incident.bundleFiles {
            if let source = incident.bundlePath(name) {
                files.append(OutputFile(path: folder + name, content: .copy(source), origin: incident.sourcePath))
            }
        }
        return files
    }

    static func origin(of job: PageJob, in graph: SiteGraph) -> String {
        switch job {
        case .incident(let i): graph.incidents[i].sourcePath
        case .page(let i): graph.pages[i].sourcePath
        case .home: graph.home == nil ? "templates/home.mustache" : "content/_index.md"
        case .incidentList, .term: "templates/list.mustache"
        case .taxonomyIndex: "templates/terms.mustache"
        case .timeline: "templates/timeline.mustache"
        case .notFound: "templates/404.mustache"
        case .search: "templates/search.mustache"
        }
    }

    /// The page paths in job order (a stable order), for the sitemap.
    static func sitemapPaths(_ jobs: [PageJob], graph: SiteGraph) -> [String] {
        jobs.filter { if case .notFound = $0 { false } else { true } }.map { $0.path(in: graph) }
    }
}
