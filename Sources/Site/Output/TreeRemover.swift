import Dispatch
import Foundation
import Synchronization

/// `rm -rf` for the output's own trees (the previous site after the swap, a killed build's
/// staging folder), made of descriptor-relative calls so that it never leaves the tree it was
/// given: every folder is opened with O_NOFOLLOW from its already-open parent, by a name read
/// from that parent; a symbolic link is unlinked, never followed; a folder on another file
/// system (something mounted inside the tree) is reported, not entered.
///
/// The folders two levels down (`incidents/<slug>/`, `countries/<code>/`, …) hold nearly all of
/// a site's files; they are shared out between `threads` threads, and the rest is removed by
/// one. A folder that is not writable (0555) is made writable before its entries are unlinked;
/// one that cannot be read or entered is reported. Everything else that can be removed is, and
/// the first failure (with how many there were) is thrown at the end.
enum TreeRemover {
    static func remove(_ path: String, threads: Int = 2) throws {
        var info = stat()
        guard lstat(path, &info) == 0 else {
            if errno == ENOENT { return }
            throw FileSystemError(path, errno: errno)
        }
        guard (info.st_mode & S_IFMT) == S_IFDIR else {
            if unlink(path) != 0 && errno != ENOENT { throw FileSystemError(path, errno: errno) }
            return
        }
        let root = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard root >= 0 else { throw FileSystemError(path, errno: errno) }
        let walk = Walk(device: info.st_dev)
        if threads > 1 { walk.removeSecondLevel(root, path: path, threads: threads) }
        walk.empty(root, path: path)
        close(root)
        if rmdir(path) != 0 && errno != ENOENT { walk.failed(path, errno) }
        if let failure = walk.failure { throw failure }
    }
}

/// A name read from a folder, kept as the bytes the kernel gave (NUL-terminated), so a name that
/// is not UTF-8 is removed all the same.
private struct Entry {
    let name: [CChar]
    /// d_type: DT_DIR, DT_UNKNOWN (the file system does not say), or anything else.
    let type: UInt8
    let inode: UInt64

    var isFolderOrUnknown: Bool { type == Entry.folder || type == Entry.unknown }
    static let unknown: UInt8 = 0
    static let folder: UInt8 = 4

    func path(in folder: String) -> String {
        folder + "/" + String(decoding: name.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}

/// One removal: the file system it stays on, and the failures it met, from any thread.
private final class Walk: Sendable {
    let device: dev_t
    private let failures = Mutex<(first: FileSystemError?, count: Int)>((nil, 0))

    init(device: dev_t) { self.device = device }

    var failure: TreeRemovalError? {
        failures.withLock { state in state.first.map { TreeRemovalError(first: $0, count: state.count) } }
    }

    func failed(_ path: String, _ code: Int32) {
        failures.withLock { state in
            if state.first == nil { state.first = FileSystemError(path, errno: code) }
            state.count += 1
        }
    }

    /// The names in the folder open at `folder` (the descriptor stays the caller's).
    func list(_ folder: Int32, path: String) -> [Entry]? {
        let copy = dup(folder)
        guard copy >= 0, let stream = fdopendir(copy) else {
            failed(path, errno)
            return nil
        }
        defer { closedir(stream) }
        rewinddir(stream)
        var entries: [Entry] = []
        while true {
            errno = 0
            guard let entry = readdir(stream) else {
                if errno != 0 { failed(path, errno) }
                break
            }
            let name = withUnsafeBytes(of: &entry.pointee.d_name) { raw -> [CChar] in
                let bytes = raw.bindMemory(to: CChar.self)
                guard let base = bytes.baseAddress else { return [0] }
                return Array(UnsafeBufferPointer(start: base, count: strnlen(base, bytes.count) + 1))
            }
            if name == [46, 0] || name == [46, 46, 0] { continue }  // "." and ".."
            entries.append(Entry(name: name, type: entry.pointee.d_type, inode: UInt64(entry.pointee.d_ino)))
        }
        // In inode order, not the directory's hash order, as GNU rm does for large folders:
        // neighbouring inodes share inode-table blocks. (Its effect was within the noise of the
        // shared development machine; it costs one sort of names already in memory.)
        entries.sort { $0.inode < $1.inode }
        return entries
    }

    /// Removes everything inside the folder open at `folder`, not the folder itself.
    func empty(_ folder: Int32, path: String) {
        guard let entries = list(folder, path: path) else { return }
        var madeWritable = false
        for entry in entries {
            remove(entry, in: folder, path: path, madeWritable: &madeWritable)
        }
    }

    /// Removes one entry of the folder open at `folder`, a whole folder included.
    func remove(_ entry: Entry, in folder: Int32, path: String, madeWritable: inout Bool) {
        entry.name.withUnsafeBufferPointer { buffer in
            guard let name = buffer.baseAddress else { return }
            var isFolder = entry.type == Entry.folder
            if entry.type == Entry.unknown {
                var info = stat()
                if fstatat(folder, name, &info, AT_SYMLINK_NOFOLLOW) != 0 {
                    if errno != ENOENT { failed(entry.path(in: path), errno) }
                    return
                }
                isFolder = (info.st_mode & S_IFMT) == S_IFDIR
            }
            if isFolder {
                let child = openat(folder, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
                if child >= 0 {
                    let childPath = entry.path(in: path)
                    var info = stat()
                    if fstat(child, &info) == 0 && info.st_dev != device {
                        close(child)
                        failed(childPath, EXDEV)
                        return
                    }
                    empty(child, path: childPath)
                    close(child)
                } else if errno == ENOENT {
                    return
                } else if errno != ENOTDIR && errno != ELOOP {
                    failed(entry.path(in: path), errno)
                    return
                } else {
                    isFolder = false  // replaced by a file or a link since it was listed
                }
            }
            let flags = isFolder ? AT_REMOVEDIR : 0
            var status = unlinkat(folder, name, flags)
            if status != 0 && errno == EISDIR && !isFolder {
                // A folder where a file was listed: list and remove it as one.
                remove(Entry(name: entry.name, type: Entry.folder, inode: entry.inode), in: folder, path: path, madeWritable: &madeWritable)
                return
            }
            if status != 0 && (errno == EACCES || errno == EPERM) && !madeWritable {
                // A read-only folder (0555) of our own tree: unlinking in it needs write
                // permission on it, which its owner may give back.
                madeWritable = true
                var info = stat()
                if fstat(folder, &info) == 0 && fchmod(folder, (info.st_mode & 0o7777) | S_IRWXU) == 0 {
                    status = unlinkat(folder, name, flags)
                } else {
                    errno = EACCES
                }
            }
            if status != 0 && errno != ENOENT { failed(entry.path(in: path), errno) }
        }
    }

    /// Removes the folders two levels below the root, shared out between `threads` threads;
    /// whatever this leaves (files one level down, the first-level folders, anything that
    /// failed) is for the single-threaded pass after it.
    func removeSecondLevel(_ root: Int32, path: String, threads: Int) {
        guard let top = list(root, path: path) else { return }
        var parents: [(descriptor: Int32, path: String)] = []
        var jobs: [(parent: Int, entry: Entry)] = []
        for entry in top where entry.type == Entry.folder {
            let folder = openat(root, entry.name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            guard folder >= 0 else { continue }
            var info = stat()
            guard fstat(folder, &info) == 0, info.st_dev == device, let entries = list(folder, path: entry.path(in: path)) else {
                close(folder)
                continue
            }
            parents.append((folder, entry.path(in: path)))
            jobs += entries.filter { $0.isFolderOrUnknown }.map { (parents.count - 1, $0) }
        }
        defer { for parent in parents { close(parent.descriptor) } }
        guard jobs.count > 1 else { return }
        let next = Atomic<Int>(0)
        let parentsCopy = parents
        let jobsCopy = jobs
        DispatchQueue.concurrentPerform(iterations: min(threads, jobs.count)) { _ in
            while true {
                let index = next.add(1, ordering: .relaxed).oldValue
                guard index < jobsCopy.count else { return }
                let job = jobsCopy[index]
                let parent = parentsCopy[job.parent]
                var madeWritable = false
                remove(job.entry, in: parent.descriptor, path: parent.path, madeWritable: &madeWritable)
            }
        }
    }
}

/// What a removal left behind: the first failure, and how many there were.
struct TreeRemovalError: Error, LocalizedError, CustomStringConvertible {
    let first: FileSystemError
    let count: Int

    var description: String {
        count == 1 ? "cannot remove \(first.description)" : "cannot remove \(count) entries; the first: \(first.description)"
    }

    var errorDescription: String? { description }
}
