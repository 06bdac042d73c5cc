import Foundation
import SiteFiles
import Synchronization

/// Writes files under a root folder, creating parent folders as needed. Paths are the site's own
/// (never user-controlled ".."), relative to the root, with "/" between folders.
///
/// Plain POSIX calls: one `open`, a `write` loop, one `close` per file, and each folder made once
/// per build (the sink remembers which folders exist, so 30,000 files in 20,000 folders cost
/// 20,000 `mkdir`s, not 30,000 `createDirectory` walks). There is no `fsync` per file, and no
/// `syncfs` before the swap either: SPEC §9 promises that a failed, interrupted or killed build
/// leaves the previous site whole, and a killed process loses nothing from the page cache; the
/// swap is one rename made after every `write` returned, so any reader (and any later build)
/// sees either the whole previous site or the whole new one. Surviving a power cut is not
/// promised (Hugo does not sync either). Measured on the development machine (ext4, no journal,
/// `discard`): one sync after writing a 10,000-incident-sized tree (30,000 files, 330 MB) took
/// 0.38–0.48 s, against 0.5–0.8 s for writing the tree itself, which is too much to pay on
/// every build for a promise SPEC §9 does not make.
struct FileSink: Sendable {
    let root: URL
    private let rootPath: String
    private let folders: MadeFolders
    /// When the root holds an older site: files that have not changed are not rewritten.
    private let previous: PreviousOutput?
    /// Where each written (or kept) file's record goes, for the build after next.
    private let manifest: ManifestWriter?

    init(root: URL, previous: PreviousOutput? = nil, manifest: ManifestWriter? = nil) {
        self.root = root
        let path = root.standardizedFileURL.path
        rootPath = path.hasSuffix("/") && path.count > 1 ? String(path.dropLast()) : path
        folders = MadeFolders(previous?.folders ?? [])
        self.previous = previous
        self.manifest = manifest
    }

    /// Every folder the sink made or found (the kept site's included), relative; "" is the root.
    var knownFolders: Set<String> { folders.all }

    func write(_ path: String, _ text: String) throws {
        var text = text
        try text.withUTF8 { try write(path, bytes: UnsafeRawBufferPointer($0)) }
    }

    func write(_ path: String, _ data: Data) throws {
        try data.withUnsafeBytes { try write(path, bytes: $0) }
    }

    func write(_ path: String, bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { try write(path, bytes: $0) }
    }

    /// Writes `bytes` as the whole content of the file at `path` (replacing any file there).
    /// New files get 0666 less the umask, as any program's would.
    func write(_ path: String, bytes: UnsafeRawBufferPointer) throws {
        let fingerprint = manifest == nil ? nil : Fingerprint(bytes)
        if let previous {
            if let kept = previous.unchangedFile(relative(path), bytes, fingerprint: fingerprint) {
                if let fingerprint { manifest?.add(relative(path), kept, fingerprint) }
                return
            }
            try clearKept(at: path)
        }
        let target = try prepare(path)
        previous?.changedEntries(in: OutputManifest.folder(of: relative(path)))
        var descriptor = open(target, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0o666)
        if descriptor < 0, errno == EISDIR, previous != nil {
            // A folder the kept site's listing did not know of (made there after it was listed)
            // stands where this file goes: it is cleared as a listed one would have been.
            try TreeRemover.remove(target, threads: 1)
            descriptor = open(target, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0o666)
        }
        guard descriptor >= 0 else { throw FileSystemError(target, errno: errno) }
        do {
            try Self.writeAll(descriptor, bytes, path: target)
        } catch {
            close(descriptor)
            throw error
        }
        // The file as written (its times no longer change): the record the next builds check.
        var info = stat()
        if let manifest, let fingerprint {
            if fstat(descriptor, &info) == 0 { manifest.add(relative(path), info, fingerprint) } else { manifest.missed() }
        }
        // close(2) reports delayed write errors (NFS, quota); a failure there is a failed write.
        // It is never retried: on Linux the descriptor is gone even when close fails.
        if close(descriptor) != 0 { throw FileSystemError(target, errno: errno) }
    }

    /// Writes a file made in pieces without holding it whole (incidents.json: 65 MB at 50,000
    /// incidents). The pieces go to a temporary name beside the file's place and, where the kept
    /// site has the file, are compared with it on the way: the same bytes leave the kept file as
    /// it is, anything else is renamed into its place.
    func write(_ path: String, streamed produce: (_ emit: ([UInt8]) -> Void) -> Void) throws {
        let relative = relative(path)
        let target = try prepare(path)
        // The temporary file comes and goes in the folder, whatever the outcome.
        previous?.changedEntries(in: OutputManifest.folder(of: relative))
        let temporary = target + ".blackout-partial"
        unlink(temporary)
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o666)
        guard descriptor >= 0 else { throw FileSystemError(temporary, errno: errno) }
        var kept: Int32 = -1
        var keptInfo = stat()
        if let previous, previous.files[relative] != nil {
            kept = open(target, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
            if kept >= 0, fstat(kept, &keptInfo) != 0 || (keptInfo.st_mode & S_IFMT) != S_IFREG {
                close(kept)
                kept = -1
            }
        }
        var same = kept >= 0
        var comparison = KeptFileComparison(descriptor: kept)
        var hasher = Fingerprint.Hasher()
        var failure: Error?
        produce { piece in
            guard failure == nil else { return }
            hasher.update(piece)
            do {
                try piece.withUnsafeBytes { try Self.writeAll(descriptor, $0, path: temporary) }
            } catch {
                failure = error
            }
            if same { same = piece.withUnsafeBytes { comparison.next(matches: $0) } }
        }
        // The kept file must also end where the new one does.
        if same { same = comparison.atEnd() }
        if kept >= 0 { close(kept) }
        let closed = close(descriptor) == 0
        if let failure {
            unlink(temporary)
            throw failure
        }
        guard closed else {
            let code = errno
            unlink(temporary)
            throw FileSystemError(temporary, errno: code)
        }
        let fingerprint = hasher.finish()
        previous?.wrote(relative)
        if same {
            unlink(temporary)
            manifest?.add(relative, keptInfo, fingerprint)
            return
        }
        try clearKept(at: path)
        guard rename(temporary, target) == 0 else {
            let code = errno
            unlink(temporary)
            throw FileSystemError(target, errno: code)
        }
        // Recorded after the rename, which moves the file's change time.
        var info = stat()
        if lstat(target, &info) == 0 { manifest?.add(relative, info, fingerprint) } else { manifest?.missed() }
    }

    /// Copies the content of `sourcePath` (a file the load phase checked lies inside the site), so
    /// the output never holds a symbolic link, whatever the input was: a link is followed when
    /// the source is opened, and the bytes are copied into a new regular file.
    func copy(from sourcePath: String, to path: String) throws {
        let input = open(sourcePath, O_RDONLY | O_CLOEXEC)
        guard input >= 0 else { throw FileSystemError(sourcePath, errno: errno) }
        defer { close(input) }
        var sourceInfo = stat()
        guard fstat(input, &sourceInfo) == 0 else { throw FileSystemError(sourcePath, errno: errno) }
        if let previous {
            previous.wrote(relative(path))
            // As rsync decides by default: the kept copy has the source's size and modification
            // time (set below when it was copied), so it is the same file, and the bytes of a
            // bundle's data (often most of a site's size) are not copied again on every build.
            var kept = stat()
            if lstat(rootPath + "/" + relative(path), &kept) == 0, (kept.st_mode & S_IFMT) == S_IFREG,
               kept.st_size == sourceInfo.st_size, kept.st_mtim.tv_sec == sourceInfo.st_mtim.tv_sec,
               kept.st_mtim.tv_nsec == sourceInfo.st_mtim.tv_nsec {
                manifest?.add(relative(path), kept, Fingerprint(low: 0, high: 0), kind: .copy)
                return
            }
            try clearKept(at: path)
        }
        let target = try prepare(path)
        previous?.changedEntries(in: OutputManifest.folder(of: relative(path)))
        let output = open(target, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0o666)
        guard output >= 0 else { throw FileSystemError(target, errno: errno) }
        do {
            let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 17, alignment: 16)
            defer { buffer.deallocate() }
            while true {
                let count = read(input, buffer.baseAddress, buffer.count)
                if count < 0 {
                    if errno == EINTR { continue }
                    throw FileSystemError(sourcePath, errno: errno)
                }
                if count == 0 { break }
                try Self.writeAll(output, UnsafeRawBufferPointer(rebasing: buffer[0..<count]), path: target)
            }
        } catch {
            close(output)
            throw error
        }
        // The copy takes the source's modification time, which is what lets the next build
        // recognise it (and what an uploader comparing times expects).
        var times = [sourceInfo.st_atim, sourceInfo.st_mtim]
        futimens(output, &times)
        // Recorded so that its folder's record lists it (its bytes are judged by size and time).
        var info = stat()
        if fstat(output, &info) == 0 { manifest?.add(relative(path), info, Fingerprint(low: 0, high: 0), kind: .copy) } else { manifest?.missed() }
        if close(output) != 0 { throw FileSystemError(target, errno: errno) }
    }

    private func relative(_ path: String) -> String {
        path.hasPrefix("/") ? String(path.drop { $0 == "/" }) : path
    }

    /// Clears what the kept site has at `path` before a new file is made there. A folder (the
    /// new site has a file where the old had a folder) is removed; a file is unlinked, never
    /// truncated in place: the kept site was served, and a hard link someone made there would
    /// otherwise carry the write to wherever its other name is.
    private func clearKept(at path: String) throws {
        guard let previous else { return }
        let relative = relative(path)
        let absolute = rootPath + "/" + relative
        if previous.folders.contains(relative) {
            previous.changedEntries(in: relative)
            try TreeRemover.remove(absolute, threads: 1)
        } else if previous.files[relative] != nil, unlink(absolute) != 0, errno != ENOENT, errno != EISDIR, errno != ENOTDIR {
            throw FileSystemError(absolute, errno: errno)
        }
    }

    /// The absolute path of `path`, with its folder made if this sink has not made it yet.
    private func prepare(_ path: String) throws -> String {
        let relative = relative(path)
        if let slash = relative.utf8.lastIndex(of: UInt8(ascii: "/")) {
            try makeFolder(String(relative[..<slash]))
        } else {
            try makeFolder("")
        }
        return rootPath + "/" + relative
    }

    /// Makes the folder `relative` (and whatever is missing above it, the root included) unless
    /// this sink already made it or saw it exist. Two threads may race to make the same folder;
    /// the loser gets EEXIST, which is success.
    private func makeFolder(_ relative: String) throws {
        if folders.contains(relative) { return }
        let absolute = relative.isEmpty ? rootPath : rootPath + "/" + relative
        // Where the older site had a file, the new one needs a folder.
        if let previous, previous.files[relative] != nil { unlink(absolute) }
        previous?.changedEntries(in: OutputManifest.folder(of: relative))
        if mkdir(absolute, 0o777) != 0 {
            switch errno {
            case EEXIST:
                // Made by another thread, or there before the sink (the root). Something that is
                // not a folder fails at the next open, with ENOTDIR and its path.
                break
            // ENOTDIR: the older site has a file where this folder's parent goes; making the parent
            // clears it.
            case ENOENT where !absolute.isEmpty && absolute != "/", ENOTDIR where previous != nil:
                if relative.isEmpty {
                    try Self.makeChain(rootPath)
                } else {
                    let parent = relative.utf8.lastIndex(of: UInt8(ascii: "/")).map { String(relative[..<$0]) } ?? ""
                    try makeFolder(parent)
                    if mkdir(absolute, 0o777) != 0 && errno != EEXIST {
                        throw FileSystemError(absolute, errno: errno, making: true)
                    }
                }
            default:
                throw FileSystemError(absolute, errno: errno, making: true)
            }
        }
        folders.insert(relative)
    }

    /// `mkdir -p` for the root, which lies outside what the sink tracks.
    private static func makeChain(_ absolute: String) throws {
        if mkdir(absolute, 0o777) == 0 || errno == EEXIST { return }
        guard errno == ENOENT, let slash = absolute.utf8.lastIndex(of: UInt8(ascii: "/")), slash != absolute.utf8.startIndex else {
            throw FileSystemError(absolute, errno: errno, making: true)
        }
        try makeChain(String(absolute[..<slash]))
        if mkdir(absolute, 0o777) != 0 && errno != EEXIST { throw FileSystemError(absolute, errno: errno, making: true) }
    }

    /// Every byte written (see SiteFiles' `writeAll`), or the failure with the file's path.
    private static func writeAll(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer, path: String) throws {
        let code = SiteFiles.writeAll(descriptor, bytes)
        if code != 0 { throw FileSystemError(path, errno: code) }
    }
}

/// The folders a sink has made or found, shared by every thread writing through it.
private final class MadeFolders: Sendable {
    private let made: Mutex<Set<String>>

    init(_ existing: Set<String>) { made = Mutex(existing) }

    func contains(_ folder: String) -> Bool { made.withLock { $0.contains(folder) } }
    func insert(_ folder: String) { _ = made.withLock { $0.insert(folder) } }
    var all: Set<String> { made.withLock { $0 } }
}

/// A failed system call on a path, worded for `cannot write <file>: <description>` and for
/// `localizedDescription`: "/path/to/file: Permission denied".
struct FileSystemError: Error, LocalizedError, CustomStringConvertible {
    let path: String
    let code: Int32
    let making: Bool

    init(_ path: String, errno code: Int32, making: Bool = false) {
        self.path = path
        self.code = code
        self.making = making
    }

    var description: String {
        let reason = String(cString: strerror(code))
        return making ? "cannot create the folder \(path): \(reason)" : "\(path): \(reason)"
    }

    var errorDescription: String? { description }
}
