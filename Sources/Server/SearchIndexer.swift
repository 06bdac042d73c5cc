import Foundation
import Site
import Synchronization

/// `serve` with `search: true`: keeps the served Pagefind index current. Pagefind reads pages
/// from disk, so the incident pages are mirrored into a private temporary folder (only those
/// that changed are written again) and indexed there, once edits have paused for `quiet`; the
/// bundle is then served from memory. Until then the index is stale, and the search page says so.
final class SearchIndexer: Sendable {
    /// How long after the latest rebuild the index is built: a few saves in a row cost one run.
    static let quiet = Duration.milliseconds(800)

    private let folder: URL
    private struct State {
        /// Bumped by each rebuild that wants a new index.
        var requested = 0
        var latest = ContinuousClock.now
        var running = false
        var pagefind: Pagefind?
        /// What the mirror holds, by path, so unchanged pages are not written again.
        var written: [String: [UInt8]] = [:]
    }
    private let state = Mutex(State())

    init() {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("blackout-serve-search-\(UUID().uuidString)")
    }

    /// Removes the mirror (when `serve` stops).
    func removeMirror() {
        try? FileManager.default.removeItem(at: folder)
    }

    /// A rebuild succeeded: the index is stale until a run over its pages finishes. `site` gives
    /// the served files when the run starts; `done` gets the new bundle (or what went wrong).
    func schedule(_ pagefind: Pagefind, site: @escaping @Sendable () -> [String: ServedSite.File],
                  done: @escaping @Sendable (Result<[String: [UInt8]], SearchIndexError>, Duration, _ stillStale: Bool) -> Void) {
        let start = state.withLock { state -> Bool in
            state.requested += 1
            state.latest = .now
            state.pagefind = pagefind
            defer { state.running = true }
            return !state.running
        }
        guard start else { return }
        Thread.detachNewThread { [self] in
            while true {
                // Wait until no rebuild has asked for `quiet`.
                while true {
                    let due = state.withLock { $0.latest } + Self.quiet
                    let now = ContinuousClock.now
                    guard now < due else { break }
                    let wait = (due - now).components
                    Thread.sleep(forTimeInterval: Double(wait.seconds) + Double(wait.attoseconds) / 1e18)
                }
                let (request, pagefind, written) = state.withLock { ($0.requested, $0.pagefind, $0.written) }
                guard let pagefind else { break }
                let started = ContinuousClock.now
                let (result, mirror) = run(pagefind, files: site(), written: written)
                let took = ContinuousClock.now - started
                let again = state.withLock { state -> Bool in
                    state.written = mirror
                    if state.requested != request { return true }
                    state.running = false
                    return false
                }
                done(result, took, again)
                if !again { break }
            }
        }
    }

    /// Mirrors the incident pages, runs Pagefind and reads its bundle back.
    private func run(_ pagefind: Pagefind, files: [String: ServedSite.File],
                     written: [String: [UInt8]]) -> (Result<[String: [UInt8]], SearchIndexError>, [String: [UInt8]]) {
        var mirror = written
        let manager = FileManager.default
        var pages: [String: [UInt8]] = [:]
        for (path, file) in files where Self.isIndexed(path) { pages[path] = file.bytes }
        // Pagefind refuses to index nothing (as `build`, which warns): no bundle to serve.
        if pages.isEmpty { return (.success([:]), written) }
        do {
            for (path, _) in mirror where pages[path] == nil {
                try? manager.removeItem(at: folder.appendingPathComponent(path))
                mirror[path] = nil
            }
            for (path, bytes) in pages where mirror[path] != bytes {
                let url = folder.appendingPathComponent(path)
                try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(bytes).write(to: url)
                mirror[path] = bytes
            }
        } catch {
            return (.failure(SearchIndexError(message: "cannot mirror the pages for Pagefind in \(folder.path): \(error)")), [:])
        }
        if let failure = pagefind.index(siteFolder: folder) { return (.failure(SearchIndexError(message: failure)), mirror) }
        var bundle: [String: [UInt8]] = [:]
        for (path, url) in Pagefind.bundleFiles(in: folder) {
            guard let data = manager.contents(atPath: url.path) else { continue }
            bundle[path] = [UInt8](data)
        }
        return (.success(bundle), mirror)
    }

    /// The pages Pagefind indexes: incidents/<slug>/index.html, as its glob says.
    static func isIndexed(_ path: String) -> Bool {
        guard path.hasPrefix("incidents/"), path.hasSuffix("/index.html") else { return false }
        let middle = path.dropFirst("incidents/".count).dropLast("/index.html".count)
        return !middle.isEmpty && !middle.contains("/")
    }
}

struct SearchIndexError: Error {
    let message: String
}
