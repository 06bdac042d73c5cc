import Diagnostics
import Foundation
import Synchronization

/// The boundary every input crosses (SPEC §9): a path under the site is inspected without
/// trusting its links, and is read only when it resolves to a regular file inside the site
/// folder. A symbolic link may point elsewhere inside the site; one that leaves it is refused,
/// so a contributor cannot publish `/etc/passwd` by committing a link to it.
package struct SiteFolder: Sendable {
    /// The site folder as the user named it.
    package let root: URL
    /// Its real path (links resolved), the prefix every input's real path must have.
    let realRoot: String
    /// Real paths of the folders files were found in, resolved once per folder: `realpath` reads
    /// every component of a path as a link (7 `readlink` calls for each of 10,000 incidents).
    private let realFolders = RealFolders()

    package init(root: URL) {
        self.root = root
        self.realRoot = Self.realPath(root.path) ?? root.standardizedFileURL.path
    }

    /// What a path turned out to be.
    package enum Kind: Equatable {
        /// A regular file inside the site, at this real path, of this many bytes.
        case file(String, size: Int)
        /// A folder inside the site, at this real path.
        case folder(String)
        /// A link (or a path through one) that resolves outside the site folder.
        case outside(String)
        /// A link to nothing.
        case dangling(String)
        /// A FIFO, socket or device: reading it could block forever.
        case special(String)
        case missing
    }

    /// Looks at `url` with lstat first, so nothing is opened or followed before it is known.
    package func inspect(_ url: URL) -> Kind {
        inspect(path: url.path)
    }

    package func inspect(path: String) -> Kind {
        var info = stat()
        guard lstat(path, &info) == 0 else { return .missing }
        // A regular file (not a link) is where its folder really is: only the folder needs resolving.
        if (info.st_mode & S_IFMT) == S_IFREG, let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")), slash != path.utf8.startIndex,
           let folder = realFolders.realPath(of: String(path[..<slash])) {
            let real = (folder == "/" ? "" : folder) + path[slash...]
            return isInside(real) ? .file(real, size: Int(info.st_size)) : .outside(real)
        }
        let isLink = (info.st_mode & S_IFMT) == S_IFLNK
        guard let real = Self.realPath(path) else {
            return isLink ? .dangling(Self.linkTarget(path) ?? "?") : .missing
        }
        guard isInside(real) else { return .outside(real) }
        var target = stat()
        guard stat(real, &target) == 0 else { return .missing }
        switch target.st_mode & S_IFMT {
        case S_IFREG: return .file(real, size: Int(target.st_size))
        case S_IFDIR: return .folder(real)
        default: return .special(Self.describeSpecial(target.st_mode))
        }
    }

    /// The real path and size of a file to read, or the diagnostic that says why it is not read.
    func readablePath(_ url: URL, displayPath: String) -> Result<(path: String, size: Int), Diagnostic> {
        readablePath(path: url.path, displayPath: displayPath)
    }

    func readablePath(path: String, displayPath: String) -> Result<(path: String, size: Int), Diagnostic> {
        let at = SourceLocation(file: displayPath)
        switch inspect(path: path) {
        case .file(let real, let size): return .success((real, size))
        case .folder: return .failure(.error("is a folder, not a file", at: at))
        case .outside(let real):
            return .failure(.error("is a symbolic link to \(real), outside the site folder; it is not read (copy the file into the site instead)", at: at))
        case .dangling(let target):
            return .failure(.error("cannot read file: it is a symbolic link to \"\(target)\", which does not exist", at: at))
        case .special(let kind): return .failure(.error("is \(kind), not a regular file; it is not read", at: at))
        case .missing: return .failure(.error("cannot read file: it does not exist", at: at))
        }
    }

    private func isInside(_ real: String) -> Bool {
        real == realRoot || real.hasPrefix(realRoot.hasSuffix("/") ? realRoot : realRoot + "/")
    }

    package static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    package static func linkTarget(_ path: String) -> String? {
        try? FileManager.default.destinationOfSymbolicLink(atPath: path)
    }

    static func describeSpecial(_ mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFIFO: "a FIFO (named pipe)"
        case S_IFSOCK: "a socket"
        case S_IFCHR: "a character device"
        case S_IFBLK: "a block device"
        default: "a special file"
        }
    }
}

/// Folder path → its real path, filled as files are inspected (by several loading threads). It
/// lives as long as its `SiteFolder`, which a load makes afresh, so `serve` never trusts an
/// answer from an earlier build.
private final class RealFolders: Sendable {
    private let known = Mutex<[String: String]>([:])

    func realPath(of folder: String) -> String? {
        if let real = known.withLock({ $0[folder] }) { return real }
        guard let real = SiteFolder.realPath(folder) else { return nil }
        known.withLock { $0[folder] = real }
        return real
    }
}
