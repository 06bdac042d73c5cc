import Diagnostics
import Foundation
import SiteFiles
import SiteLoad
import SiteModel
import SiteRender

extension IncrementalBuild {
    /// Whether `key` (a name directly in content/incidents) is neither an incident now nor was
    /// one: not Markdown, not a folder, and no bundle's. An editor that saves through a
    /// temporary file (`x.md___jb_tmp___`, then renamed) leaves such a path among the changes;
    /// the build ignores the file, so the patch may too.
    func isNeverAnIncident(_ key: String, _ last: LastBuild) -> Bool {
        guard !key.hasSuffix(".md"), last.indexBySource[key + "/index.md"] == nil else { return false }
        var info = stat()
        // stat, not lstat: a link to a folder is a bundle to the build.
        guard stat(FileWalker.joined(builder.options.siteRoot.path, key), &info) == 0 else { return true }
        return info.st_mode & S_IFMT != S_IFDIR
    }

    /// The usual edit while serving: one incident's text or data changed, and nothing about
    /// where it sits (`Incident.sharesGraphPlace`). Then the last graph stays as it is with the
    /// incident replaced, and only the pages that show it are rendered: its own, and when its
    /// row changed its page of each list it is on, home and the timeline (which draw every
    /// incident); then the feed and incidents.json. Nil whenever that does not hold, having
    /// changed nothing but the load cache's fresh entries (and started the memo over if a page
    /// was rendered): the caller then rebuilds the whole way, which gives the same site.
    func patch(_ last: LastBuild, changed: [String], into log: DiagnosticLog) -> SiteInMemory? {
        var clock = PhaseClock(logger: builder.logger)
        // Only incidents of content/incidents, with no dataset rows that could join them.
        var keys: [String] = []
        for path in changed {
            let prefix = "content/incidents/"
            guard path.hasPrefix(prefix), let name = path.dropFirst(prefix.count).split(separator: "/").first else { return nil }
            let key = prefix + name
            if isNeverAnIncident(key, last) { continue }
            if !keys.contains(key) { keys.append(key) }
        }
        guard !loadCache.hasDatasetIncidents else { return nil }
        let graph = last.outputs.graph
        guard let reloaded = ContentLoader(root: builder.options.siteRoot, includeDrafts: builder.options.includeDrafts)
            .reload(keys, config: graph.config, cache: loadCache) else { return nil }
        var changes: [(index: Int, incident: Incident)] = []
        var diagnostics: [Diagnostic] = []
        for (incident, found) in reloaded {
            guard let incident, !found.contains(where: { $0.severity == .error }),
                  !incident.draft || builder.options.includeDrafts,
                  let index = last.indexBySource[incident.sourcePath],
                  graph.incidents[index].sharesGraphPlace(with: incident),
                  !changes.contains(where: { $0.index == index }) else { return nil }
            diagnostics += found
            changes.append((index, incident))
        }
        var incidents = changes.map(\.incident)
        let seriesLog = DiagnosticLog()
        let read = SeriesLoader(maxPoints: graph.config.charts.maxPoints, cache: loadCache).load(into: &incidents, log: seriesLog)
        guard !seriesLog.hasErrors else { return nil }
        loadCache.addSeries(read)
        let indices = changes.map(\.index)
        let patched = graph.replacing(Array(zip(indices, incidents)))
        let outputs = SiteOutputs(site: last.outputs.site.replacing(indices, in: patched), theme: last.outputs.theme, jobs: last.outputs.jobs)
        var versions = last.keys.versions
        for (index, version) in zip(indices, loadCache.versions(of: incidents)) { versions[index] = version }
        clock.lap("patch \(indices.count) incident\(indices.count == 1 ? "" : "s") into the site graph")

        // The pages that show a changed incident; the others cannot have changed. Lists, home
        // and the timeline show an incident through its row: when no row changed (an edit of
        // the text below the summary, of the sources, of a series), they are as they were.
        let shown = Set(indices)
        let rowsChanged = indices.contains { !outputs.site.rowIsUnchanged(at: $0, from: last.outputs.site) }
        let perPage = patched.config.perPage
        func onPage(_ members: ArraySlice<Int>, _ number: Int) -> Bool {
            members.dropFirst((number - 1) * perPage).prefix(perPage).contains { shown.contains($0) }
        }
        let all = Array(patched.incidents.indices)[...]
        let affected = outputs.jobs.indices.filter { jobIndex in
            switch outputs.jobs[jobIndex] {
            case .incident(let index): shown.contains(index)
            case .incidentList(let number): rowsChanged && onPage(all, number)
            case .term(let taxonomy, let termIndex, let number): rowsChanged && onPage(taxonomy.terms(in: patched)[termIndex].incidents[...], number)
            case .home, .timeline: rowsChanged
            case .taxonomyIndex, .page, .notFound, .search: false
            }
        }
        let context = last.keys.replacing(graph: patched, versions: versions)
        var pageKeys = [Fingerprint](repeating: Fingerprint(low: 0, high: 0), count: outputs.jobs.count)
        for jobIndex in affected { pageKeys[jobIndex] = context.key(outputs.jobs[jobIndex], path: last.pagePaths[jobIndex]) }
        let renderLog = DiagnosticLog()
        guard var made = outputs.renderChanged(affected, memo: memo, keys: pageKeys, pagePaths: last.pagePaths, log: renderLog) else {
            // The memo may hold some of this patch's pages: start it over.
            memo.reset()
            return nil
        }
        // The feed lists the latest incidents; the sitemaps, robots.txt and assets depend on
        // nothing a patch changes.
        made.fresh["feed.xml"] = Array(Feeds.atom(patched).utf8)
        var archive = last.archive
        for index in indices {
            // The entry the incident's page stored in the memo (unchanged if the page was).
            guard let entry = memo.archiveEntry(SitePaths.file(for: SitePaths.incident(patched.incidents[index].slug))) else {
                memo.reset()
                return nil
            }
            archive.replace(index, with: entry)
        }
        made.fresh["incidents.json"] = archive.bytes
        made.removed.subtract(made.fresh.keys)
        let rendered = made.fresh.keys.count { $0.hasSuffix(".html") }
        clock.lap("render \(rendered) changed pages, the feed and incidents.json")

        log.add(contentsOf: diagnostics)
        log.add(contentsOf: seriesLog.sorted)
        log.add(contentsOf: renderLog.sorted)
        var next = last
        next.outputs = outputs
        next.keys = context
        next.archive = archive
        self.last.withLock { $0 = next }
        return SiteInMemory(files: made.fresh, complete: false, removed: made.removed,
                            summary: BuildSummary(pages: outputs.pageCount, files: memo.fileCount, incidents: patched.incidents.count,
                                                  datasets: builder.datasetReport.summaries),
                            rendered: rendered)
    }
}
