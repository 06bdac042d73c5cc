import Diagnostics
import Foundation
import Logging
import OutageData
import SiteLoad
import SiteModel
import SiteRender
import Synchronization

/// What a build or check is asked to do.
public struct BuildOptions: Sendable {
    public var siteRoot: URL
    public var output: URL
    public var baseURL: String?
    public var includeDrafts: Bool
    /// Replace an output folder Blackout did not make.
    public var force: Bool

    public init(siteRoot: URL, output: URL? = nil, baseURL: String? = nil, includeDrafts: Bool = false, force: Bool = false) {
        self.siteRoot = siteRoot
        self.output = output ?? siteRoot.appendingPathComponent("public")
        self.baseURL = baseURL
        self.includeDrafts = includeDrafts
        self.force = force
    }
}

public struct BuildSummary: Sendable {
    public var pages: Int
    public var files: Int
    public var incidents: Int
    /// One line per dataset: rows read, published, skipped.
    public var datasets: [DatasetSummary] = []
    /// Files of Pagefind's index (`search: true`), not counted in `files`.
    public var searchFiles = 0
}

/// The pipeline: load → validate → render → write, each phase visible here.
public struct SiteBuilder: Sendable {
    public let options: BuildOptions
    let logger: Logger
    /// Called from worker threads as pages are written: (phase, done, total). The CLI draws a
    /// progress line from it on a terminal.
    public var progress: (@Sendable (String, Int, Int) -> Void)?
    /// Called once when another build holds the output's lock and this one waits for it.
    public var waiting: (@Sendable (String) -> Void)?
    /// For a process that exits as soon as the build returns (`blackout build`): the loaded
    /// archive and its pages' views are then not freed object by object, which took one core
    /// 25–30 ms at the end of a 1 s build of 10,000 incidents; the system takes the memory back
    /// at exit, as compilers leave theirs (clang's -disable-free). `serve` builds again and
    /// leaves this off.
    public var leavesMemoryToExit = false

    /// Without a logger, phase timings are not logged (they are info-level; the CLI's
    /// --verbose passes a logger that shows them).
    public init(options: BuildOptions, logger: Logger? = nil) {
        self.options = options
        self.logger = logger ?? {
            var quiet = Logger(label: "blackout")
            quiet.logLevel = .notice
            return quiet
        }()
    }

    /// The dataset summaries of the last load, printed even when the build fails (the
    /// numbers say how many rows were invalid).
    public let datasetReport = DatasetReport()

    /// Load and validate everything; nil when errors make rendering pointless. With a series
    /// cache, unchanged series come from it; `seriesRead` receives what the next cache holds.
    /// With a load cache (`serve`), unchanged files are not read again.
    func loadGraph(into log: DiagnosticLog, seriesCache: (any ReducedSeriesStore)? = nil, loadCache: LoadCache? = nil,
                   seriesRead: ((SeriesLoader.CacheEntries) -> Void)? = nil) -> (SiteGraph, Theme)? {
        var clock = PhaseClock(logger: logger)
        var site = ContentLoader(root: options.siteRoot, includeDrafts: options.includeDrafts).load(into: log, cache: loadCache)
        if let baseURL = options.baseURL {
            switch Result(catching: { () throws(OutageData.ValueError) -> String in try validateBaseURL(baseURL) }) {
            case .success(let url): site.config.baseURL = url.hasSuffix("/") ? url : url + "/"
            case .failure(let error): log.error("--base-url \(error.message)", at: SourceLocation(file: "--base-url"))
            }
        }
        datasetReport.set(site.datasets)
        clock.lap("load \(site.incidents.count) incidents, \(site.pages.count) pages, \(site.datasets.count) datasets")
        let read = SeriesLoader(maxPoints: site.config.charts.maxPoints, cache: seriesCache).load(into: &site.incidents, log: log)
        seriesRead?(read)
        clock.lap("read series")
        let theme = Theme.load(siteRoot: options.siteRoot, into: log)
        clock.lap("load theme")
        // Found now, so a missing Pagefind fails the build (and `check`) before any rendering.
        if let search = site.config.search, case .failure(let problem) = Pagefind.locate(search, siteRoot: options.siteRoot) {
            log.add(problem)
        }
        guard !log.hasErrors else { return nil }
        let graph = SiteGraph(config: site.config, incidents: site.incidents, pages: site.pages, home: site.home)
        clock.lap("site graph")
        return (graph, theme)
    }

    /// Builds into a staging folder and swaps it in only when the whole build succeeded.
    public func build(into log: DiagnosticLog) -> BuildSummary? {
        let folder = OutputFolder(url: options.output)
        let claimed: ClaimedOutput
        switch folder.claim(siteRoot: options.siteRoot, force: options.force, waiting: { waiting?($0) }) {
        case .failure(let problem):
            log.add(problem)
            return nil
        case .success(let claim): claimed = claim
        }
        // The lock is held until here, whatever happens in between.
        defer { withExtendedLifetime(claimed) {} }
        // The staging folder is made (the kept site listed, which waits on the disk more than it
        // computes) while the content loads.
        let staged = BackgroundStaging(claimed)
        var seriesRead: SeriesLoader.CacheEntries = []
        let loaded = loadGraph(into: log, seriesCache: SeriesCache(path: claimed.seriesCachePath)) { seriesRead = $0 }
        var clock = PhaseClock(logger: logger)
        let staging: URL
        switch staged.wait() {
        case .failure(let error):
            log.error("\(error)", at: SourceLocation(file: folder.url.path))
            return nil
        case .success(let url): staging = url
        }
        clock.lap(claimed.previous == nil ? "staging folder (waited)" : "staging folder from the kept site, \(claimed.previous?.files.count ?? 0) files, "
                   + "\(claimed.previous?.foldersFromRecords ?? 0) of \(claimed.previous?.folders.count ?? 0) folders listed from the manifest (waited)")
        guard let (graph, theme) = loaded else {
            claimed.discardStaging()
            return nil
        }
        let manifest = ManifestWriter(path: claimed.manifestPath, generation: claimed.manifestGeneration + 1)
        let sink = FileSink(root: staging, previous: claimed.previous, manifest: manifest)
        let counter = Counter()
        let outputs = SiteOutputs(site: PreparedSite(graph), theme: theme)
        clock.lap("prepare")
        let total = outputs.pageCount
        let progress = self.progress
        outputs.produce(log: log) { file in
            switch file.content {
            case .text(let text): try sink.write(file.path, text)
            case .bytes(let bytes): try sink.write(file.path, bytes: bytes)
            case .streamed(let produce): try sink.write(file.path, streamed: produce)
            case .copy(let source): try sink.copy(from: source, to: file.path)
            }
            let pages = counter.add(isPage: file.path.hasSuffix(".html"))
            if let progress, file.path.hasSuffix(".html") { progress("writing pages", pages, total) }
        }
        clock.lap("render and write \(counter.files) files")
        guard !log.hasErrors else {
            manifest?.discard()
            claimed.discardStaging()
            return nil
        }
        do {
            try sink.write(OutputFolder.marker, OutputFolder.markerText)
            try claimed.previous?.removeLeftovers()
        } catch {
            manifest?.discard()
            claimed.discardStaging()
            log.error("cannot finish the new site: \(error)", at: SourceLocation(file: folder.url.path))
            return nil
        }
        // The search index is part of the same all-or-nothing output: built over the staging
        // folder, before the swap.
        var searchFiles = 0
        if let search = graph.config.search, graph.incidents.isEmpty {
            // Pagefind refuses to write an index of nothing; /search/ then shows its links.
            log.add(.warning("\"search\" is on, but there is no incident to index yet: /search/ shows only links to the lists",
                             at: search.location))
        } else if let search = graph.config.search {
            let failure: Diagnostic? = switch Pagefind.locate(search, siteRoot: options.siteRoot) {
            case .failure(let problem): problem
            case .success(let pagefind): pagefind.index(siteFolder: staging).map { Diagnostic.error($0, at: search.location) }
            }
            if let failure {
                manifest?.discard()
                claimed.discardStaging()
                log.add(failure)
                return nil
            }
            searchFiles = Pagefind.bundleFiles(in: staging).count
            clock.lap("search index (Pagefind), \(searchFiles) files")
        }
        // The new site is whole: its folders are recorded as they are now (see OutputManifest).
        manifest?.addFolders(root: staging.path, folders: sink.knownFolders, previous: claimed.previous)
        do {
            try claimed.commit()
        } catch {
            manifest?.discard()
            claimed.discardStaging()
            log.error("cannot move the new site into place: \(error)", at: SourceLocation(file: folder.url.path))
            return nil
        }
        // The site just replaced is the next build's kept site: its records are carried over.
        manifest?.finish(carrying: claimed.manifestGeneration == 0 ? nil : claimed.manifestGeneration)
        SeriesCache.write(to: claimed.seriesCachePath, seriesRead)
        seriesRead = []
        clock.lap("manifest and series cache")
        if leavesMemoryToExit { _ = Unmanaged.passRetained(LeftToExit(outputs, claimed.previous)) }
        return BuildSummary(pages: counter.pages, files: counter.files, incidents: graph.incidents.count, datasets: datasetReport.summaries,
                            searchFiles: searchFiles)
    }

    /// Everything `build` validates, plus internal links and anchors; writes nothing.
    public func check(into log: DiagnosticLog) -> BuildSummary? {
        guard let (graph, theme) = loadGraph(into: log) else { return nil }
        let files = FileCollector()
        SiteOutputs(site: PreparedSite(graph), theme: theme).produce(log: log) { files.add($0) }
        let all = files.files
        LinkChecker(files: all).check(into: log)
        DataWindowCheck.check(graph.incidents, into: log)
        SeriesSourceCheck.check(graph.incidents, into: log)
        return BuildSummary(pages: all.values.count { $0.path.hasSuffix(".html") }, files: all.count, incidents: graph.incidents.count,
                            datasets: datasetReport.summaries)
    }
}

/// `ClaimedOutput.makeStaging` on a thread of its own; `wait` returns its result.
private final class BackgroundStaging: @unchecked Sendable {
    // Unchecked: `claimed` is used by the staging thread only until `wait` returns (the group
    // orders the two), and `result` is written before the group is left.
    private let claimed: ClaimedOutput
    private let group = DispatchGroup()
    private var result: Result<URL, Error> = .failure(OutputError("staging did not run"))

    init(_ claimed: ClaimedOutput) {
        self.claimed = claimed
        group.enter()
        DispatchQueue.global().async { [self] in
            result = Result { try self.claimed.makeStaging() }
            group.leave()
        }
    }

    func wait() -> Result<URL, Error> {
        group.wait()
        return result
    }
}

/// Holds the dataset summaries for the command line.
public final class DatasetReport: Sendable {
    private let storage = Mutex<[DatasetSummary]>([])
    func set(_ summaries: [DatasetSummary]) { storage.withLock { $0 = summaries } }
    public var summaries: [DatasetSummary] { storage.withLock { $0 } }
}

/// Counts written files from concurrent writers.
///
/// Two atomics rather than a `Mutex`: every render worker calls `add` once per file, so the lock
/// was contended, and on Linux a contended `Mutex` hands over through the kernel (PI futex) inside
/// libswiftSynchronization, which ThreadSanitizer cannot see; it reported the guarded tuple as a
/// data race. The totals are read after `concurrentPerform` has returned.
final class Counter: Sendable {
    private let fileCount = Atomic<Int>(0)
    private let pageCount = Atomic<Int>(0)
    /// Returns the number of pages so far.
    @discardableResult
    func add(isPage: Bool) -> Int {
        fileCount.wrappingAdd(1, ordering: .relaxed)
        return isPage ? pageCount.wrappingAdd(1, ordering: .relaxed).newValue : pageCount.load(ordering: .relaxed)
    }
    var files: Int { fileCount.load(ordering: .relaxed) }
    var pages: Int { pageCount.load(ordering: .relaxed) }
}

/// Keeps every output file in memory, for `check`.
final class FileCollector: Sendable {
    private let storage = Mutex<[String: OutputFile]>([:])
    func add(_ file: OutputFile) {
        var file = file
        // A streamed file is made now, outside the lock: making it delivers other files.
        if case .streamed = file.content, let bytes = file.content.bytes {
            file.content = .bytes(bytes)
        }
        storage.withLock { $0[file.path] = file }
    }
    var files: [String: OutputFile] { storage.withLock { $0 } }
}

/// What a build leaves to the process's exit (`SiteBuilder.leavesMemoryToExit`).
private final class LeftToExit {
    let outputs: SiteOutputs
    /// The kept site's listing (150,000 paths at 50,000 incidents).
    let previous: PreviousOutput?

    init(_ outputs: SiteOutputs, _ previous: PreviousOutput?) {
        self.outputs = outputs
        self.previous = previous
    }
}
