import Foundation

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

    /// Copies the content of `source` (a file the load phase checked lies inside the site), so
    /// the output never holds a symbolic link, whatever the input was.
    func copy(from source: URL, to path: String) throws {
        let target = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: source.resolvingSymlinksInPath(), to: target)
    }
}
