import Foundation
@testable import Site
import Testing

/// FileSink's streamed write (incidents.json): the file is the pieces joined, a kept file with
/// the same bytes is left as it is, and any difference (anywhere, or in length) replaces it.
@Suite struct StreamedWriteTests {
    static let pieces: [[UInt8]] = [Array("{\n  \"a\": 1,\n".utf8), Array(repeating: 0x61, count: 100_000), Array("\n}\n".utf8)]

    private func inode(_ path: String) -> UInt64 {
        var info = stat()
        return lstat(path, &info) == 0 ? UInt64(info.st_ino) : 0
    }

    private func write(_ pieces: [[UInt8]], into root: URL, previous: PreviousOutput?) throws {
        try FileSink(root: root, previous: previous).write("incidents.json", streamed: { emit in pieces.forEach(emit) })
    }

    @Test func theFileIsThePiecesJoined() throws {
        let temp = try TempFolder()
        let root = temp.url.appendingPathComponent("site")
        try write(Self.pieces, into: root, previous: nil)
        let written = try [UInt8](Data(contentsOf: root.appendingPathComponent("incidents.json")))
        #expect(written == Self.pieces.flatMap { $0 })
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("incidents.json.blackout-partial").path))
    }

    @Test(arguments: [
        [Array("{\n  \"a\": 1,\n".utf8), Array(repeating: 0x61, count: 100_000), Array("\n}\n".utf8)],  // the same
        [Array("{\n  \"a\": 2,\n".utf8), Array(repeating: 0x61, count: 100_000), Array("\n}\n".utf8)],  // first piece
        [Array("{\n  \"a\": 1,\n".utf8), Array(repeating: 0x61, count: 100_000), Array("\n]\n".utf8)],  // last byte but one
        [Array("{\n  \"a\": 1,\n".utf8), Array(repeating: 0x61, count: 100_000), Array("\n}".utf8)],    // shorter
        [Array("{\n  \"a\": 1,\n".utf8), Array(repeating: 0x61, count: 100_000), Array("\n}\n\n".utf8)], // longer
    ])
    func aKeptFileIsKeptOnlyWhenItIsTheSame(pieces: [[UInt8]]) throws {
        let temp = try TempFolder()
        let root = temp.url.appendingPathComponent("kept")
        try write(Self.pieces, into: root, previous: nil)
        let path = root.appendingPathComponent("incidents.json").path
        let before = inode(path)
        let kept = try #require(PreviousOutput(root: root.path))
        try write(pieces, into: root, previous: kept)
        let written = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(written == pieces.flatMap { $0 })
        #expect((inode(path) == before) == (pieces == Self.pieces))
        #expect(!FileManager.default.fileExists(atPath: path + ".blackout-partial"))
    }
}
