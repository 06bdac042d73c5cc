import Foundation
import Testing
@testable import Site

/// The kept site's comparison (PreviousOutput.unchangedFile) reads the old file a block at a time:
/// a difference or a length change anywhere, before, at or after a block boundary, is seen.
@Suite struct PreviousOutputTests {
    static let block = 1 << 16

    @Test(arguments: [1, block - 1, block, block + 1, 3 * block + 17])
    func comparesTheWholeFile(size: Int) throws {
        let temp = try TempFolder()
        let root = temp.url.appendingPathComponent("kept")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        var generator = SystemRandomNumberGenerator()
        let content = (0..<size).map { _ in UInt8.random(in: 0...255, using: &generator) }
        try Data(content).write(to: root.appendingPathComponent("page.html"))
        let kept = try #require(PreviousOutput(root: root.path))
        func unchanged(_ bytes: [UInt8]) -> Bool {
            bytes.withUnsafeBytes { kept.unchangedFile("page.html", $0, fingerprint: nil) != nil }
        }

        #expect(unchanged(content))
        for position in Set([0, size / 2, size - 1, Self.block - 1, Self.block, size - 2]) where position >= 0 && position < size {
            var changed = content
            changed[position] ^= 0x20
            #expect(!unchanged(changed), "a byte changed at \(position) of \(size)")
        }
        #expect(!unchanged(Array(content.dropLast())))
        #expect(!unchanged(content + [0x0A]))
        #expect(!unchanged(content + Array(repeating: 0, count: Self.block)))
        #expect([UInt8]().withUnsafeBytes { kept.unchangedFile("missing.html", $0, fingerprint: nil) } == nil)
    }

    /// Many folders at one level are listed by several threads: every file and folder is found,
    /// and links planted among them are removed, as the one-thread listing does.
    @Test func aWideTreeIsListedWhole() throws {
        let temp = try TempFolder()
        let root = temp.url.appendingPathComponent("kept")
        var expectedFiles: Set<String> = []
        for n in 0..<600 {
            let folder = root.appendingPathComponent("incidents/i-\(n)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data("page \(n)".utf8).write(to: folder.appendingPathComponent("index.html"))
            expectedFiles.insert("incidents/i-\(n)/index.html")
            if n % 100 == 7 {
                try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("link.html").path, withDestinationPath: "/etc/hostname")
            }
        }
        let kept = try #require(PreviousOutput(root: root.path))
        #expect(Set(kept.files.keys) == expectedFiles)
        #expect(kept.folders.count == 602)
        #expect(kept.folders.contains("incidents/i-599"))
        let links = (0..<600).filter { n in
            var info = stat()
            return lstat(root.appendingPathComponent("incidents/i-\(n)/link.html").path, &info) == 0
        }
        #expect(links.isEmpty)
    }
}
