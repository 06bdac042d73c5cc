import Diagnostics
import Foundation
import SiteFiles
import SiteLoad
import SiteModel
import SiteRender

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
    private let loadCache = LoadCache()
    private let memo = RenderMemo()

    public init(builder: SiteBuilder) {
        self.builder = builder
    }

    /// Site-relative paths after which everything is read and rendered again.
    static func changesEverything(_ path: String) -> Bool {
        path == "site.yml" || path == "content" || path.isEmpty
    }

    /// Rebuilds after `changed` (site-relative paths; nil for the first build or when the
    /// changes are unknown). Nil when errors stop the build; the memo then starts over.
    public func rebuild(changed: [String]?, into log: DiagnosticLog) -> SiteInMemory? {
        if let changed, !changed.contains(where: Self.changesEverything) {
            loadCache.invalidate(changed)
        } else {
            loadCache.reset()
            memo.reset()
        }
        guard let (graph, theme) = builder.loadGraph(into: log, seriesCache: loadCache, loadCache: loadCache,
                                                     seriesRead: { [loadCache] in loadCache.keepSeries($0) }) else { return nil }
        let outputs = SiteOutputs(site: PreparedSite(graph), theme: theme)
        let complete = memo.isEmpty
        let keys = RenderMemo.keys(outputs.jobs, graph: graph, theme: theme,
                                   versions: loadCache.versions(of: graph.incidents),
                                   pageVersions: graph.pages.map { loadCache.version(ofSource: $0.sourcePath) },
                                   homeVersion: loadCache.version(ofSource: "content/_index.md"))
        guard let made = outputs.produceChanged(memo: memo, keys: keys, log: log) else {
            memo.reset()
            return nil
        }
        return SiteInMemory(files: made.fresh, complete: complete, removed: complete ? [] : made.removed,
                            summary: BuildSummary(pages: outputs.pageCount, files: memo.fileCount, incidents: graph.incidents.count,
                                                  datasets: builder.datasetReport.summaries),
                            rendered: made.fresh.keys.count { $0.hasSuffix(".html") })
    }
}

extension SiteBuilder {
    /// Everything `build` validates and renders, kept in memory; nil when errors stop the build.
    /// Files the site copies (a bundle's CSVs, the theme's assets) are read now, so the result
    /// does not change when the files do.
    public func buildInMemory(into log: DiagnosticLog) -> SiteInMemory? {
        IncrementalBuild(builder: self).rebuild(changed: nil, into: log)
    }
}
