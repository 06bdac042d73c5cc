import Foundation
import SiteFiles
import Synchronization

/// The site of the build before last, reused as this build's staging folder: a file whose bytes
/// have not changed is left as it is, one that changed is replaced by a new file (FileSink), and
/// only files the new site no longer has are removed. So a rebuild creates and deletes few files (on a file
/// system with online discard, each deleted file costs a wait on the disk, and freed inodes make
/// the next allocations slower), and unchanged files keep their modification times, which
/// rsync-style uploads use.
///
/// The swap is unchanged: this folder is staging; the site in place is not touched until the
/// whole new site is ready, and the exchange leaves the previous site here for the next build.
final class PreviousOutput: Sendable {
    let root: String
    /// Regular files of the old site by relative path, numbered.
    let files: [String: Int]
    /// Folders of the old site, relative ("" is the root).
    let folders: Set<String>
    /// How many folders were listed from their manifest records rather than read.
    let foldersFromRecords: Int
    /// Which of `files` the new site wrote too (by number): the rest are removed at the end.
    private let written: Mutex<[Bool]>
    /// What the manifest says each file held when its build wrote it (by number), where it has
    /// a record (see `OutputManifest`).
    private let recorded: [OutputManifest.Entry?]
    /// The manifest generation whose records do not describe this site (the one in place).
    let inPlaceGeneration: UInt64?
    /// Folders listed from their records (by their path's hash), and the folders this build has
    /// changed since (an entry added, removed or replaced): a folder in the first and not in the
    /// second still has its recorded identity (`hasRecordedIdentity`).
    private let fromRecords: Set<Int>
    private let changed = Mutex<Set<String>>([])
    /// Folders under which the old site holds no file at all (made by hand: a build makes a
    /// folder only to put a file in it), deepest first: removed with the leftovers, so the
    /// new site has exactly the folders its files need.
    private let emptyFolders: [String]

    /// Lists the tree at `root`, removing on the way anything that is neither a regular file nor
    /// a folder (a link a user left in a served site is never written through). Nil when the
    /// tree cannot be listed or spans file systems; the caller then starts from an empty folder.
    /// A folder whose manifest record still matches it is listed from the records under it.
    init?(root: String, manifest: String? = nil) {
        self.root = root
        var rootInfo = stat()
        guard lstat(root, &rootInfo) == 0, (rootInfo.st_mode & S_IFMT) == S_IFDIR else { return nil }
        var files: [String: Int] = [:]
        var folders: Set<String> = [""]
        var changed: Set<String> = []
        var fromRecords: Set<Int> = []
        var emptyFolders: [String] = []
        do {
            let records = manifest.map { KeptFolderRecords(manifest: $0) } ?? KeptFolderRecords()
            // Level by level, each level's folders listed by several threads: a kept site the
            // kernel has reclaimed waits on the disk for every folder, and 50,000 incident
            // folders read one at a time took seconds.
            var level = [""]
            // Folders without a file of their own, with their folders, level by level.
            var withoutFiles: [[(String, [String])]] = []
            while !level.isEmpty {
                var next: [String] = []
                withoutFiles.append([])
                for (folder, listing) in zip(level, Self.list(level, root: root, device: rootInfo.st_dev, records: records)) {
                    guard let listing else { return nil }
                    if listing.removedSomething { changed.insert(folder) }
                    if listing.fromRecords { fromRecords.insert(folder.hashValue) }
                    if listing.files.isEmpty && !folder.isEmpty { withoutFiles[withoutFiles.count - 1].append((folder, listing.folders)) }
                    for path in listing.files { files[path] = files.count }
                    for path in listing.folders {
                        folders.insert(path)
                        next.append(path)
                    }
                }
                level = next
            }
            var empty: Set<String> = []
            for level in withoutFiles.reversed() {
                for (folder, inside) in level where inside.allSatisfy(empty.contains) {
                    empty.insert(folder)
                    emptyFolders.append(folder)
                }
            }
        }
        self.files = files
        written = Mutex([Bool](repeating: false, count: files.count))
        self.folders = folders
        var recorded = [OutputManifest.Entry?](repeating: nil, count: files.count)
        var inPlace: UInt64?
        if let manifest {
            // The kept site is the one before the site in place: records of an older generation.
            let current = OutputManifest.generation(at: manifest)
            inPlace = current
            _ = OutputManifest.read(manifest) { generation, path, entry, _ in
                if generation != current, entry.kind == .file, let number = files[path] { recorded[number] = entry }
            }
        }
        self.recorded = recorded
        inPlaceGeneration = inPlace
        self.fromRecords = fromRecords
        self.emptyFolders = emptyFolders
        self.changed.withLock { $0 = changed }
        foldersFromRecords = fromRecords.count
    }

    /// What one folder holds: its regular files and folders, as paths relative to the root.
    struct FolderListing: Sendable {
        var files: [String] = []
        var folders: [String] = []
        var fromRecords = false
        /// Something that was neither a file nor a folder was removed from it.
        var removedSomething = false
    }

    /// Lists `relatives` (in order), on up to eight threads when there are many; nil for a folder
    /// that cannot be listed, is on another file system, or holds an entry that could not be
    /// removed.
    static func list(_ relatives: [String], root: String, device: dev_t, records: KeptFolderRecords = KeptFolderRecords()) -> [FolderListing?] {
        let threads = Swift.min(8, relatives.count / 64)
        guard threads > 1 else { return relatives.map { listFolder($0, root: root, device: device, records: records) } }
        // Each thread keeps its own listings and hands them over once, at its end: a lock taken
        // per folder by eight threads on two cores spun for 13 % of a build's samples.
        let handedOver = Mutex<[[(Int, FolderListing?)]]>([])
        let nextIndex = Atomic<Int>(0)
        let group = DispatchGroup()
        for _ in 0..<threads {
            group.enter()
            // Threads of their own rather than Dispatch's, which runs one per core: these mostly
            // wait on the disk.
            Thread {
                var listed: [(Int, FolderListing?)] = []
                while true {
                    let index = nextIndex.wrappingAdd(1, ordering: .relaxed).oldValue
                    guard index < relatives.count else { break }
                    listed.append((index, listFolder(relatives[index], root: root, device: device, records: records)))
                }
                handedOver.withLock { $0.append(listed) }
                group.leave()
            }.start()
        }
        group.wait()
        var results = [FolderListing?](repeating: nil, count: relatives.count)
        for (index, listing) in handedOver.withLock({ $0 }).joined() { results[index] = listing }
        return results
    }

    /// One folder: from its records when its identity is the one recorded (one `lstat`),
    /// otherwise read: regular files and folders listed, anything else (a link, a FIFO) unlinked.
    /// The root is always read (the swap that put it in place changed its identity).
    static func listFolder(_ relative: String, root: String, device: dev_t, records: KeptFolderRecords = KeptFolderRecords()) -> FolderListing? {
        let absolute = relative.isEmpty ? root : root + "/" + relative
        if !relative.isEmpty, let expected = records.identity(of: relative) {
            var info = stat()
            if lstat(absolute, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR, info.st_dev == device,
               OutputManifest.Identity(info) == expected {
                let (files, folders) = records.listing(of: relative)
                return FolderListing(files: files, folders: folders, fromRecords: true)
            }
        }
        guard let directory = opendir(absolute) else { return nil }
        defer { closedir(directory) }
        // One fstat per folder (is it on the same file system?); entries are typed by readdir,
        // so files cost no call of their own.
        var folderInfo = stat()
        guard fstat(dirfd(directory), &folderInfo) == 0, folderInfo.st_dev == device else { return nil }
        var listing = FolderListing()
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw -> String? in
                guard let base = raw.baseAddress else { return nil }
                return String(validatingCString: base.assumingMemoryBound(to: CChar.self))
            }
            guard let name else { return nil }
            if name == "." || name == ".." { continue }
            let path = relative.isEmpty ? name : relative + "/" + name
            var type = Int32(entry.pointee.d_type)
            if type == Int32(DT_UNKNOWN) {
                var info = stat()
                guard lstat(absolute + "/" + name, &info) == 0 else { return nil }
                type = (info.st_mode & S_IFMT) == S_IFREG ? Int32(DT_REG) : (info.st_mode & S_IFMT) == S_IFDIR ? Int32(DT_DIR) : Int32(DT_LNK)
            }
            switch type {
            case Int32(DT_REG): listing.files.append(path)
            case Int32(DT_DIR): listing.folders.append(path)
            default:
                guard unlink(absolute + "/" + name) == 0 else { return nil }
                listing.removedSomething = true
            }
        }
        return listing
    }

    /// Whether `folder` was listed from its record and this build has changed nothing in it
    /// since: its record still describes it.
    func hasRecordedIdentity(_ folder: String) -> Bool {
        fromRecords.contains(folder.hashValue) && !changed.withLock { $0.contains(folder) }
    }

    /// Notes that an entry of `folder` was added, removed or replaced.
    func changedEntries(in folder: String) {
        _ = changed.withLock { $0.insert(folder) }
    }

    /// Whether the file at `path` already holds exactly `bytes` (whose fingerprint is given):
    /// its status when it does, nil when it must be written. Records `path` as part of the new
    /// site either way. A file the manifest describes is judged without being read.
    func unchangedFile(_ path: String, _ bytes: UnsafeRawBufferPointer, fingerprint: Fingerprint?) -> stat? {
        guard let number = files[path] else { return nil }
        written.withLock { $0[number] = true }
        let absolute = root + "/" + path
        if let record = recorded[number], let fingerprint {
            var info = stat()
            if lstat(absolute, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, OutputManifest.Identity(info) == record.identity {
                return record.identity.size == Int64(bytes.count) && record.fingerprint == fingerprint ? info : nil
            }
        }
        let descriptor = open(absolute, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, Int(info.st_size) == bytes.count else { return nil }
        var comparison = KeptFileComparison(descriptor: descriptor, expectedSize: bytes.count)
        return comparison.next(matches: bytes) && comparison.atEnd() ? info : nil
    }

    /// Records a file written without comparing (a copied bundle file).
    func wrote(_ path: String) {
        if let number = files[path] { written.withLock { $0[number] = true } }
    }

    /// Removes the old site's files the new one did not write, then the folders that left empty.
    func removeLeftovers() throws {
        let kept = written.withLock { $0 }
        var emptied: Set<String> = []
        for (path, number) in files where !kept[number] {
            // ENOTDIR, EISDIR: a folder of the old site is a file of the new one or the other way
            // round, already cleared when the new one was written.
            if unlink(root + "/" + path) != 0 && errno != ENOENT && errno != ENOTDIR && errno != EISDIR {
                throw FileSystemError(root + "/" + path, errno: errno)
            }
            changedEntries(in: OutputManifest.folder(of: path))
            if let slash = path.lastIndex(of: "/") { emptied.insert(String(path[..<slash])) }
        }
        // Deepest first. The new site may have put a file in one: it then stays.
        for folder in emptyFolders where try removeFolder(folder) {
            if let slash = folder.lastIndex(of: "/") { emptied.insert(String(folder[..<slash])) }
        }
        // Deepest first, level by level; a folder that still holds something stays (ENOTEMPTY),
        // and one that goes may leave its parent empty in turn.
        var levels: [Int: Set<String>] = [:]
        for folder in emptied { levels[folder.utf8.count { $0 == UInt8(ascii: "/") }, default: []].insert(folder) }
        var depth = levels.keys.max() ?? -1
        while depth >= 0 {
            for folder in levels[depth] ?? [] where folders.contains(folder) {
                if try removeFolder(folder), let slash = folder.lastIndex(of: "/") {
                    levels[depth - 1, default: []].insert(String(folder[..<slash]))
                }
            }
            depth -= 1
        }
    }

    /// Removes `folder` if it is empty: true when it went; false when it still holds something
    /// (ENOTEMPTY) or is gone or no folder (ENOENT, ENOTDIR).
    private func removeFolder(_ folder: String) throws -> Bool {
        guard rmdir(root + "/" + folder) == 0 else {
            if errno == ENOENT || errno == ENOTEMPTY || errno == ENOTDIR { return false }
            throw FileSystemError(root + "/" + folder, errno: errno)
        }
        changedEntries(in: folder)
        changedEntries(in: OutputManifest.folder(of: folder))
        return true
    }
}
