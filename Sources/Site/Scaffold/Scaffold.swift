import Foundation
import OutageData
import SiteRender

public struct ScaffoldError: Error {
    public let message: String
    /// True when the command line itself was wrong (exit 64), not the file system.
    public let isUsage: Bool
}

/// `blackout new incident` and `blackout init`: files a user starts from.
public enum Scaffold {
    /// Writes content/incidents/<date>-<slug>.md (or a bundle folder) and returns its path
    /// relative to the site. The slug is the title's Latin letters and digits, or
    /// "incident-<n>" when it has none (see `IncidentSlug`).
    public static func newIncident(title: String, start: String?, bundle: Bool, siteRoot: URL, now: Date = Date()) throws(ScaffoldError) -> String {
        guard !title.allSatisfy(\.isWhitespace) else { throw ScaffoldError(message: "the title must not be empty", isUsage: true) }
        let startTime: Timestamp
        if let start {
            do {
                startTime = try Timestamp.parse(start)
            } catch {
                throw ScaffoldError(message: "--start \(error.message)", isUsage: true)
            }
        } else {
            let seconds = Int64(now.timeIntervalSince1970)
            startTime = Timestamp(seconds: seconds - seconds % 60)
        }
        let date = Timestamp(seconds: startTime.seconds, isDateOnly: true).iso8601
        let folder = siteRoot.appendingPathComponent("content/incidents")
        let slug = IncidentSlug.from(title: title)
            ?? IncidentSlug.fallback(existing: (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
        let name = "\(date)-\(slug)"
        let relative = bundle ? "content/incidents/\(name)/index.md" : "content/incidents/\(name).md"
        let url = siteRoot.appendingPathComponent(relative)
        guard !FileManager.default.fileExists(atPath: url.path) else {
            throw ScaffoldError(message: "\(relative) already exists", isUsage: false)
        }
        let text = """
        ---
        title: \(Escape.json(title))
        start: \(startTime.iso8601)
        # end: \(startTime.iso8601)
        # summary: One or two sentences on what happened.
        # countries: [XX]
        # asns: []
        # cause: unknown
        # scope: national
        # impact: total
        # timezone: UTC
        # tags: []
        # sources:
        #   - title: Where the facts come from
        #     url: https://example.org/
        # timeline:
        #   - at: \(startTime.iso8601)
        #     text: First reports.
        #     status: investigating
        ---

        What happened, how it was measured, and what it meant.

        """
        try write(text, to: url)
        return relative
    }

    /// Writes a new site into `directory`, which must be empty or not exist. Returns the paths
    /// written, relative to it.
    public static func initSite(at directory: URL) throws(ScaffoldError) -> [String] {
        let fm = FileManager.default
        if let contents = try? fm.contentsOfDirectory(atPath: directory.path), !contents.isEmpty {
            throw ScaffoldError(message: "\(directory.path) is not empty; blackout init writes only into an empty or new folder", isUsage: false)
        }
        var written: [String] = []
        for (path, text) in StarterSite.files.sorted(by: { $0.key < $1.key }) {
            try write(text, to: directory.appendingPathComponent(path))
            written.append(path)
        }
        return written
    }

    private static func write(_ text: String, to url: URL) throws(ScaffoldError) {
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url, options: .withoutOverwriting)
        } catch {
            throw ScaffoldError(message: "cannot write \(url.path): \(error.localizedDescription)", isUsage: false)
        }
    }
}
