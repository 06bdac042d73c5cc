import Foundation
import SiteFiles
import Synchronization

/// What a build wrote, kept beside the output (`.public.blackout-manifest`, never inside the
/// served site) so that the build after next can tell that a file of the kept site is still the
/// one it is about to write, from `lstat` and a fingerprint of the new bytes, without reading
/// the old file. Comparing by reading cost a 10,000-incident site with charts 1.6 GB of reads
/// per build, and much of it from the disk once the kernel had reclaimed the cold kept site.
///
/// A record holds the file's identity as the build left it (inode, size, modification and
/// change times to the nanosecond) and the fingerprint of its bytes. Any later change to the
/// file moves its change time, which nothing can set back, so a record that still matches the
/// file describes its bytes; anything else (no record, a different identity, an unreadable or
/// truncated manifest) falls back to reading the file and comparing. (File times advance by
/// the kernel's clock tick, a few milliseconds: only a program rewriting a page in place, to
/// the same size, within that tick of the build writing it could go unnoticed.)
///
/// Records carry the generation of the build that wrote them. The manifest keeps the last two
/// generations: the site in place, and the kept site the next build starts from.
///
/// Folders have records too: a folder's identity as the build left it, which moves whenever an
/// entry is added to it, removed or renamed. A kept folder whose record still matches holds
/// what the records under it say, so the next build lists it from the manifest instead of
/// reading it (`PreviousOutput`): reading 20,000 folders was a fifth of a rebuild's CPU time.
/// Version 2 added them; a version 1 manifest is not read (its build then compares by reading).
enum OutputManifest {
    static let magic = Array("blackout manifest 2\n".utf8)

    struct Identity: Equatable, Sendable {
        var inode: UInt64
        var size: Int64
        var modified: Int64
        var modifiedNanoseconds: Int64
        var changed: Int64
        var changedNanoseconds: Int64

        init(_ info: stat) {
            inode = UInt64(info.st_ino)
            size = Int64(info.st_size)
            modified = Int64(info.st_mtim.tv_sec)
            modifiedNanoseconds = Int64(info.st_mtim.tv_nsec)
            changed = Int64(info.st_ctim.tv_sec)
            changedNanoseconds = Int64(info.st_ctim.tv_nsec)
        }

        init(inode: UInt64, size: Int64, modified: Int64, modifiedNanoseconds: Int64, changed: Int64, changedNanoseconds: Int64) {
            self.inode = inode
            self.size = size
            self.modified = modified
            self.modifiedNanoseconds = modifiedNanoseconds
            self.changed = changed
            self.changedNanoseconds = changedNanoseconds
        }
    }

    struct Entry: Equatable, Sendable {
        var identity: Identity
        var fingerprint: Fingerprint
        var kind: Kind = .file
    }

    /// What a record describes. Only a `.file` record's fingerprint speaks for its bytes.
    enum Kind: UInt64, Sendable {
        /// A file written by the build, with the fingerprint of its bytes.
        case file = 0
        /// A file copied from the site (a bundle's data), judged by size and time, not recorded
        /// bytes: its record says only that it is there.
        case copy = 1
        /// A folder.
        case folder = 2
    }

    /// The kind sits in the two top bits of a record's path length.
    private static let kindShift: UInt64 = 62

    /// The generation in the manifest's header: the build that wrote the site in place (0 when
    /// there is no manifest).
    static func generation(at path: String) -> UInt64 {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard descriptor >= 0 else { return 0 }
        defer { close(descriptor) }
        var header = [UInt8](repeating: 0, count: magic.count + 8)
        let count = header.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress, $0.count) }
        guard count == header.count, header.starts(with: magic) else { return 0 }
        var value: UInt64 = 0
        for index in 0..<8 { value |= UInt64(header[magic.count + index]) << (8 * UInt64(index)) }
        return value
    }

    /// One record: generation, path length, path, then eight 64-bit fields, little-endian.
    static func append(generation: UInt64, path: String, entry: Entry, to bytes: inout [UInt8]) {
        func put(_ value: UInt64) {
            withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
        }
        put(generation)
        put(UInt64(path.utf8.count) | entry.kind.rawValue << kindShift)
        bytes.append(contentsOf: path.utf8)
        let identity = entry.identity
        for value in [identity.inode, UInt64(bitPattern: identity.size), UInt64(bitPattern: identity.modified),
                      UInt64(bitPattern: identity.modifiedNanoseconds), UInt64(bitPattern: identity.changed),
                      UInt64(bitPattern: identity.changedNanoseconds), entry.fingerprint.low, entry.fingerprint.high] {
            put(value)
        }
    }

    /// "incidents/a/index.html" → "incidents/a"; "index.html" → "".
    static func folder(of path: String) -> String {
        path.utf8.lastIndex(of: UInt8(ascii: "/")).map { String(path[..<$0]) } ?? ""
    }

    /// Which records are handed over with their path; the others come with an empty one
    /// (copying records whole needs none, and making 150,000 Strings takes a while).
    enum Paths { case all, folders, none }

    /// The generation in the header and every whole record, in file order; nil when the file
    /// is missing or is not a manifest. A record cut short ends the reading (what came before
    /// it is still good: each record is checked against the file it names anyway). The file is
    /// read through a 1 MiB window: at 50,000 incidents it is 31 MB.
    static func read(_ path: String, paths: Paths = .all,
                     _ body: (_ generation: UInt64, _ path: String, _ entry: Entry, _ raw: ArraySlice<UInt8>) -> Void) -> UInt64? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var window = Window(descriptor: descriptor)
        guard window.ensure(magic.count + 8), window.bytes[0..<magic.count].elementsEqual(magic) else { return nil }
        window.position = magic.count
        guard let current = window.integer() else { return nil }
        // The longest record: two integers, a path of at most 4,096 bytes, eight integers.
        while window.ensure(10 * 8 + 4_096) || window.position < window.bytes.count {
            let start = window.position
            guard let generation = window.integer(), let lengthAndKind = window.integer(),
                  let kind = Kind(rawValue: lengthAndKind >> kindShift) else { break }
            let length = lengthAndKind & ((1 << kindShift) - 1)
            guard length <= 4_096, window.bytes.count - window.position >= Int(length) else { break }
            let pathStart = window.position
            window.position += Int(length)
            // The eight fields, read in place (one record of 100,000 and more).
            guard window.ensure(8 * 8) else { break }
            let field = { (index: Int) -> UInt64 in window.field(index) }
            let entry = Entry(
                identity: Identity(inode: field(0), size: Int64(bitPattern: field(1)), modified: Int64(bitPattern: field(2)),
                                   modifiedNanoseconds: Int64(bitPattern: field(3)), changed: Int64(bitPattern: field(4)),
                                   changedNanoseconds: Int64(bitPattern: field(5))),
                fingerprint: Fingerprint(low: field(6), high: field(7)), kind: kind)
            window.position += 8 * 8
            let path = paths == .none || (paths == .folders && kind != .folder) ? "" : window.bytes.withUnsafeBufferPointer {
                String(decoding: UnsafeBufferPointer(rebasing: $0[pathStart..<(pathStart + Int(length))]), as: UTF8.self)
            }
            body(generation, path, entry, window.bytes[start..<window.position])
        }
        return current
    }

    /// Bytes of a file from `position` on, read ahead as needed.
    private struct Window {
        let descriptor: Int32
        var bytes: [UInt8] = []
        var position = 0
        var ended = false

        init(descriptor: Int32) { self.descriptor = descriptor }

        /// Makes at least `count` bytes from `position` available if the file has them; false
        /// when it ends first.
        mutating func ensure(_ count: Int) -> Bool {
            if bytes.count - position >= count { return true }
            bytes.removeSubrange(0..<position)
            position = 0
            let chunk = Swift.max(1 << 20, count)
            while !ended && bytes.count < count {
                let old = bytes.count
                bytes.append(contentsOf: repeatElement(0, count: chunk))
                let read = bytes.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress.map { $0 + old }, chunk) }
                if read < 0 && errno == EINTR {
                    bytes.removeSubrange(old...)
                    continue
                }
                bytes.removeSubrange((old + Swift.max(read, 0))...)
                if read <= 0 { ended = true }
            }
            return bytes.count >= count
        }

        mutating func integer() -> UInt64? {
            guard ensure(8) else { return nil }
            defer { position += 8 }
            return field(0)
        }

        /// The little-endian integer `index` places after `position` (`ensure` made it present).
        func field(_ index: Int) -> UInt64 {
            bytes.withUnsafeBytes { UInt64(littleEndian: $0.loadUnaligned(fromByteOffset: position + 8 * index, as: UInt64.self)) }
        }
    }
}

/// The records of the site a build is writing, streamed to `<manifest>.new` as files are
/// written (from several threads), and made the manifest once the new site is in place.
final class ManifestWriter: Sendable {
    let path: String
    let generation: UInt64
    private let state: Mutex<State>

    private struct State {
        var descriptor: Int32
        var buffer: [UInt8]
        var failed = false
        /// A file was written without a record: no folder can be described whole.
        var incomplete = false
    }

    /// Starts `<path>.new`; nil when it cannot be created (the build goes on without one).
    init?(path: String, generation: UInt64) {
        self.path = path
        self.generation = generation
        let descriptor = open(path + ".new", O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0o644)
        guard descriptor >= 0 else { return nil }
        var header = OutputManifest.magic
        withUnsafeBytes(of: generation.littleEndian) { header.append(contentsOf: $0) }
        state = Mutex(State(descriptor: descriptor, buffer: header))
    }

    deinit {
        state.withLock { state in
            if state.descriptor >= 0 { close(state.descriptor) }
        }
    }

    func add(_ path: String, _ info: stat, _ fingerprint: Fingerprint, kind: OutputManifest.Kind = .file) {
        add(path, OutputManifest.Entry(identity: OutputManifest.Identity(info), fingerprint: fingerprint, kind: kind))
    }

    private func add(_ path: String, _ entry: OutputManifest.Entry) {
        state.withLock { state in
            OutputManifest.append(generation: generation, path: path, entry: entry, to: &state.buffer)
            if state.buffer.count >= 1 << 18 { Self.flush(&state) }
        }
    }

    /// A file of the new site went unrecorded (its status could not be read after writing).
    func missed() {
        state.withLock { $0.incomplete = true }
    }

    /// Records the new site's `folders` (all but the root, which the swap renames) once the site
    /// in `root` is whole: after the last file was written and the leftovers removed. A kept
    /// folder this build listed from its record and left unchanged takes that record's identity
    /// (read again from the manifest in place); the others are looked at now. Nothing is
    /// recorded when a file went unrecorded: a folder record promises that the records under
    /// it list everything it holds.
    func addFolders(root: String, folders: Set<String>, previous: PreviousOutput?) {
        guard !state.withLock({ $0.incomplete }) else { return }
        var done: Set<Int> = []
        if let previous, let inPlace = previous.inPlaceGeneration {
            _ = OutputManifest.read(path, paths: .folders) { generation, folder, entry, _ in
                guard generation != inPlace, entry.kind == .folder, folders.contains(folder), previous.hasRecordedIdentity(folder) else { return }
                add(folder: folder, entry.identity)
                done.insert(folder.hashValue)
            }
        }
        for folder in folders where !folder.isEmpty && !done.contains(folder.hashValue) {
            var info = stat()
            guard lstat(root + "/" + folder, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else { continue }
            add(folder: folder, OutputManifest.Identity(info))
        }
    }

    private func add(folder: String, _ identity: OutputManifest.Identity) {
        add(folder, OutputManifest.Entry(identity: identity, fingerprint: Fingerprint(low: 0, high: 0), kind: .folder))
    }

    private static func flush(_ state: inout State) {
        guard !state.failed, state.descriptor >= 0 else { return }
        let complete = state.buffer.withUnsafeBytes { writeAll(state.descriptor, $0) == 0 }
        if !complete { state.failed = true }
        state.buffer.removeAll(keepingCapacity: true)
    }

    /// After the new site is in place: the records of the site it replaced (now the kept one)
    /// are carried over from the old manifest, and `<path>.new` becomes the manifest. Any
    /// failure leaves no manifest, which only makes the next builds compare by reading.
    func finish(carrying previousGeneration: UInt64?) {
        let done: Bool = state.withLock { state in
            if let previousGeneration {
                _ = OutputManifest.read(path, paths: .none) { generation, _, _, raw in
                    guard generation == previousGeneration else { return }
                    state.buffer.append(contentsOf: raw)
                    if state.buffer.count >= 1 << 18 { Self.flush(&state) }
                }
            }
            Self.flush(&state)
            let closed = close(state.descriptor) == 0
            state.descriptor = -1
            return closed && !state.failed
        }
        if !done || rename(path + ".new", path) != 0 {
            unlink(path + ".new")
            unlink(path)
        }
    }

    /// The build failed: the manifest in place still describes the sites on disk.
    func discard() {
        state.withLock { state in
            if state.descriptor >= 0 { close(state.descriptor) }
            state.descriptor = -1
        }
        unlink(path + ".new")
    }
}
