import CAtomicSwap
import Diagnostics
import Foundation

/// The output folder and its guarantees (SPEC §9): a build writes into a staging folder beside
/// the output and swaps it in only when everything succeeded; a folder Blackout did not make is
/// never replaced.
public struct OutputFolder: Sendable {
    public let url: URL

    /// A file Blackout leaves in every output folder it makes, so it can tell its own folders
    /// from a user's.
    static let marker = ".blackout"

    public init(url: URL) {
        self.url = url.standardizedFileURL
    }

    var stagingURL: URL {
        url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).blackout-staging")
    }

    var retiredURL: URL {
        url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).blackout-previous")
    }

    /// Refuses an output folder that holds files Blackout did not write (unless `force`), or
    /// that is the site folder itself or contains it.
    public func check(siteRoot: URL, force: Bool) -> Diagnostic? {
        let site = siteRoot.standardizedFileURL.path
        let out = url.path
        if site == out || site.hasPrefix(out.hasSuffix("/") ? out : out + "/") {
            return .error("the output folder \(out) contains the site itself; choose another --output", at: SourceLocation(file: out))
        }
        guard FileWalker.isDirectory(url), !force else { return nil }
        let contents = (try? FileManager.default.contentsOfDirectory(atPath: out)) ?? []
        if !contents.isEmpty && !contents.contains(Self.marker) {
            return .error("the output folder \(out) is not empty and was not made by Blackout; refusing to replace it (move it away, or pass --force)",
                          at: SourceLocation(file: out))
        }
        return nil
    }

    /// A fresh, empty staging folder; leftovers of an interrupted build are removed first.
    func makeStaging() throws -> URL {
        let fm = FileManager.default
        if fm.fileExists(atPath: stagingURL.path) { try fm.removeItem(at: stagingURL) }
        try fm.createDirectory(at: stagingURL, withIntermediateDirectories: true)
        try Data("This folder was written by Blackout; a build may replace it whole.\n".utf8)
            .write(to: stagingURL.appendingPathComponent(Self.marker))
        return stagingURL
    }

    /// Puts the staged site in place of the output folder, atomically where the system allows.
    func commit() throws {
        let fm = FileManager.default
        if !fm.fileExists(atPath: url.path) {
            try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try fm.moveItem(at: stagingURL, to: url)
            return
        }
        if blackout_exchange_paths(stagingURL.path, url.path) == 0 {
            // The staging path now holds the previous site.
            try fm.removeItem(at: stagingURL)
            return
        }
        // No atomic exchange here: two renames, with the old site kept until the new one is in place.
        if fm.fileExists(atPath: retiredURL.path) { try fm.removeItem(at: retiredURL) }
        try fm.moveItem(at: url, to: retiredURL)
        do {
            try fm.moveItem(at: stagingURL, to: url)
        } catch {
            try? fm.moveItem(at: retiredURL, to: url)
            throw error
        }
        try fm.removeItem(at: retiredURL)
    }

    /// Removes the staging folder after a failed build; the output folder is not touched.
    func discardStaging() {
        try? FileManager.default.removeItem(at: stagingURL)
    }
}

/// Writes files under a root folder, creating parent folders as needed. Paths are the site's own
/// (never user-controlled "..").
struct FileSink: Sendable {
    let root: URL

    func write(_ path: String, _ text: String) throws {
        try write(path, Data(text.utf8))
    }

    func write(_ path: String, _ data: Data) throws {
        let target = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: target)
    }

    func copy(from source: URL, to path: String) throws {
        let target = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: source, to: target)
    }
}
