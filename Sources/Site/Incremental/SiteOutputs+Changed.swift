import Diagnostics
import Foundation
import SiteFiles
import SiteModel
import SiteRender
import Synchronization

extension SiteOutputs {
    /// What a rebuild changed: the files made anew (with their bytes) and the paths the site no
    /// longer has. Every other file keeps the bytes it had after the rebuild before.
    struct ChangedFiles {
        var fresh: [String: [UInt8]] = [:]
        var removed: Set<String> = []
        /// incidents.json with its entries, when this rebuild made it whole.
        var archive: ArchiveBytes?
    }

    /// Renders only the pages whose key (`keys`, in job order) the memo does not hold, and
    /// remakes the site-wide files; nil when a page or file failed (reported to `log`).
    func produceChanged(memo: RenderMemo, keys: [Fingerprint], pagePaths: [String], log: DiagnosticLog) -> ChangedFiles? {
        guard var result = renderChanged(jobs.indices, memo: memo, keys: keys, pagePaths: pagePaths, log: log) else { return nil }
        result.removed.formUnion(memo.keep(only: Set(pagePaths)))
        var site: [String: [UInt8]] = [:]
        for file in siteFiles() {
            guard let bytes = Self.wholeBytes(file, log) else { return nil }
            site[file.path] = bytes
        }
        let archive = ArchiveBytes(graph, entries: memo.archiveEntries(pagePaths, jobs: jobs, count: graph.incidents.count))
        site["incidents.json"] = archive.bytes
        result.archive = archive
        result.removed.formUnion(memo.replaceSiteFiles(Set(site.keys)))
        result.fresh.merge(site) { _, new in new }
        // A path both dropped (by one page) and made (by another) is part of the site.
        result.removed.subtract(result.fresh.keys)
        return result
    }

    /// The jobs at `indices` whose key the memo does not hold, rendered and stored in it (with
    /// an incident's incident.json and its entry in incidents.json); nil after a failure.
    /// `keys` and `pagePaths` are by job index.
    func renderChanged(_ indices: some Collection<Int>, memo: RenderMemo, keys: [Fingerprint], pagePaths: [String],
                       log: DiagnosticLog) -> ChangedFiles? {
        let renderer = PageRenderer(site: site, theme: theme)
        let jobs = self.jobs
        let graph = self.graph
        let indices = Array(indices)
        let changes = Mutex(ChangedFiles())
        DispatchQueue.concurrentPerform(iterations: indices.count) { n in
            let index = indices[n]
            let job = jobs[index]
            if memo.holds(pagePaths[index], key: keys[index]) { return }
            switch files(of: job, renderer: renderer) {
            case .failure(let diagnostic): log.add(diagnostic)
            case .success(let made):
                var entry = RenderMemo.Entry(key: keys[index], files: [], archiveEntry: nil)
                for file in made {
                    guard let bytes = Self.wholeBytes(file, log) else { return }
                    entry.files.append((file.path, bytes))
                }
                if case .incident(let i) = job {
                    let json = IncidentJSON.incident(graph.incidents[i], config: graph.config)
                    var archiveEntry: [UInt8] = []
                    IncidentJSON.appendEntry(json, to: &archiveEntry)
                    entry.archiveEntry = archiveEntry
                    entry.files.append((SitePaths.incident(graph.incidents[i].slug) + "incident.json", json + [0x0A]))
                }
                let dropped = memo.store(pagePaths[index], entry)
                changes.withLock { changes in
                    for (path, bytes) in entry.files { changes.fresh[path] = bytes }
                    changes.removed.formUnion(dropped)
                }
            }
        }
        guard !log.hasErrors else { return nil }
        return changes.withLock { $0 }
    }

    /// A file's bytes, reading a copied one now (so the result does not change with the file).
    static func wholeBytes(_ file: OutputFile, _ log: DiagnosticLog) -> [UInt8]? {
        if let bytes = file.content.bytes { return bytes }
        guard case .copy(let source) = file.content else { return nil }
        guard let data = FileManager.default.contents(atPath: source) else {
            log.error("cannot read \(source)", at: SourceLocation(file: source))
            return nil
        }
        return [UInt8](data)
    }
}
