import Foundation

/// The kept site's folder records from the manifest (see `OutputManifest`): for each recorded
/// folder, its identity and the paths recorded under it, so that `PreviousOutput` can list a
/// folder whose identity still matches without reading it.
///
/// Built in one pass over the manifest and dropped once the kept site is listed. It is kept
/// small, as it lives while the content loads: folders are found by their path's hash (two
/// paths with one hash only make a folder be read instead: its identity is then compared with
/// another folder's record, which never matches), and the paths under a folder are chained
/// through arrays instead of one array per folder. About 70 bytes a folder and 25 a path, plus
/// the paths themselves, which become the listing's.
struct KeptFolderRecords: Sendable {
    private var folderIndex: [Int: Int32] = [:]
    private var identities: [OutputManifest.Identity] = []
    /// First path recorded under each folder (-1: none).
    private var firstChild: [Int32] = []
    private var childPaths: [String] = []
    private var childIsFolder: [Bool] = []
    /// The next path under the same folder (-1: the last).
    private var nextChild: [Int32] = []

    init() {}

    /// The records of the kept site: any generation but the one in the manifest's header.
    init(manifest: String) {
        let current = OutputManifest.generation(at: manifest)
        _ = OutputManifest.read(manifest) { generation, path, entry, _ in
            guard generation != current, !path.isEmpty else { return }
            if entry.kind == .folder {
                identities[folder(path)] = entry.identity
            }
            // The root's own entries are always read, so they need no chain.
            let parent = OutputManifest.folder(of: path)
            guard !parent.isEmpty else { return }
            let number = folder(parent)
            childPaths.append(path)
            childIsFolder.append(entry.kind == .folder)
            nextChild.append(firstChild[number])
            firstChild[number] = Int32(childPaths.count - 1)
        }
    }

    /// The number of the folder at `path`, made when it is new.
    private mutating func folder(_ path: String) -> Int {
        if let number = folderIndex[path.hashValue] { return Int(number) }
        let number = identities.count
        folderIndex[path.hashValue] = Int32(number)
        identities.append(OutputManifest.Identity(inode: 0, size: -1, modified: 0, modifiedNanoseconds: 0, changed: 0, changedNanoseconds: 0))
        firstChild.append(-1)
        return number
    }

    /// The identity recorded for the folder at `path`, if it has a record.
    func identity(of path: String) -> OutputManifest.Identity? {
        guard let number = folderIndex[path.hashValue], identities[Int(number)].size >= 0 else { return nil }
        return identities[Int(number)]
    }

    /// The files and folders recorded under the folder at `path`.
    func listing(of path: String) -> (files: [String], folders: [String]) {
        var files: [String] = []
        var folders: [String] = []
        guard let number = folderIndex[path.hashValue] else { return (files, folders) }
        var child = firstChild[Int(number)]
        while child >= 0 {
            let index = Int(child)
            // Under a hash shared with another folder, only this folder's own paths.
            if OutputManifest.folder(of: childPaths[index]) == path {
                if childIsFolder[index] { folders.append(childPaths[index]) } else { files.append(childPaths[index]) }
            }
            child = nextChild[index]
        }
        return (files, folders)
    }
}
