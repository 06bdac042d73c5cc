import Dispatch
import Foundation
import Synchronization
import Testing
@testable import Site

/// The write path: FileSink (open/write/close, each folder made once) and TreeRemover (the
/// descriptor-based `rm -rf` of the previous output).
@Suite struct FileSinkTests {
    private func mode(_ path: String) -> mode_t {
        var info = stat()
        return lstat(path, &info) == 0 ? info.st_mode : 0
    }

    @Test func writesBytesExactly() throws {
        let temp = try TempFolder()
        let sink = FileSink(root: temp.url.appendingPathComponent("out"))
        let every = (0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ $0 >> 8) }
        let big = [UInt8](repeating: 0xA5, count: 3 << 20) + [0, 1, 2]
        try sink.write("bytes.bin", bytes: every)
        try sink.write("big.bin", bytes: big)
        try sink.write("data.bin", Data(every))
        try sink.write("text.html", "héllo <b>\u{0}</b> 🌍\n")
        try sink.write("empty.txt", "")
        try [UInt8]([9, 8, 7]).withUnsafeBytes { try sink.write("raw.bin", bytes: $0) }
        let out = temp.url.appendingPathComponent("out")
        #expect(try Data(contentsOf: out.appendingPathComponent("bytes.bin")) == Data(every))
        #expect(try Data(contentsOf: out.appendingPathComponent("big.bin")) == Data(big))
        #expect(try Data(contentsOf: out.appendingPathComponent("data.bin")) == Data(every))
        #expect(try Data(contentsOf: out.appendingPathComponent("text.html")) == Data("héllo <b>\u{0}</b> 🌍\n".utf8))
        #expect(try Data(contentsOf: out.appendingPathComponent("empty.txt")).isEmpty)
        #expect(try Data(contentsOf: out.appendingPathComponent("raw.bin")) == Data([9, 8, 7]))
        // Writing again replaces the whole content, a shorter one included.
        try sink.write("big.bin", "short")
        #expect(try String(contentsOf: out.appendingPathComponent("big.bin"), encoding: .utf8) == "short")
    }

    @Test func createsNestedFolders() throws {
        let temp = try TempFolder()
        let sink = FileSink(root: temp.url.appendingPathComponent("a/b/out"))
        try sink.write("incidents/2011/egypt/page/2/index.html", "deep")
        try sink.write("incidents/2011/egypt/index.html", "less deep")
        try sink.write("tags/блок/index.html", "unicode")
        try sink.write("top.txt", "top")
        let out = temp.url.appendingPathComponent("a/b/out")
        #expect(try String(contentsOf: out.appendingPathComponent("incidents/2011/egypt/page/2/index.html"), encoding: .utf8) == "deep")
        #expect(try String(contentsOf: out.appendingPathComponent("incidents/2011/egypt/index.html"), encoding: .utf8) == "less deep")
        #expect(try String(contentsOf: out.appendingPathComponent("tags/блок/index.html"), encoding: .utf8) == "unicode")
        #expect(try String(contentsOf: out.appendingPathComponent("top.txt"), encoding: .utf8) == "top")
    }

    @Test func aParentThatIsAFileFailsReadably() throws {
        let temp = try TempFolder()
        let root = temp.url.appendingPathComponent("out")
        let sink = FileSink(root: root)
        try sink.write("about", "a file, not a folder")
        for path in ["about/index.html", "about/deeper/index.html"] {
            do {
                try sink.write(path, "x")
                Issue.record("writing \(path) under a file succeeded")
            } catch {
                // What SiteBuilder logs: "cannot write <path>: <error.localizedDescription>".
                let message = error.localizedDescription
                #expect(message.contains(root.path + "/about"), "\(message)")
                #expect(message.contains("Not a directory") || message.contains("File exists"), "\(message)")
                #expect(!message.contains("The operation could not be completed"), "\(message)")
            }
        }
        #expect(try String(contentsOf: root.appendingPathComponent("about"), encoding: .utf8) == "a file, not a folder")
    }

    @Test func aMissingSourceFailsReadably() throws {
        let temp = try TempFolder()
        let sink = FileSink(root: temp.url.appendingPathComponent("out"))
        let missing = temp.url.appendingPathComponent("no-such-file.png")
        do {
            try sink.copy(from: missing.path, to: "x.png")
            Issue.record("copying a missing file succeeded")
        } catch {
            #expect(error.localizedDescription == "\(missing.path): No such file or directory")
        }
    }

    /// The umask is the process's, shared with every test running at the same time, so it is
    /// read here (from /proc) but changed only in a child: the real binary, under `umask 027`.
    @Test func permissionsFollowTheUmask() throws {
        let temp = try TempFolder()
        let status = try String(contentsOfFile: "/proc/self/status", encoding: .utf8)
        let line = try #require(status.split(separator: "\n").first { $0.hasPrefix("Umask:") })
        let mask = try #require(mode_t(line.dropFirst("Umask:".count).trimmingCharacters(in: .whitespaces), radix: 8))
        let sink = FileSink(root: temp.url.appendingPathComponent("out"))
        try sink.write("folder/file.txt", "x")
        #expect(mode(temp.url.appendingPathComponent("out/folder/file.txt").path) & 0o7777 == 0o666 & ~mask)
        #expect(mode(temp.url.appendingPathComponent("out/folder").path) & 0o7777 == 0o777 & ~mask)

        let site = temp.url.appendingPathComponent("site")
        try GeneratedSite.write(to: site, count: 2)
        let binary = try #require(CLI.binary)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "umask 027 && exec \"$0\" build --site \"$1\" --quiet", binary.path, site.path]
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let output = site.appendingPathComponent("public")
        #expect(mode(output.path) & 0o7777 == 0o750)
        #expect(mode(output.appendingPathComponent("index.html").path) & 0o7777 == 0o640)
        #expect(mode(output.appendingPathComponent("incidents").path) & 0o7777 == 0o750)
        #expect(mode(output.appendingPathComponent("incidents/index.html").path) & 0o7777 == 0o640)
    }

    /// The output never holds a link: a linked source is copied as bytes into a regular file.
    @Test func copyCopiesBytesNeverALink() throws {
        let temp = try TempFolder()
        let bytes = Data((0..<300_000).map { UInt8(truncatingIfNeeded: $0 * 31) })
        let source = temp.url.appendingPathComponent("photo.bin")
        try bytes.write(to: source)
        let link = temp.url.appendingPathComponent("link.bin")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: source)
        let sink = FileSink(root: temp.url.appendingPathComponent("out"))
        try sink.copy(from: source.path, to: "incidents/a/photo.bin")
        try sink.copy(from: link.path, to: "incidents/a/linked.bin")
        for name in ["photo.bin", "linked.bin"] {
            let path = temp.url.appendingPathComponent("out/incidents/a/\(name)").path
            #expect(mode(path) & S_IFMT == S_IFREG, "\(name)")
            #expect(FileManager.default.contents(atPath: path) == bytes, "\(name)")
        }
    }

    /// Many threads writing into the same new folders at once: every write succeeds.
    @Test func concurrentWritesIntoTheSameNewFolders() throws {
        let temp = try TempFolder()
        let root = temp.url.appendingPathComponent("out")
        let sink = FileSink(root: root)
        let failures = FailureList()
        DispatchQueue.concurrentPerform(iterations: 64) { thread in
            for file in 0..<50 {
                let folder = "shared/\(file % 5)/deep/\(file % 3)"
                do {
                    try sink.write("\(folder)/\(thread)-\(file).html", "\(thread) \(file)")
                } catch {
                    failures.add("\(error)")
                }
            }
        }
        #expect(failures.all.isEmpty, "\(failures.all.prefix(3))")
        for thread in [0, 31, 63] {
            for file in [0, 17, 49] {
                let path = root.appendingPathComponent("shared/\(file % 5)/deep/\(file % 3)/\(thread)-\(file).html")
                #expect(try String(contentsOf: path, encoding: .utf8) == "\(thread) \(file)")
            }
        }
    }
}

@Suite struct TreeRemoverTests {
    @Test(arguments: [1, 2, 4])
    func removesANestedTreeButNotWhatALinkPointsTo(threads: Int) throws {
        let temp = try TempFolder()
        let outside = temp.url.appendingPathComponent("outside")
        try temp.write("outside/keep.txt", "keep me\n")
        try temp.write("outside/folder/keep-too.txt", "keep me too\n")
        let tree = temp.url.appendingPathComponent("tree")
        for slug in 0..<40 {
            try temp.write("tree/incidents/\(slug)/index.html", "page \(slug)")
            try temp.write("tree/incidents/\(slug)/incident.json", "{}")
        }
        try temp.write("tree/index.html", "home")
        try temp.write("tree/a/b/c/d/e/deep.txt", "deep")
        let fm = FileManager.default
        try fm.createDirectory(at: tree.appendingPathComponent("empty/empty-inside"), withIntermediateDirectories: true)
        try fm.createDirectory(at: tree.appendingPathComponent("incidents/empty"), withIntermediateDirectories: true)
        try fm.createSymbolicLink(at: tree.appendingPathComponent("link-to-outside"), withDestinationURL: outside)
        try fm.createSymbolicLink(at: tree.appendingPathComponent("incidents/0/link-to-folder"), withDestinationURL: outside.appendingPathComponent("folder"))
        try fm.createSymbolicLink(at: tree.appendingPathComponent("incidents/link-to-file"), withDestinationURL: outside.appendingPathComponent("keep.txt"))
        try fm.createSymbolicLink(at: tree.appendingPathComponent("dangling"), withDestinationURL: temp.url.appendingPathComponent("nothing"))
        // A name that is not UTF-8.
        let odd = tree.path + "/incidents/1/caf\u{E9}"
        let oddBytes = Array(tree.path.utf8) + Array("/incidents/1/caf".utf8) + [0xE9, 0]
        let descriptor = oddBytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.map { $0.withMemoryRebound(to: CChar.self, capacity: buffer.count) { open($0, O_WRONLY | O_CREAT, 0o644) } } ?? -1
        }
        #expect(descriptor >= 0, "\(odd)")
        close(descriptor)

        try TreeRemover.remove(tree.path, threads: threads)
        #expect(!OutputFolder.exists(tree.path))
        #expect(try String(contentsOf: outside.appendingPathComponent("keep.txt"), encoding: .utf8) == "keep me\n")
        #expect(try String(contentsOf: outside.appendingPathComponent("folder/keep-too.txt"), encoding: .utf8) == "keep me too\n")
    }

    @Test func aLinkOrAFileOrNothingIsRemovedAsItself() throws {
        let temp = try TempFolder()
        try temp.write("target/keep.txt", "keep")
        let link = temp.url.appendingPathComponent("link")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: temp.url.appendingPathComponent("target"))
        try TreeRemover.remove(link.path)
        #expect(!OutputFolder.exists(link.path))
        #expect(FileManager.default.fileExists(atPath: temp.url.appendingPathComponent("target/keep.txt").path))
        try temp.write("file.txt", "x")
        try TreeRemover.remove(temp.url.appendingPathComponent("file.txt").path)
        #expect(!OutputFolder.exists(temp.url.appendingPathComponent("file.txt").path))
        try TreeRemover.remove(temp.url.appendingPathComponent("never-was").path)
    }

    /// A read-only folder (0555) inside the tree is removed with everything in it; a folder
    /// that cannot even be read (0000) is removed too when running as root, and otherwise
    /// reported with its path, everything else being removed.
    @Test(arguments: [1, 2])
    func readOnlyFoldersAreHandledOrReported(threads: Int) throws {
        let temp = try TempFolder()
        let tree = temp.url.appendingPathComponent("tree")
        try temp.write("tree/incidents/a/locked/file.txt", "x")
        try temp.write("tree/incidents/b/index.html", "x")
        try temp.write("tree/readonly/inner/file.txt", "x")
        try temp.write("tree/unreadable/file.txt", "x")
        chmod(tree.appendingPathComponent("incidents/a/locked").path, 0o555)
        chmod(tree.appendingPathComponent("readonly").path, 0o555)
        chmod(tree.appendingPathComponent("readonly/inner").path, 0o555)
        chmod(tree.appendingPathComponent("unreadable").path, 0o000)
        defer { chmod(tree.appendingPathComponent("unreadable").path, 0o755) }
        do {
            try TreeRemover.remove(tree.path, threads: threads)
            #expect(geteuid() == 0 || !OutputFolder.exists(tree.appendingPathComponent("unreadable").path))
            #expect(!OutputFolder.exists(tree.path))
        } catch {
            #expect(geteuid() != 0, "root can remove anything: \(error)")
            #expect(error.localizedDescription.contains(tree.path + "/unreadable"), "\(error.localizedDescription)")
            #expect(error.localizedDescription.contains("Permission denied"), "\(error.localizedDescription)")
            #expect(!OutputFolder.exists(tree.appendingPathComponent("readonly").path))
            #expect(!OutputFolder.exists(tree.appendingPathComponent("incidents").path))
        }
    }
}

private final class FailureList: Sendable {
    private let failures = Mutex<[String]>([])

    func add(_ failure: String) { failures.withLock { $0.append(failure) } }
    var all: [String] { failures.withLock { $0 } }
}
