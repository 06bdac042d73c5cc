import Diagnostics
import Foundation
import SiteModel

/// Pagefind (https://pagefind.app), run over a finished site to write its search index into
/// `pagefind/` beside the pages. Blackout does not bundle it: `search: true` finds the binary on
/// PATH, or where `search.command` says.
public struct Pagefind: Sendable {
    /// The binary to run (an absolute path).
    public let executable: String

    /// Only incident pages are indexed (SPEC §7): list pages would repeat every incident.
    public static let pagesGlob = "incidents/*/index.html"
    public static let bundleFolder = "pagefind"
    static let installHint = "install it with \"pip install pagefind-bin\" (the binary is pagefind_bin/pagefind inside the package) "
        + "or \"npm install -g pagefind\", and put it on PATH or name it in search.command"

    /// Finds the binary the settings name: a path with a "/" (relative to the site folder), or a
    /// name looked up on PATH. An error at the `search` key of site.yml when there is none.
    static func locate(_ settings: SiteConfig.SearchSettings, siteRoot: URL,
                       path: String? = ProcessInfo.processInfo.environment["PATH"]) -> Result<Pagefind, Diagnostic> {
        let command = settings.command ?? "pagefind"
        if command.contains("/") {
            let expanded = command.hasPrefix("~/") ? NSString(string: command).expandingTildeInPath : command
            let url = expanded.hasPrefix("/") ? URL(fileURLWithPath: expanded) : siteRoot.appendingPathComponent(expanded)
            let file = url.standardizedFileURL.path
            guard isExecutableFile(file) else {
                return .failure(.error("search.command \"\(command)\" is not an executable file (\(file)); \(installHint)", at: settings.location))
            }
            return .success(Pagefind(executable: file))
        }
        for folder in (path ?? "").split(separator: ":") where !folder.isEmpty {
            let candidate = String(folder) + "/" + command
            if isExecutableFile(candidate) { return .success(Pagefind(executable: candidate)) }
        }
        return .failure(.error("\"search\" is on, but \"\(command)\" (Pagefind) is not on PATH; \(installHint)", at: settings.location))
    }

    private static func isExecutableFile(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG && access(path, X_OK) == 0
    }

    /// Indexes the site in `folder` into `folder/pagefind/`, replacing what was there. Returns
    /// nil on success, or what went wrong with Pagefind's own last lines.
    public func index(siteFolder folder: URL) -> String? {
        let bundle = folder.appendingPathComponent(Self.bundleFolder)
        do {
            if FileManager.default.fileExists(atPath: bundle.path) { try FileManager.default.removeItem(at: bundle) }
        } catch {
            return "cannot clear \(bundle.path) for the new index: \(error)"
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["--site", folder.path, "--output-subdir", Self.bundleFolder, "--glob", Self.pagesGlob, "--quiet"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            return "cannot run Pagefind (\(executable)): \(error)"
        }
        // Read to the end before waiting, so a chatty Pagefind never blocks on a full pipe.
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        guard process.terminationReason == .exit, process.terminationStatus == 0 else {
            let how = process.terminationReason == .exit ? "exit status \(process.terminationStatus)" : "signal \(process.terminationStatus)"
            let tail = text.split(separator: "\n").suffix(8).joined(separator: "\n")
            return "Pagefind (\(executable)) failed with \(how)" + (tail.isEmpty ? "" : ":\n" + tail)
        }
        guard FileManager.default.fileExists(atPath: bundle.appendingPathComponent("pagefind.js").path) else {
            return "Pagefind (\(executable)) finished but wrote no \(Self.bundleFolder)/pagefind.js"
        }
        do throws(PagefindCanonicalOrder.Failure) {
            try PagefindCanonicalOrder.apply(bundle: bundle)
        } catch {
            return "cannot put Pagefind's index in a reproducible order: \(error)"
        }
        return nil
    }

    /// The index's files in `folder/pagefind/`, by site path ("pagefind/filter/…"): what the
    /// build counts in its summary and what `serve` reads back to serve.
    public static func bundleFiles(in folder: URL) -> [(path: String, url: URL)] {
        let bundle = folder.appendingPathComponent(bundleFolder).standardizedFileURL
        guard let walker = FileManager.default.enumerator(at: bundle, includingPropertiesForKeys: [.isRegularFileKey]) else { return [] }
        return walker.compactMap { item in
            guard let url = (item as? URL)?.standardizedFileURL,
                  (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { return nil }
            return (bundleFolder + "/" + url.path.dropFirst(bundle.path.count + 1), url)
        }
    }
}
