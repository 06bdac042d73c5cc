import Foundation
@testable import Site
import SiteFiles
import Testing

/// The output manifest (OutputManifest, ManifestWriter) and the fingerprint it records: what
/// lets a build judge a kept file without reading it, and falls back to reading when unsure.
@Suite struct OutputManifestTests {
    private func fingerprint(_ bytes: [UInt8]) -> Fingerprint {
        bytes.withUnsafeBytes { Fingerprint($0) }
    }

    @Test func fingerprintsTellEveryOneByteChangeAndLength() {
        var generator = SystemRandomNumberGenerator()
        for size in [0, 1, 7, 8, 9, 15, 16, 17, 64, 1_001] {
            let bytes = (0..<size).map { _ in UInt8.random(in: 0...255, using: &generator) }
            #expect(fingerprint(bytes) == fingerprint(bytes))
            for position in 0..<size {
                var changed = bytes
                changed[position] ^= 1
                #expect(fingerprint(changed) != fingerprint(bytes), "byte \(position) of \(size)")
            }
            #expect(fingerprint(bytes + [0]) != fingerprint(bytes), "a zero added to \(size) bytes")
        }
    }

    /// Given in pieces of any size, the bytes have the fingerprint they have whole.
    @Test func piecesHaveTheFingerprintOfTheWhole() {
        var generator = SystemRandomNumberGenerator()
        for size in [0, 5, 31, 32, 33, 95, 1_000, 70_001] {
            let bytes = (0..<size).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let whole = fingerprint(bytes)
            for _ in 0..<5 {
                var hasher = Fingerprint.Hasher()
                var start = 0
                while start < size {
                    let end = Swift.min(size, start + Int.random(in: 1...97, using: &generator))
                    hasher.update(Array(bytes[start..<end]))
                    start = end
                }
                #expect(hasher.finish() == whole, "\(size) bytes")
            }
        }
    }

    @Test func recordsReadBackAndACutFileKeepsWhatCameBefore() throws {
        let temp = try TempFolder()
        let path = temp.url.appendingPathComponent("manifest").path
        let writer = try #require(ManifestWriter(path: path, generation: 7))
        var info = stat()
        info.st_ino = 42
        info.st_size = 3
        info.st_mtim = timespec(tv_sec: 1_700_000_000, tv_nsec: 5)
        info.st_ctim = timespec(tv_sec: 1_700_000_001, tv_nsec: 6)
        writer.add("index.html", info, fingerprint([1, 2, 3]))
        info.st_ino = 43
        writer.add("incidents/é/index.html", info, fingerprint([4]))
        writer.finish(carrying: nil)

        var records: [(UInt64, String, OutputManifest.Entry)] = []
        let generation = OutputManifest.read(path) { records.append(($0, $1, $2)) ; _ = $3 }
        #expect(generation == 7 && OutputManifest.generation(at: path) == 7)
        #expect(records.map(\.1) == ["index.html", "incidents/é/index.html"])
        #expect(records.allSatisfy { $0.0 == 7 })
        #expect(records[0].2.identity == OutputManifest.Identity(inode: 42, size: 3, modified: 1_700_000_000, modifiedNanoseconds: 5,
                                                                  changed: 1_700_000_001, changedNanoseconds: 6))
        #expect(records[0].2.fingerprint == fingerprint([1, 2, 3]))

        // Cut inside the second record: the first still reads.
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        try data.dropLast(5).write(to: URL(fileURLWithPath: path))
        var count = 0
        _ = OutputManifest.read(path) { _, _, _, _ in count += 1 }
        #expect(count == 1)
        // Not a manifest at all.
        try Data("<html>".utf8).write(to: URL(fileURLWithPath: path))
        #expect(OutputManifest.read(path) { _, _, _, _ in } == nil)
        #expect(OutputManifest.generation(at: path) == 0)
    }

    /// Each kind of record (a written file, a copied one, a folder) reads back as that kind.
    @Test func recordKindsReadBack() throws {
        let temp = try TempFolder()
        let path = temp.url.appendingPathComponent("manifest").path
        let writer = try #require(ManifestWriter(path: path, generation: 3))
        try FileManager.default.createDirectory(at: temp.url.appendingPathComponent("site/a/b"), withIntermediateDirectories: true)
        var info = stat()
        info.st_ino = 9
        writer.add("a/b/page.html", info, fingerprint([7]))
        writer.add("a/b/data.csv", info, Fingerprint(low: 0, high: 0), kind: .copy)
        writer.addFolders(root: temp.url.appendingPathComponent("site").path, folders: ["", "a", "a/b", "a/gone"], previous: nil)
        writer.finish(carrying: nil)
        var kinds: [String: OutputManifest.Kind] = [:]
        _ = OutputManifest.read(path) { _, path, entry, _ in kinds[path] = entry.kind }
        // The root is never recorded (the swap renames it), nor a folder that is not there.
        #expect(kinds == ["a/b/page.html": .file, "a/b/data.csv": .copy, "a": .folder, "a/b": .folder])
    }

    /// A kept file its record still describes is judged by the record alone (so a record that
    /// lied would be believed: the file's bytes are not read), and a file changed since its
    /// record was made is read and compared.
    @Test func aMatchingRecordIsTrustedAndAChangedFileIsRead() throws {
        let temp = try TempFolder()
        let root = temp.url.appendingPathComponent("kept")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        let file = root.appendingPathComponent("page.html")
        try Data("old page".utf8).write(to: file)
        var info = stat()
        #expect(lstat(file.path, &info) == 0)
        let manifest = temp.url.appendingPathComponent("manifest").path
        // Generation 1 holds the kept site; the header says 2 is in place.
        let writer = try #require(ManifestWriter(path: manifest, generation: 2))
        writer.finish(carrying: nil)
        var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: manifest)))
        OutputManifest.append(generation: 1, path: "page.html",
                              entry: OutputManifest.Entry(identity: OutputManifest.Identity(info), fingerprint: fingerprint(Array("new page".utf8))),
                              to: &bytes)
        try Data(bytes).write(to: URL(fileURLWithPath: manifest))

        let kept = try #require(PreviousOutput(root: root.path, manifest: manifest))
        let new = Array("new page".utf8)
        #expect(new.withUnsafeBytes { kept.unchangedFile("page.html", $0, fingerprint: fingerprint(new)) } != nil)
        let other = Array("new pagf".utf8)
        #expect(other.withUnsafeBytes { kept.unchangedFile("page.html", $0, fingerprint: fingerprint(other)) } == nil)

        // Rewritten with other bytes: the record no longer speaks for it (here its size moved,
        // as the change time does), so the bytes are read and compared.
        let newer = Array("newer page".utf8)
        try Data(newer).write(to: file)
        let reread = try #require(PreviousOutput(root: root.path, manifest: manifest))
        #expect(newer.withUnsafeBytes { reread.unchangedFile("page.html", $0, fingerprint: fingerprint(newer)) } != nil)
        let other10 = Array("newer pagf".utf8)
        #expect(other10.withUnsafeBytes { reread.unchangedFile("page.html", $0, fingerprint: fingerprint(other10)) } == nil)
    }
}
