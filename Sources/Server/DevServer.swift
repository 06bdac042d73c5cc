import Diagnostics
import Foundation
import Hummingbird
import Logging
import Site
import Synchronization

public struct ServeOptions: Sendable {
    public var siteRoot: URL
    public var host: String
    public var port: Int
    public var includeDrafts: Bool
    /// Where each rebuild's phase timings go (at info level: --verbose).
    public var logger: Logger?

    public init(siteRoot: URL, host: String = "127.0.0.1", port: Int = 8000, includeDrafts: Bool = false, logger: Logger? = nil) {
        self.siteRoot = siteRoot
        self.host = host
        self.port = port
        self.includeDrafts = includeDrafts
        self.logger = logger
    }
}

/// `blackout serve`: builds the site into memory, serves it, rebuilds when a file it reads
/// changes, and tells open pages to reload. `public/` is never touched.
public final class DevServer: Sendable {
    let options: ServeOptions
    /// What is served now; replaced whole after each rebuild.
    let current = Mutex(ServedSite.empty)
    let reloads = ReloadBroadcaster()
    /// `search: true`: Pagefind over the served pages, after edits pause.
    let search = SearchIndexer()
    /// Paths changed since the last rebuild began, and when the latest was reported; a burst of
    /// saves becomes one rebuild.
    private let pending = Mutex<(paths: [String], latest: ContinuousClock.Instant, waiter: CheckedContinuation<Void, Never>?)>(
        ([], .now, nil))
    /// How long no change must be reported before a rebuild starts.
    private static let quiet = Duration.milliseconds(25)
    /// Reads and renders only what changed since the rebuild before.
    private let incremental: IncrementalBuild
    /// The terminal: one line per rebuild, and a failed build's diagnostics.
    private let report: @Sendable (String) -> Void
    private let printDiagnostics: @Sendable (DiagnosticLog) -> Void

    public init(options: ServeOptions, report: @escaping @Sendable (String) -> Void,
                printDiagnostics: @escaping @Sendable (DiagnosticLog) -> Void) {
        self.options = options
        incremental = IncrementalBuild(builder: SiteBuilder(options: BuildOptions(siteRoot: options.siteRoot, includeDrafts: options.includeDrafts),
                                                           logger: options.logger))
        self.report = report
        self.printDiagnostics = printDiagnostics
    }

    public enum StartError: Error, CustomStringConvertible {
        case portTaken(host: String, port: Int, free: Int?)
        public var description: String {
            switch self {
            case .portTaken(let host, let port, let free):
                "port \(port) on \(host) is in use" + (free.map { "; the next free port is \($0) (blackout serve --port \($0))" } ?? "")
            }
        }
    }

    /// Builds once, then serves until the process is stopped. `ready` gets the site's URL.
    public func run(ready: @escaping @Sendable (String) -> Void) async throws {
        guard PortProbe.isFree(host: options.host, port: options.port) else {
            throw StartError.portTaken(host: options.host, port: options.port, free: PortProbe.nextFree(host: options.host, after: options.port))
        }
        // Watching before the first build: a save made while it runs is rebuilt after it.
        defer { search.removeMirror() }
        let watcher = FolderWatcher(siteRoot: options.siteRoot.path) { [self] path in changed(path) }
        let how = watcher.start()
        rebuild(after: [])
        report("watching site.yml, content/ and templates/ (\(how))")
        var logger = Logger(label: "blackout.serve")
        logger.logLevel = .error
        let address = options.host.contains(":") ? "[\(options.host)]" : options.host
        let url = "http://\(address):\(options.port)/"
        let app = Application(
            responder: CallbackResponder<BasicRequestContext> { [self] request, _ in respond(to: request) },
            configuration: .init(address: .hostname(options.host, port: options.port), serverName: "blackout"),
            onServerRunning: { _ in ready(url) },
            logger: logger)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await app.runService() }
            group.addTask { [self] in await rebuildLoop() }
            try await group.next()
            group.cancelAll()
        }
    }

    // MARK: Rebuilding

    func changed(_ path: String) {
        let waiter = pending.withLock { state -> CheckedContinuation<Void, Never>? in
            state.paths.append(path)
            state.latest = .now
            defer { state.waiter = nil }
            return state.waiter
        }
        waiter?.resume()
    }

    private func rebuildLoop() async {
        while !Task.isCancelled {
            await withTaskCancellationHandler {
                await withCheckedContinuation { continuation in
                    let ready = pending.withLock { state -> Bool in
                        if state.paths.isEmpty && !Task.isCancelled {
                            state.waiter = continuation
                            return false
                        }
                        return true
                    }
                    if ready { continuation.resume() }
                }
            } onCancel: {
                // Stopping (Ctrl-C, SIGTERM): wake the loop so the server can finish.
                pending.withLock { state in
                    defer { state.waiter = nil }
                    return state.waiter
                }?.resume()
            }
            guard !Task.isCancelled else { return }
            // Editors save in several steps (write, rename, chmod): wait until none has come for
            // `quiet`, counted from the latest (a window counted from the wake-up would often
            // end just after a step and wait a whole window more).
            while !Task.isCancelled {
                let due = pending.withLock { $0.latest } + Self.quiet
                guard ContinuousClock.now < due else { break }
                try? await Task.sleep(until: due, clock: .continuous)
            }
            let paths = pending.withLock { state in
                defer { state.paths = [] }
                return state.paths
            }
            // A build takes seconds of CPU on its own threads; it does not hold one of the few
            // threads that answer requests meanwhile.
            await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
                Thread.detachNewThread { [self] in
                    rebuild(after: paths)
                    done.resume()
                }
            }
        }
    }

    /// A build into memory, reading and rendering only what `paths` changed. On errors the last
    /// good files stay served, under the errors.
    func rebuild(after paths: [String]) {
        let clock = ContinuousClock.now
        let log = DiagnosticLog()
        let built = incremental.rebuild(changed: paths.isEmpty ? nil : paths, into: log)
        let pagefind = built == nil ? nil : incremental.pagefind()
        let cause = Set(paths).sorted()
        let what = cause.isEmpty ? "first build" : cause.count == 1 ? cause[0] : "\(cause[0]) and \(cause.count - 1) more"
        let generation = current.withLock { state -> Int in
            if let built {
                state.apply(built)
                // The index is stale from now until a run over these pages ends; with search
                // turned off, its bundle goes.
                state.searchStale = pagefind != nil
                if pagefind == nil { state.searchFiles = [:] }
            } else {
                state.errors = log.sorted.filter { $0.severity == .error }.map(\.description)
                state.generation += 1
            }
            return state.generation
        }
        // Until what is served changed: the rebuild and taking its files.
        let milliseconds = (ContinuousClock.now - clock).wholeMilliseconds
        if !log.sorted.isEmpty { printDiagnostics(log) }
        if let built {
            report("\(what): \(built.rendered) of \(built.summary.pages) pages rendered in \(milliseconds) ms")
        } else {
            let errors = log.errorCount
            report("\(what): the build failed (\(errors) error\(errors == 1 ? "" : "s")); still serving the last good site")
        }
        reloads.broadcast(generation)
        incremental.releaseRetired()
        if let pagefind { indexForSearch(pagefind) }
    }

    /// Schedules a Pagefind run over the served pages; when it ends, its bundle is served and
    /// open search pages reload (unless another rebuild came meanwhile: one more run follows).
    private func indexForSearch(_ pagefind: Pagefind) {
        search.schedule(pagefind, site: { [self] in current.withLock { $0.files } }) { [self] result, took, stillStale in
            let milliseconds = took.wholeMilliseconds
            switch result {
            case .success(let bundle):
                current.withLock { $0.applySearchIndex(bundle, stale: stillStale) }
                if !stillStale {
                    reloads.send(.searchReady)
                    report("search index: \(bundle.count) files in \(milliseconds) ms")
                }
            case .failure(let error):
                report("search index failed after \(milliseconds) ms: \(error.message)")
            }
        }
    }
}

extension Duration {
    /// For the terminal's one line per rebuild or index run.
    var wholeMilliseconds: Int64 { components.seconds * 1_000 + components.attoseconds / 1_000_000_000_000_000 }
}
