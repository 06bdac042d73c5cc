import Foundation

/// Lists files without following symbolic links, so a symlink loop cannot hang a build.
enum FileWalker {
    struct Entry: Sendable {
        var name: String
        var isDirectory: Bool
        var isSymlink: Bool
    }

    /// The entries of one directory, sorted by name, hidden files (".…") left out.
    static func entries(of directory: URL) -> [Entry] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else { return [] }
        return names.filter { !$0.hasPrefix(".") }.sorted().map { name in
            let path = directory.appendingPathComponent(name).path
            var isSymlink = false
            if let attributes = try? FileManager.default.attributesOfItem(atPath: path),
               let type = attributes[.type] as? FileAttributeType {
                isSymlink = type == .typeSymbolicLink
            }
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
            return Entry(name: name, isDirectory: exists && isDirectory.boolValue && !isSymlink, isSymlink: isSymlink)
        }
    }

    /// Every regular file under `directory`, as paths relative to it, sorted. Symlinked
    /// directories are not entered; symlinked files are listed (their target is read).
    static func files(under directory: URL, maxDepth: Int = 16) -> [String] {
        var result: [String] = []
        func walk(_ url: URL, prefix: String, depth: Int) {
            guard depth <= maxDepth else { return }
            for entry in entries(of: url) {
                let relative = prefix.isEmpty ? entry.name : prefix + "/" + entry.name
                if entry.isDirectory {
                    walk(url.appendingPathComponent(entry.name), prefix: relative, depth: depth + 1)
                } else if !entry.isSymlink || FileManager.default.fileExists(atPath: url.appendingPathComponent(entry.name).path) {
                    result.append(relative)
                }
            }
        }
        walk(directory, prefix: "", depth: 0)
        return result.sorted()
    }

    static func isDirectory(_ url: URL) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}
