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
enum OutputManifest {
    static let magic = Array("blackout manifest 1\n".utf8)

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
    }

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
        put(UInt64(path.utf8.count))
        bytes.append(contentsOf: path.utf8)
        let identity = entry.identity
        for value in [identity.inode, UInt64(bitPattern: identity.size), UInt64(bitPattern: identity.modified),
                      UInt64(bitPattern: identity.modifiedNanoseconds), UInt64(bitPattern: identity.changed),
                      UInt64(bitPattern: identity.changedNanoseconds), entry.fingerprint.low, entry.fingerprint.high] {
            put(value)
        }
    }

    /// The generation in the header and every whole record, in file order; nil when the file
    /// is missing or is not a manifest. A record cut short ends the reading (what came before
    /// it is still good: each record is checked against the file it names anyway). The file is
    /// read through a 1 MiB window: at 50,000 incidents it is 31 MB.
    static func read(_ path: String, _ body: (_ generation: UInt64, _ path: String, _ entry: Entry, _ raw: ArraySlice<UInt8>) -> Void) -> UInt64? {
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
            guard let generation = window.integer(), let length = window.integer(), length <= 4_096,
                  window.bytes.count - window.position >= Int(length) else { break }
            let pathBytes = window.bytes[window.position..<(window.position + Int(length))]
            window.position += Int(length)
            var fields: [UInt64] = []
            fields.reserveCapacity(8)
            for _ in 0..<8 {
                guard let value = window.integer() else { break }
                fields.append(value)
            }
            guard fields.count == 8 else { break }
            let entry = Entry(
                identity: Identity(inode: fields[0], size: Int64(bitPattern: fields[1]), modified: Int64(bitPattern: fields[2]),
                                   modifiedNanoseconds: Int64(bitPattern: fields[3]), changed: Int64(bitPattern: fields[4]),
                                   changedNanoseconds: Int64(bitPattern: fields[5])),
                fingerprint: Fingerprint(low: fields[6], high: fields[7]))
            body(generation, String(decoding: pathBytes, as: UTF8.self), entry, window.bytes[start..<window.position])
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
            var value: UInt64 = 0
            for index in 0..<8 { value |= UInt64(bytes[position + index]) << (8 * UInt64(index)) }
            position += 8
            return value
        }
    }
}

/// The records of the site a build is writing, streamed to `<manifest>.new` as files are
/// written (from several threads), and made the manifest once the new site is in place.
final class ManifestWriter: Sendable {
    let path: String
    let generation: UInt64
    private let state: Mutex<(descriptor: Int32, buffer: [UInt8], failed: Bool)>

    /// Starts `<path>.new`; nil when it cannot be created (the build goes on without one).
    init?(path: String, generation: UInt64) {
        self.path = path
        self.generation = generation
        let descriptor = open(path + ".new", O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0o644)
        guard descriptor >= 0 else { return nil }
        var header = OutputManifest.magic
        withUnsafeBytes(of: generation.littleEndian) { header.append(contentsOf: $0) }
        state = Mutex((descriptor, header, false))
    }

    deinit {
        state.withLock { state in
            if state.descriptor >= 0 { close(state.descriptor) }
        }
    }

    func add(_ path: String, _ info: stat, _ fingerprint: Fingerprint) {
        state.withLock { state in
            OutputManifest.append(generation: generation, path: path,
                                  entry: OutputManifest.Entry(identity: OutputManifest.Identity(info), fingerprint: fingerprint),
                                  to: &state.buffer)
            if state.buffer.count >= 1 << 18 { Self.flush(&state) }
        }
    }

    private static func flush(_ state: inout (descriptor: Int32, buffer: [UInt8], failed: Bool)) {
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
                _ = OutputManifest.read(path) { generation, _, _, raw in
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
