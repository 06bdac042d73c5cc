#if canImport(Glibc)
import Glibc
#endif
import Foundation
import SiteFiles

/// Reports changes to what a build reads: `site.yml`, and everything under `content/` and
/// `templates/`. On Linux through inotify (each folder watched, new folders added as they
/// appear); where inotify cannot be had, by comparing the files' sizes and times every 300 ms.
/// `onChange` gets the site-relative path of a changed file, on a thread of the watcher's own.
final class FolderWatcher: @unchecked Sendable {
    // Unchecked: after `start`, the watch table is touched by the watcher's thread only.
    private let root: String
    private let onChange: @Sendable (String) -> Void
    private var folders: [Int32: String] = [:]
    private static let watchedFolders = ["content", "templates"]

    init(siteRoot: String, onChange: @escaping @Sendable (String) -> Void) {
        root = siteRoot.hasSuffix("/") ? String(siteRoot.dropLast()) : siteRoot
        self.onChange = onChange
    }

    /// "inotify" or "polling": how changes are seen.
    func start() -> String {
        #if canImport(Glibc)
        let descriptor = inotify_init1(Int32(IN_CLOEXEC))
        if descriptor >= 0 {
            addWatch(descriptor, relative: "", recursive: false)
            for folder in Self.watchedFolders { addWatch(descriptor, relative: folder, recursive: true) }
            Thread.detachNewThread { [self] in readEvents(descriptor) }
            return "inotify"
        }
        #endif
        Thread.detachNewThread { [self] in poll() }
        return "polling"
    }

    /// Hidden files and editors' swap, backup and probe files are not the site (and `build`
    /// leaves them out too).
    static func ignored(_ name: Substring) -> Bool {
        SiteFileNames.isIgnored(name)
    }

    #if canImport(Glibc)
    private static let mask = UInt32(IN_MODIFY | IN_CLOSE_WRITE | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | IN_ATTRIB | IN_DELETE_SELF)

    private func addWatch(_ descriptor: Int32, relative: String, recursive: Bool) {
        let path = relative.isEmpty ? root : root + "/" + relative
        let watch = inotify_add_watch(descriptor, path, Self.mask | UInt32(IN_ONLYDIR))
        guard watch >= 0 else { return }
        folders[watch] = relative
        guard recursive, let entries = try? FileManager.default.contentsOfDirectory(atPath: path) else { return }
        for entry in entries where !Self.ignored(Substring(entry)) {
            var info = stat()
            if lstat(path + "/" + entry, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
                addWatch(descriptor, relative: relative + "/" + entry, recursive: true)
            }
        }
    }

    private func readEvents(_ descriptor: Int32) {
        var buffer = [UInt8](repeating: 0, count: 64 * 1_024)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return }
            var offset = 0
            // struct inotify_event: wd (4), mask (4), cookie (4), len (4), then len bytes of name.
            while offset + 16 <= count {
                let (watch, mask, length) = buffer.withUnsafeBytes { raw in
                    (raw.loadUnaligned(fromByteOffset: offset, as: Int32.self),
                     raw.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self),
                     Int(raw.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self)))
                }
                let nameBytes = buffer[(offset + 16)..<min(count, offset + 16 + length)].prefix { $0 != 0 }
                offset += 16 + length
                // The kernel dropped events (a huge burst): which files changed is unknown, so rebuild.
                if mask & UInt32(IN_Q_OVERFLOW) != 0 {
                    onChange("content")
                    continue
                }
                let name = String(decoding: nameBytes, as: UTF8.self)
                guard let folder = folders[watch], !Self.ignored(Substring(name)) else { continue }
                let relative = folder.isEmpty ? name : folder + "/" + name
                if folder.isEmpty {
                    // At the top only site.yml and the two folders matter.
                    guard name == "site.yml" || Self.watchedFolders.contains(name) else { continue }
                    if Self.watchedFolders.contains(name), mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 {
                        addWatch(descriptor, relative: name, recursive: true)
                    }
                } else if mask & UInt32(IN_ISDIR) != 0, mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 {
                    addWatch(descriptor, relative: relative, recursive: true)
                }
                onChange(relative.isEmpty ? folder : relative)
            }
        }
    }
    #endif

    private func poll() {
        var last = snapshot()
        while true {
            Thread.sleep(forTimeInterval: 0.3)
            let now = snapshot()
            guard now != last else { continue }
            let changed = Set(now.keys).symmetricDifference(last.keys).union(now.keys.filter { last[$0] != nil && last[$0] != now[$0] })
            last = now
            // Every changed path: serve reads again only the files it is told about.
            for path in changed.sorted() { onChange(path) }
        }
    }

    /// Size and modification time of every file a build reads.
    private func snapshot() -> [String: [Int]] {
        var files: [String: [Int]] = [:]
        func note(_ relative: String) {
            var info = stat()
            guard lstat(root + "/" + relative, &info) == 0 else { return }
            files[relative] = [Int(info.st_size), Int(info.st_mtim.tv_sec), Int(info.st_mtim.tv_nsec), Int(info.st_ino)]
        }
        note("site.yml")
        for folder in Self.watchedFolders {
            guard let walker = FileManager.default.enumerator(atPath: root + "/" + folder) else { continue }
            while let entry = walker.nextObject() as? String {
                note(folder + "/" + entry)
            }
        }
        return files
    }
}
