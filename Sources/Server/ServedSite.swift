import Escaping
import Site
import SiteFiles

/// One served state of the site: the last good build's files, and the errors of a newer
/// build that failed (shown over every page until they are fixed).
struct ServedSite: Sendable {
    struct File: Sendable {
        var bytes: [UInt8]
        var contentType: String
        /// A strong ETag from the bytes, so a browser revalidates cheaply after a rebuild.
        var etag: String
    }

    var files: [String: File]
    /// `file:line:col: error: …` lines of the newest build, when it failed.
    var errors: [String]
    /// Counts rebuilds; the reload events carry it.
    var generation: Int
    /// `search: true`: Pagefind's bundle ("pagefind/…"), kept apart from the build's files and
    /// replaced when an index run finishes; stale from a rebuild until the run after it ends.
    var searchFiles: [String: File] = [:]
    var searchStale = false

    static let empty = ServedSite(files: [:], errors: [], generation: 0)

    /// Takes a build's files, keeping the ETag of every file whose bytes did not change (files
    /// over `largeFile` get a new one with each rebuild that makes them). A complete build
    /// replaces the files served (each compared with what was served); a rebuild that made
    /// only some files anew updates them in place, with its removals.
    mutating func apply(_ build: SiteInMemory) {
        var files: [String: File] = [:]
        // In place: a copy of 30,000 entries would cost more than the rebuild's own changes.
        swap(&files, &self.files)
        let previous = build.complete ? files : [:]
        if build.complete { files = [:] }
        for path in build.removed { files[path] = nil }
        for (path, bytes) in build.files {
            if bytes.count > Self.largeFile {
                // Hashing or comparing incidents.json (13 MB at 10,000 incidents) would cost a
                // tenth of a save's reload time; a tag per rebuild only costs a re-download.
                files[path] = File(bytes: bytes, contentType: ContentType.of(path),
                                   etag: "\"" + Self.processTag + "-" + String(generation + 1) + "\"")
            } else if let old = build.complete ? previous[path] : files[path], old.bytes == bytes {
                // The new array, which the render memo shares, so the page is held once.
                files[path] = File(bytes: bytes, contentType: old.contentType, etag: old.etag)
            } else {
                files[path] = File(bytes: bytes, contentType: ContentType.of(path), etag: Self.etag(bytes))
            }
        }
        self.files = files
        errors = []
        generation += 1
    }

    /// Takes a Pagefind bundle, keeping the ETag of every file whose bytes did not change.
    mutating func applySearchIndex(_ bundle: [String: [UInt8]], stale: Bool) {
        var files: [String: File] = [:]
        for (path, bytes) in bundle {
            let old = searchFiles[path]
            files[path] = old?.bytes == bytes ? old : File(bytes: bytes, contentType: ContentType.of(path), etag: Self.etag(bytes))
        }
        searchFiles = files
        searchStale = stale
    }

    init(files: [String: File], errors: [String], generation: Int) {
        self.files = files
        self.errors = errors
        self.generation = generation
    }

    /// Files larger than this get a tag per rebuild instead of one from their bytes.
    static let largeFile = 1 << 20
    /// Different in each serve process, so a browser never pairs a large file's tag from an
    /// earlier run with other bytes.
    static let processTag = String(UInt64.random(in: 0...UInt64.max), radix: 16)

    static func etag(_ bytes: [UInt8]) -> String {
        var hasher = Fingerprint.Hasher()
        hasher.update(bytes)
        let print = hasher.finish()
        return "\"" + String(print.high, radix: 16) + String(print.low, radix: 16) + "\""
    }
}

/// What `serve` adds to the HTML it serves, never to `build` output: a script that reloads the
/// page when the site is rebuilt, and the errors of a failed build over the page.
enum LiveReload {
    static let eventsPath = "/__blackout/events"

    /// Reloads after each rebuild; the search page also reloads when the index catches up.
    static let script = Array("""
    <script>/* blackout serve: reloads this page after each rebuild */
    (function () { var s = new EventSource("\(eventsPath)"); s.addEventListener("reload", function () { location.reload(); });
    s.addEventListener("search", function () { if (document.getElementById("search-app")) location.reload(); }); })();
    </script>
    """.utf8)

    /// Read by the search page's script (it runs after this, being a module).
    static let staleMark = Array("<script>document.documentElement.dataset.blackoutSearch = \"stale\";</script>\n".utf8)

    /// The page with the script (and the errors, if any) inserted before its last `</body>`,
    /// or appended when it has none.
    static func inject(into page: [UInt8], errors: [String], searchStale: Bool = false) -> [UInt8] {
        var addition = overlay(errors)
        if searchStale { addition += staleMark }
        addition += script
        let closing = "</body>".utf8
        let cut = page.indices.reversed().first { page[$0...].starts(with: closing) } ?? page.count
        var out = [UInt8]()
        out.reserveCapacity(page.count + addition.count)
        out += page[..<cut]
        out += addition
        out += page[cut...]
        return out
    }

    /// A fixed box over the page listing the diagnostics; nothing when there are none.
    static func overlay(_ errors: [String]) -> [UInt8] {
        guard !errors.isEmpty else { return [] }
        var out = Array(("<div id=\"blackout-errors\" role=\"alert\" style=\"position:fixed;inset:auto 0 0 0;max-height:60vh;overflow:auto;"
            + "z-index:2147483647;margin:0;padding:1rem 1.25rem;background:#2b0b0b;color:#ffe4de;border-top:4px solid #ff6b4a;"
            + "font:14px/1.45 ui-monospace,monospace\"><p style=\"margin:0 0 .5rem;font-weight:700\">The build failed; "
            + "this is the last good site. Fix the file and the page reloads by itself.</p><pre style=\"margin:0;white-space:pre-wrap\">").utf8)
        for (index, line) in errors.enumerated() {
            if index > 0 { out.append(UInt8(ascii: "\n")) }
            MarkupEscaper.html.append(line, to: &out)
        }
        out += Array("</pre></div>".utf8)
        return out
    }

    /// Served for every path while no build has ever succeeded.
    static func errorPage(_ errors: [String]) -> [UInt8] {
        inject(into: Array("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Build failed</title></head><body></body></html>".utf8),
               errors: errors)
    }
}
