import Diagnostics
import Foundation

/// Lists files without following symbolic links, so a symlink loop cannot hang a build and a
/// link cannot lead a build outside the site.
package enum FileWalker {
    package enum Kind: Sendable, Equatable {
        case file, folder, symlink, special
    }

    package struct Entry: Sendable {
        package var name: String
        package var kind: Kind
        package var isDirectory: Bool { kind == .folder }
        package var isSymlink: Bool { kind == .symlink }
    }

    /// The entries of one directory, sorted by name, without hidden and editors' files
    /// (`SiteFileNames`). Types come from lstat: a link is reported as a link, never as what it
    /// points to.
    package static func entries(of directory: URL) -> [Entry] {
        entries(atPath: directory.path)
    }

    static func entries(atPath directory: String) -> [Entry] {
        if let listed = DirectoryListing.entries(atPath: directory) { return listed }
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return [] }
        return names.filter { !SiteFileNames.isIgnored($0) }.sorted().map { name in
            Entry(name: name, kind: kind(of: joined(directory, name)))
        }
    }

    /// `directory/name`, as `URL.appendingPathComponent(_:).path` gives it for a plain name.
    package static func joined(_ directory: String, _ name: String) -> String {
        directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }

    static func kind(of path: String) -> Kind {
        var info = stat()
        guard lstat(path, &info) == 0 else { return .special }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .folder
        case S_IFLNK: return .symlink
        default: return .special
        }
    }

    /// Every readable file under `directory`, as paths relative to it, sorted, with a
    /// diagnostic for everything left out: a link that leaves the site is an error; a link to a
    /// folder, a dangling link and a FIFO, socket or device are skipped with a warning. A link
    /// to a regular file inside the site is listed (its content is read, never the link copied).
    package static func files(under directory: URL, site: SiteFolder, display: String, maxDepth: Int = 16) -> (files: [String], diagnostics: [Diagnostic]) {
        files(underPath: directory.path, site: site, display: display, maxDepth: maxDepth)
    }

    package static func files(underPath directory: String, site: SiteFolder, display: String, maxDepth: Int = 16) -> (files: [String], diagnostics: [Diagnostic]) {
        var result: [String] = []
        var diagnostics: [Diagnostic] = []
        // The folder itself may be reached through a link (content/ or a bundle linked elsewhere).
        if case .outside(let real) = site.inspect(path: directory) {
            return ([], [.error("leads to \(real), outside the site folder, through a symbolic link; nothing in it is read", at: SourceLocation(file: display))])
        }
        func walk(_ folder: String, prefix: String, depth: Int) {
            guard depth <= maxDepth else { return }
            for entry in entries(atPath: folder) {
                let relative = prefix.isEmpty ? entry.name : prefix + "/" + entry.name
                let at = SourceLocation(file: display + "/" + relative)
                let child = joined(folder, entry.name)
                if entry.kind != .folder, ControlCharacters.removed(from: entry.name) != entry.name {
                    diagnostics.append(.warning("the file name has control characters; it is skipped (rename it)", at: at))
                    continue
                }
                switch entry.kind {
                case .folder:
                    walk(child, prefix: relative, depth: depth + 1)
                case .file:
                    result.append(relative)
                case .special:
                    diagnostics.append(.warning("is \(SiteFolder.describeSpecial(mode(of: child))), not a regular file; it is skipped", at: at))
                case .symlink:
                    switch site.inspect(path: child) {
                    case .file: result.append(relative)
                    case .folder:
                        diagnostics.append(.warning("a symbolic link to a folder is not followed; it is skipped", at: at))
                    case .outside(let real):
                        diagnostics.append(.error("is a symbolic link to \(real), outside the site folder; it is not read (copy the file into the site instead)", at: at))
                    case .dangling(let target):
                        diagnostics.append(.warning("is a symbolic link to \"\(target)\", which does not exist; it is skipped", at: at))
                    case .special(let kind):
                        diagnostics.append(.warning("is a symbolic link to \(kind), not a regular file; it is skipped", at: at))
                    case .missing:
                        diagnostics.append(.warning("cannot be read; it is skipped", at: at))
                    }
                }
            }
        }
        walk(directory, prefix: "", depth: 0)
        return (result.sorted(), diagnostics)
    }

    private static func mode(of path: String) -> mode_t {
        var info = stat()
        return lstat(path, &info) == 0 ? info.st_mode : 0
    }

    package static func isDirectory(_ url: URL) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}
