#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A directory's entries with their types from one `readdir` pass: the type the file system
/// stores in each entry is the entry's own (a link is a link), as lstat says, without a system
/// call per file. Where the file system does not store it, lstat is asked.
enum DirectoryListing {
    /// Sorted by name, hidden entries left out; nil when the directory cannot be opened or a
    /// name is not valid UTF-8 (the caller then lists it through Foundation, as before).
    static func entries(atPath directory: String) -> [FileWalker.Entry]? {
        #if os(Linux)
        guard let handle = opendir(directory) else { return nil }
        defer { closedir(handle) }
        var entries: [FileWalker.Entry] = []
        while let entry = readdir(handle) {
            var bytes = entry.pointee.d_name
            let capacity = MemoryLayout.size(ofValue: bytes)
            let name = withUnsafePointer(to: &bytes) { pointer in
                pointer.withMemoryRebound(to: CChar.self, capacity: capacity) { String(validatingCString: $0) }
            }
            guard let name else { return nil }
            if SiteFileNames.isIgnored(name) { continue }
            entries.append(FileWalker.Entry(name: name, kind: kind(entry.pointee.d_type, path: FileWalker.joined(directory, name))))
        }
        entries.sort { $0.name < $1.name }
        return entries
        #else
        return nil
        #endif
    }

    #if os(Linux)
    /// `d_type` values (dirent.h).
    private static func kind(_ type: UInt8, path: String) -> FileWalker.Kind {
        switch type {
        case 8: .file  // DT_REG
        case 4: .folder  // DT_DIR
        case 10: .symlink  // DT_LNK
        case 0: FileWalker.kind(of: path)  // DT_UNKNOWN
        default: .special
        }
    }
    #endif
}
