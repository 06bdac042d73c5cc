import Foundation
import Testing
@testable import SiteFiles

/// One readdir pass lists what Foundation plus an lstat per entry listed.
@Suite struct DirectoryListingTests {
    @Test func listsNamesAndTypesAsLstatDoes() throws {
        let temp = try TempFolder()
        let folder = temp.url.appendingPathComponent("list")
        let manager = FileManager.default
        try manager.createDirectory(at: folder.appendingPathComponent("bundle"), withIntermediateDirectories: true)
        for name in ["b.md", "a.md", ".hidden", "Zed.csv", "é.md", "x\u{1B}y.md"] {
            try Data("x".utf8).write(to: folder.appendingPathComponent(name))
        }
        try manager.createSymbolicLink(atPath: folder.appendingPathComponent("link.md").path, withDestinationPath: "a.md")
        try manager.createSymbolicLink(atPath: folder.appendingPathComponent("dangling").path, withDestinationPath: "nothing")
        #expect(mkfifo(folder.appendingPathComponent("pipe").path, 0o600) == 0)

        let listed = try #require(DirectoryListing.entries(atPath: folder.path))
        let names = try manager.contentsOfDirectory(atPath: folder.path).filter { !$0.hasPrefix(".") }.sorted()
        #expect(listed.map(\.name) == names)
        for entry in listed {
            #expect(entry.kind == FileWalker.kind(of: folder.appendingPathComponent(entry.name).path), "\(entry.name)")
        }
        #expect(listed.first { $0.name == "bundle" }?.kind == .folder)
        #expect(listed.first { $0.name == "pipe" }?.kind == .special)
        #expect(listed.first { $0.name == "link.md" }?.kind == .symlink)
    }

    @Test func aFolderThatCannotBeOpenedIsLeftToFoundation() {
        #expect(DirectoryListing.entries(atPath: "/nonexistent-\(UUID().uuidString)") == nil)
        #expect(FileWalker.entries(atPath: "/nonexistent-\(UUID().uuidString)").isEmpty)
    }
}
