import Diagnostics
import Foundation
import SiteFiles
import SiteLoad
import SiteModel
import SiteRender
import Synchronization

/// A whole site rendered into memory for `serve`: every output path with its bytes. `public/`
/// and every other folder are left alone, so editing never disturbs the last deployable build.
public struct SiteInMemory: Sendable {
    /// Output paths as a build writes them ("incidents/x/index.html"), with their bytes: every
    /// file when `complete`, otherwise the files this rebuild made anew.
    public var files: [String: [UInt8]]
    /// Whether `files` is the whole site; if not, the files of the rebuild before that are not
    /// in `files` or `removed` are unchanged.
    public var complete: Bool
    /// Paths the site no longer has (only when not `complete`).
    public var removed: Set<String>
    public var summary: BuildSummary
    /// Pages rendered by this rebuild (the others were unchanged).
    public var rendered: Int
}

/// `serve`'s builds: the first one reads and renders everything; each later one is told which
/// files changed (by the watcher), reads only those again (`LoadCache`) and renders only the
/// pages whose inputs changed (`RenderMemo`), and must give exactly what a fresh build of the
/// same files gives. site.yml, or a change the watcher could not place, starts from nothing.
///
/// One rebuild at a time: `serve` runs them one after another.
public final class IncrementalBuild: Sendable {
    let builder: SiteBuilder
    let loadCache = LoadCache()
    let memo = RenderMemo()
    /// The last successful rebuild, which a patch starts from (nil after a failure).
    let last = Mutex<LastBuild?>(nil)
    /// The rebuild before `last`, kept until `releaseRetired` so that freeing its graph (10,000
    /// incidents) happens after the reload event is out, not before.
    private let retired = Mutex<LastBuild?>(nil)

    struct LastBuild: Sendable {
        var outputs: SiteOutputs
        var pagePaths: [String]
        /// Graph index by `Incident.sourcePath`.
        var indexBySource: [String: Int]
        var keys: PageKeys
        var archive: ArchiveBytes
    }

    public init(builder: SiteBuilder) {
        self.builder = builder
    }

    /// The Pagefind the last good rebuild's site.yml asks for (nil when search is off, or when
    /// it cannot be found: that rebuild then failed with the error).
    public func pagefind() -> Pagefind? {
        guard let settings = last.withLock({ $0?.outputs.site.graph.config.search }) else { return nil }
        return try? Pagefind.locate(settings, siteRoot: builder.options.siteRoot).get()
    }

    /// Frees what the last rebuild replaced; `serve` calls it once the reload event is sent.
    public func releaseRetired() {
        let old = retired.withLock { retired in
            defer { retired = nil }
            return retired
        }
        // Dropped here, outside the lock.
        _ = consume old
    }

    /// Site-relative paths after which everything is read and rendered again.
    static func changesEverything(_ path: String) -> Bool {
        path == "site.yml" || path == "content" || path.isEmpty
    }

    /// Rebuilds after `changed` (site-relative paths; nil for the first build or when the
    /// changes are unknown). Nil when errors stop the build; the next rebuild then takes the
    /// whole way (pages the memo holds are reused only where their keys match).
    public func rebuild(changed: [String]?, into log: DiagnosticLog) -> SiteInMemory? {
        let previous = last.withLock { last in
            defer { last = nil }
            return last
        }
        defer { retired.withLock { $0 = previous } }
        if let changed, !changed.contains(where: Self.changesEverything) {
            loadCache.invalidate(changed)
            if let previous, let patched = patch(previous, changed: changed, into: log) { return patched }
        } else {
            loadCache.reset()
            memo.reset()
        }
        guard let (graph, theme) = builder.loadGraph(into: log, seriesCache: loadCache, loadCache: loadCache,
                                                     seriesRead: { [loadCache] in loadCache.keepSeries($0) }) else { return nil }
        var clock = PhaseClock(logger: builder.logger)
        let outputs = SiteOutputs(site: PreparedSite(graph), theme: theme)
        clock.lap("prepare")
        let complete = memo.isEmpty
        let pagePaths = outputs.jobs.map { SitePaths.file(for: $0.path(in: graph)) }
        let versions = loadCache.versions(of: graph.incidents)
        let pageVersions = graph.pages.map { loadCache.version(ofSource: $0.sourcePath) }
        let homeVersion = loadCache.version(ofSource: "content/_index.md")
        let context = PageKeys(graph: graph, theme: theme, versions: versions, pageVersions: pageVersions, homeVersion: homeVersion)
        let keys = zip(outputs.jobs, pagePaths).map { context.key($0, path: $1) }
        clock.lap("page keys")
        guard let made = outputs.produceChanged(memo: memo, keys: keys, pagePaths: pagePaths, log: log) else {
            memo.reset()
            return nil
        }
        let rendered = made.fresh.keys.count { $0.hasSuffix(".html") }
        clock.lap("render \(rendered) changed pages and the site-wide files")
        var indexBySource: [String: Int] = [:]
        indexBySource.reserveCapacity(graph.incidents.count)
        for (index, incident) in graph.incidents.enumerated() { indexBySource[incident.sourcePath] = index }
        if let archive = made.archive {
            let kept = LastBuild(outputs: outputs, pagePaths: pagePaths, indexBySource: indexBySource, keys: context, archive: archive)
            last.withLock { $0 = kept }
        }
        return SiteInMemory(files: made.fresh, complete: complete, removed: complete ? [] : made.removed,
                            summary: BuildSummary(pages: outputs.pageCount, files: memo.fileCount, incidents: graph.incidents.count,
                                                  datasets: builder.datasetReport.summaries),
                            rendered: rendered)
    }
}

