import Diagnostics
import Foundation
import OutageData
import SiteFiles
import SiteModel
import Synchronization

/// Everything read from a site folder, validated. Rendering starts from here.
public struct LoadedSite: Sendable {
    public var root: URL
    public var config: SiteConfig
    public var incidents: [Incident]
    public var pages: [Page]
    public var home: HomeText?
    public var datasets: [DatasetSummary] = []
}

/// Load phase: reads site.yml and content/, in parallel, collecting every diagnostic.
public struct ContentLoader {
    public var root: URL
    public var includeDrafts: Bool

    public init(root: URL, includeDrafts: Bool = false) {
        self.root = root
        self.includeDrafts = includeDrafts
    }

    /// Top-level names the generator writes itself; a page cannot take them.
    static let reservedPageSlugs: Set<String> = [
        "incidents", "countries", "asns", "causes", "tags", "years", "timeline", "assets", "page",
        "feed.xml", "sitemap.xml", "robots.txt", "404.html", "incidents.json", "index.html",
        // Taken whether or not site.yml turns search on, so turning it on breaks no page.
        "search", "pagefind",
    ]

    /// With a cache (`serve`), jobs it still holds are not run again and the datasets are not
    /// read again while it holds them.
    package func load(into log: DiagnosticLog, cache: LoadCache?) -> LoadedSite {
        let site = SiteFolder(root: root)
        let config = loadConfig(site: site, into: log)
        var jobs: [Job] = []
        let content = root.appendingPathComponent("content")
        if !FileWalker.isDirectory(content) {
            log.warning("no content/ folder: the site has no incidents or pages yet", at: SourceLocation(file: "content"))
        }
        jobs += incidentJobs(in: content.appendingPathComponent("incidents"), site: site, log: log)
        for entry in FileWalker.entries(of: content.appendingPathComponent("pages")) where !entry.isDirectory {
            guard entry.name.hasSuffix(".md") else { continue }
            jobs.append(.page(file: "content/pages/\(entry.name)", slug: String(entry.name.dropLast(3))))
        }
        let homeFile = content.appendingPathComponent("_index.md")
        if site.inspect(homeFile) != .missing { jobs.append(.home(file: "content/_index.md")) }

        let results = runConcurrently(jobs, config: config, site: site, cache: cache)
        var incidents: [Incident] = []
        var pages: [Page] = []
        var home: HomeText?
        for result in results {
            log.add(contentsOf: result.diagnostics)
            switch result.value {
            case .incident(let incident): incidents.append(incident)
            case .page(let page): pages.append(page)
            case .home(let text): home = text
            case .none: break
            }
        }
        let (rows, datasets) = loadDatasets(site: site, cache: cache, log: log)
        incidents = Self.merge(writeups: incidents, rows: rows, log: log)
        checkUniqueness(incidents: incidents, pages: pages, log: log)
        if !includeDrafts {
            incidents.removeAll(where: \.draft)
            pages.removeAll(where: \.draft)
        }
        return LoadedSite(root: root, config: config, incidents: incidents, pages: pages, home: home, datasets: datasets)
    }

    public func load(into log: DiagnosticLog) -> LoadedSite {
        load(into: log, cache: nil)
    }

    private func loadDatasets(site: SiteFolder, cache: LoadCache?, log: DiagnosticLog) -> (incidents: [Incident], summaries: [DatasetSummary]) {
        guard let cache else { return DatasetLoader(root: root, site: site).load(into: log) }
        if let kept = cache.datasets() {
            log.add(contentsOf: kept.diagnostics)
            return (kept.incidents, kept.summaries)
        }
        let own = DiagnosticLog()
        let loaded = DatasetLoader(root: root, site: site).load(into: own)
        cache.storeDatasets(loaded.incidents, loaded.summaries, own.sorted)
        log.add(contentsOf: own.sorted)
        return loaded
    }

    /// Dataset rows join writeups with the same `id`; the other rows are incidents of their own.
    static func merge(writeups: [Incident], rows: [Incident], log: DiagnosticLog) -> [Incident] {
        guard !rows.isEmpty else { return writeups }
        var byID: [String: Int] = [:]
        for (index, writeup) in writeups.enumerated() {
            if let id = writeup.id, byID[id] == nil { byID[id] = index }
        }
        var result = writeups
        for row in rows {
            if let id = row.id, let index = byID[id] {
                let merged = WriteupMerge.merge(row: row, writeup: writeups[index])
                if let problem = WriteupMerge.problem(merged, row: row, writeup: writeups[index]) { log.add(problem) }
                result[index] = merged
            } else {
                result.append(row)
            }
        }
        return result
    }

    // MARK: site.yml

    func loadConfig(site: SiteFolder, into log: DiagnosticLog) -> SiteConfig {
        let url = root.appendingPathComponent("site.yml")
        guard site.inspect(url) != .missing else { return SiteConfig() }
        switch TextFile.read(url, displayPath: "site.yml", site: site) {
        case .failure(let diagnostic):
            log.add(diagnostic)
            return SiteConfig()
        case .success(let text):
            var reader = YAMLReader(file: "site.yml")
            let config = SiteConfig.parse(text, reader: &reader)
            log.add(contentsOf: reader.diagnostics)
            return config
        }
    }

    // MARK: Jobs

    enum Job: Sendable {
        /// A single-file incident.
        case incident(file: String, slug: String)
        /// A folder of content/incidents: its files are listed by the job, in parallel.
        case bundle(display: String, slug: String, path: String)
        case page(file: String, slug: String)
        case home(file: String)

        /// The site-relative path the job reads: its file, or its bundle's folder.
        var key: String {
            switch self {
            case .incident(let file, _), .page(let file, _), .home(let file): file
            case .bundle(let display, _, _): display
            }
        }

        /// The `sourcePath` of what it loads.
        var sourcePath: String {
            switch self {
            case .incident(let file, _), .page(let file, _), .home(let file): file
            case .bundle(let display, _, _): display + "/index.md"
            }
        }
    }

    enum Loaded: Sendable {
        case incident(Incident)
        case page(Page)
        case home(HomeText)
    }

    struct JobResult: Sendable {
        var value: Loaded?
        var diagnostics: [Diagnostic]
        /// What was read, for the cache's version (not kept).
        var text: String?
        var bundleFiles: [String]?
    }

    /// A job's result as it is passed around and cached: a reference, so that handing on a
    /// loaded incident (a large value) costs one retain, not a copy.
    final class LoadedJob: Sendable {
        let value: Loaded?
        let diagnostics: [Diagnostic]
        /// The version of what it read (`version(of:result:root:)`), when a cache asked for it.
        let version: Fingerprint

        init(value: Loaded?, diagnostics: [Diagnostic], version: Fingerprint) {
            self.value = value
            self.diagnostics = diagnostics
            self.version = version
        }
    }

    private func incidentJobs(in directory: URL, site: SiteFolder, log: DiagnosticLog) -> [Job] {
        var jobs: [Job] = []
        for entry in FileWalker.entries(of: directory) {
            let display = "content/incidents/\(entry.name)"
            if entry.isDirectory {
                jobs.append(.bundle(display: display, slug: Slug.fromFileName(entry.name), path: FileWalker.joined(directory.path, entry.name)))
            } else if entry.isSymlink, case .folder = site.inspect(path: FileWalker.joined(directory.path, entry.name)) {
                log.warning("a symbolic link to a folder is not followed; it is ignored", at: SourceLocation(file: display))
            } else if entry.name.hasSuffix(".md") {
                jobs.append(.incident(file: display, slug: Slug.fromFileName(String(entry.name.dropLast(3)))))
            } else {
                log.warning("not a Markdown file or a bundle folder; it is ignored (data files belong in a bundle)", at: SourceLocation(file: display))
            }
        }
        return jobs
    }

    private func runConcurrently(_ jobs: [Job], config: SiteConfig, site: SiteFolder, cache: LoadCache?) -> [LoadedJob] {
        let results = ResultSlots<LoadedJob>(count: jobs.count)
        let root = self.root.path
        // With a cache, only the jobs it does not hold run; each is stored with its version.
        let toRun = cache == nil ? Array(jobs.indices) : jobs.indices.filter { index in
            guard let kept = cache?.job(jobs[index].key) else { return true }
            results.set(index, kept)
            return false
        }
        ReadAhead.start(toRun.map { index in
            switch jobs[index] {
            case .incident(let file, _), .page(let file, _), .home(let file): FileWalker.joined(root, file)
            case .bundle(_, _, let path): FileWalker.joined(path, "index.md")
            }
        })
        DispatchQueue.concurrentPerform(iterations: toRun.count) { n in
            let job = jobs[toRun[n]]
            let result = Self.run(job, root: root, config: config, site: site)
            let version = cache == nil ? Fingerprint(low: 0, high: 0) : Self.version(of: job, result: result, root: root)
            let loaded = LoadedJob(value: result.value, diagnostics: result.diagnostics, version: version)
            results.set(toRun[n], loaded)
            cache?.store(job.key, loaded)
        }
        let loaded = results.values.compactMap { $0 }
        if let cache {
            var versions: [String: Fingerprint] = [:]
            versions.reserveCapacity(jobs.count)
            for (job, result) in zip(jobs, loaded) { versions[job.sourcePath] = result.version }
            cache.setVersions(versions)
        }
        return loaded
    }

    /// For `serve`: reads again the incidents at `keys` (site-relative: a Markdown file or a
    /// bundle folder directly in content/incidents, as the cache names their jobs), and stores
    /// them in `cache`: each incident (nil when its file has errors) with its diagnostics. Nil
    /// when a key is not such an incident now (gone, or of another kind).
    package func reload(_ keys: [String], config: SiteConfig, cache: LoadCache) -> [(incident: Incident?, diagnostics: [Diagnostic])]? {
        let site = SiteFolder(root: root)
        let directory = root.appendingPathComponent("content/incidents").path
        var jobs: [Job] = []
        for key in keys {
            guard key.hasPrefix("content/incidents/") else { return nil }
            let name = String(key.dropFirst("content/incidents/".count))
            guard !name.isEmpty, !name.contains("/") else { return nil }
            let path = FileWalker.joined(directory, name)
            var info = stat()
            guard lstat(path, &info) == 0 else { return nil }
            switch info.st_mode & S_IFMT {
            case S_IFDIR: jobs.append(.bundle(display: key, slug: Slug.fromFileName(name), path: path))
            case S_IFREG where name.hasSuffix(".md"): jobs.append(.incident(file: key, slug: Slug.fromFileName(String(name.dropLast(3)))))
            default: return nil
            }
        }
        let rootPath = root.path
        return jobs.map { job in
            let result = Self.run(job, root: rootPath, config: config, site: site)
            let loaded = LoadedJob(value: result.value, diagnostics: result.diagnostics,
                                   version: Self.version(of: job, result: result, root: rootPath))
            cache.store(job.key, loaded)
            cache.updateVersion(of: job.sourcePath, to: loaded.version)
            guard case .incident(let incident) = loaded.value else { return (nil, loaded.diagnostics) }
            return (incident, loaded.diagnostics)
        }
    }

    /// A version of what a job read: its path (which gives the slug), its text, and for a bundle
    /// the name, size, times and inode of every other file in it (its series and data), which
    /// the incident's outputs depend on.
    private static func version(of job: Job, result: JobResult, root: String) -> Fingerprint {
        var hasher = KeyHasher()
        hasher.add(job.key)
        var text = result.text ?? ""
        hasher.add(text.withUTF8 { Fingerprint(UnsafeRawBufferPointer($0)) })
        if case .bundle(_, _, let path) = job, let files = result.bundleFiles {
            for name in files {
                var info = stat()
                hasher.add(name)
                if stat(FileWalker.joined(path, name), &info) == 0 {
                    for value in [Int64(info.st_size), Int64(info.st_mtim.tv_sec), Int64(info.st_mtim.tv_nsec),
                                  Int64(info.st_ctim.tv_sec), Int64(info.st_ctim.tv_nsec), Int64(bitPattern: UInt64(info.st_ino))] {
                        hasher.add(UInt64(bitPattern: value))
                    }
                }
            }
        }
        return hasher.finish()
    }

    private static func run(_ job: Job, root: String, config: SiteConfig, site: SiteFolder) -> JobResult {
        var diagnostics: [Diagnostic] = []
        let file: String
        var bundle: (path: String, files: [String])?
        switch job {
        case .incident(let f, _), .page(let f, _), .home(let f): file = f
        case .bundle(let display, _, let path):
            let (files, walkDiagnostics) = FileWalker.files(underPath: path, site: site, display: display)
            diagnostics = walkDiagnostics
            guard files.contains("index.md") else {
                diagnostics.append(.warning("folder has no index.md, so it is not an incident bundle; it is ignored", at: SourceLocation(file: display)))
                return JobResult(value: nil, diagnostics: diagnostics)
            }
            file = display + "/index.md"
            bundle = (path, files.filter { $0 != "index.md" })
        }
        let text: String
        switch TextFile.read(path: FileWalker.joined(root, file), displayPath: file, site: site) {
        case .failure(let diagnostic): return JobResult(value: nil, diagnostics: diagnostics + [diagnostic])
        case .success(let t): text = t
        }
        let value: Loaded?
        switch job {
        case .incident(_, let slug), .bundle(_, let slug, _):
            value = IncidentLoader(unsafeHTML: config.unsafeHTML)
                .load(text: text, file: file, defaultSlug: slug, bundleDirectory: bundle?.path, bundleFiles: bundle?.files, diagnostics: &diagnostics)
                .map(Loaded.incident)
        case .page(_, let slug):
            value = PageLoader(unsafeHTML: config.unsafeHTML).loadPage(text: text, file: file, defaultSlug: slug, diagnostics: &diagnostics).map(Loaded.page)
        case .home:
            value = PageLoader(unsafeHTML: config.unsafeHTML).loadHome(text: text, file: file, diagnostics: &diagnostics).map(Loaded.home)
        }
        return JobResult(value: value, diagnostics: diagnostics, text: text, bundleFiles: bundle?.files)
    }

    // MARK: Site-wide rules

    /// Two incidents with one slug or one id, or a page on a reserved or taken path, are errors
    /// naming both files. Files are visited in path order so the later one is reported.
    private func checkUniqueness(incidents: [Incident], pages: [Page], log: DiagnosticLog) {
        if Self.allDistinct(incidents) {
            checkPages(pages, log: log)
            return
        }
        var slugs: [String: String] = [:]
        var ids: [String: String] = [:]
        // Dataset rows share their table's path: their line breaks the tie, so which of two
        // is reported does not depend on the sort.
        // Indices are sorted, not the incidents: an Incident is large to move.
        let order = incidents.indices.sorted {
            (incidents[$0].sourcePath, incidents[$0].slugLocation) < (incidents[$1].sourcePath, incidents[$1].slugLocation)
        }
        for index in order {
            let sourcePath = incidents[index].sourcePath, slug = incidents[index].slug
            if let first = slugs[slug] {
                log.error("slug \"\(slug)\" is also used by \(first): give one of them another \"slug\"", at: incidents[index].slugLocation)
            } else {
                slugs[slug] = sourcePath
            }
            if let id = incidents[index].id {
                if let first = ids[id] {
                    log.error("id \"\(id)\" is also used by \(first)", at: SourceLocation(file: sourcePath, line: 1, column: 1))
                } else {
                    ids[id] = sourcePath
                }
            }
        }
        checkPages(pages, log: log)
    }

    /// Whether no two incidents share a slug or an id: the usual case, told without sorting
    /// (the sort, which makes the report not depend on the load order, is for duplicates).
    private static func allDistinct(_ incidents: [Incident]) -> Bool {
        var slugs = Set<String>(minimumCapacity: incidents.count)
        var ids = Set<String>(minimumCapacity: incidents.count)
        for incident in incidents {
            guard slugs.insert(incident.slug).inserted else { return false }
            if let id = incident.id, !ids.insert(id).inserted { return false }
        }
        return true
    }

    private func checkPages(_ pages: [Page], log: DiagnosticLog) {
        var pageSlugs: [String: String] = [:]
        for page in pages.sorted(by: { $0.sourcePath < $1.sourcePath }) {
            let at = page.slugLocation
            if Self.reservedPageSlugs.contains(page.slug) {
                log.error("page slug \"\(page.slug)\" is a path Blackout writes itself: set another \"slug\"", at: at)
            } else if let first = pageSlugs[page.slug] {
                log.error("slug \"\(page.slug)\" is also used by \(first): give one of them another \"slug\"", at: at)
            } else {
                pageSlugs[page.slug] = page.sourcePath
            }
        }
    }
}

/// Fixed slots filled from concurrent work; each index is written once, by one task.
final class ResultSlots<T: Sendable>: Sendable {
    private let slots: Mutex<[T?]>

    init(count: Int) { slots = Mutex(Array(repeating: nil, count: count)) }

    func set(_ index: Int, _ value: T) {
        slots.withLock { $0[index] = value }
    }

    var values: [T?] { slots.withLock { $0 } }
}
