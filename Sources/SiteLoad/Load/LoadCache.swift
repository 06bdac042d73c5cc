import Diagnostics
import Foundation
import SiteFiles
import SiteModel
import Synchronization

/// What `serve` keeps between rebuilds so that an edit reloads only what it touched: each
/// content file's parse (an incident with its diagnostics, a page, the home text) and a
/// version of its inputs, the datasets' incidents, and every reduced series by its file's
/// identity. The watcher's changed paths say which entries are stale (`invalidate`); anything
/// it cannot place, and site.yml, empties the cache.
package final class LoadCache: ReducedSeriesStore {
    private struct State {
        /// By the job's site-relative path: "content/incidents/x" (a bundle) or the file.
        var jobs: [String: ContentLoader.LoadedJob] = [:]
        var datasets: (incidents: [Incident], summaries: [DatasetSummary], diagnostics: [Diagnostic])?
        /// Bumped whenever the datasets are read again: part of every incident's version.
        var datasetsGeneration: UInt64 = 0
        var series: [[UInt8]: ReducedSeries] = [:]
        /// Versions by `Incident.sourcePath` / `Page.sourcePath`, from the last load.
        var versions: [String: Fingerprint] = [:]
    }
    private let state = Mutex(State())

    package init() {}

    /// Forgets everything (site.yml changed, or changes the watcher could not place).
    package func reset() {
        state.withLock { state in
            let generation = state.datasetsGeneration
            state = State()
            state.datasetsGeneration = generation + 1
        }
    }

    /// Drops what `paths` (site-relative, as the watcher reports them) may have changed: the job
    /// of a file or bundle at or under a path, every job under a changed folder, and the
    /// datasets for anything under content/ that is not an incident or a page.
    package func invalidate(_ paths: [String]) {
        state.withLock { state in
            for path in paths {
                // The job of the path itself or of a folder above it (a bundle's file).
                var ancestor = Substring(path)
                while true {
                    state.jobs[String(ancestor)] = nil
                    guard let slash = ancestor.lastIndex(of: "/") else { break }
                    ancestor = ancestor[..<slash]
                }
                // Jobs below it, when it is a folder; a bundle's own files are never jobs, so
                // only folders above the bundles (content/incidents itself) need the scan.
                if path.utf8.count(where: { $0 == UInt8(ascii: "/") }) < 2 {
                    let folder = path + "/"
                    for key in state.jobs.keys where key.hasPrefix(folder) { state.jobs[key] = nil }
                }
                let isContent = path == "content" || path.hasPrefix("content/")
                let isWriteup = path.hasPrefix("content/incidents/") || path.hasPrefix("content/pages/") || path == "content/_index.md"
                if isContent && !isWriteup { state.datasets = nil }
            }
        }
    }

    func job(_ key: String) -> ContentLoader.LoadedJob? {
        state.withLock { $0.jobs[key] }
    }

    func store(_ key: String, _ job: ContentLoader.LoadedJob) {
        state.withLock { $0.jobs[key] = job }
    }

    func datasets() -> (incidents: [Incident], summaries: [DatasetSummary], diagnostics: [Diagnostic])? {
        state.withLock { $0.datasets }
    }

    func storeDatasets(_ incidents: [Incident], _ summaries: [DatasetSummary], _ diagnostics: [Diagnostic]) {
        state.withLock { state in
            state.datasets = (incidents, summaries, diagnostics)
            state.datasetsGeneration += 1
        }
    }

    func setVersions(_ versions: [String: Fingerprint]) {
        state.withLock { $0.versions = versions }
    }

    func updateVersion(of sourcePath: String, to version: Fingerprint) {
        state.withLock { $0.versions[sourcePath] = version }
    }

    /// Whether the datasets (as last read) gave any incidents: their rows may join writeups.
    package var hasDatasetIncidents: Bool {
        state.withLock { !($0.datasets?.incidents.isEmpty ?? true) }
    }

    /// Adds series read for some incidents, keeping the others (see `keepSeries`).
    package func addSeries(_ entries: SeriesLoader.CacheEntries) {
        state.withLock { state in
            for (key, reduced) in entries { state.series[key] = reduced }
        }
    }

    /// A version of everything each incident was loaded from: its file (and bundle), and the
    /// datasets, which may have merged a row into it. Changes whenever any of those changes.
    package func versions(of incidents: [Incident]) -> [Fingerprint] {
        state.withLock { state in
            incidents.map { incident in
                var hasher = KeyHasher()
                // The slug too: a dataset's rows share their table's path, and a list page's key
                // must change when one row takes another's place on it.
                hasher.add(incident.slug)
                hasher.add(state.versions[incident.sourcePath] ?? Fingerprint(low: 0, high: 0))
                hasher.add(state.datasetsGeneration)
                return hasher.finish()
            }
        }
    }

    /// The version of a page's file.
    package func version(ofSource path: String) -> Fingerprint {
        state.withLock { $0.versions[path] } ?? Fingerprint(low: 0, high: 0)
    }

    // MARK: Series

    package func reduced(for key: [UInt8]) -> ReducedSeries? {
        state.withLock { $0.series[key] }
    }

    /// Keeps the series a load read (or took from here), dropping the others.
    package func keepSeries(_ entries: SeriesLoader.CacheEntries) {
        var series: [[UInt8]: ReducedSeries] = [:]
        for (key, reduced) in entries { series[key] = reduced }
        state.withLock { $0.series = series }
    }
}
