import Foundation
import Site
import Testing

/// Builds each fixture site of Tests/Fixtures/sites and compares every output file with
/// Tests/Fixtures/golden/<name>. Re-record with `RECORD=1 make test`; a recording run fails on
/// purpose so the new files are looked at before they are trusted.
@Suite struct GoldenSiteTests {
    @Test(arguments: ["basic", "datasets"])
    func siteMatchesGoldenFiles(name: String) throws {
        let temp = try TempFolder()
        let output = temp.url.appendingPathComponent("public")
        let result = try CLI.run(["build", "--site", Fixtures.site(name).path, "--output", output.path, "--color", "never"])
        #expect(result.status == 0, "stderr:\n\(result.stderr)")
        let actual = snapshot(of: output)
        let goldenFolder = Fixtures.golden(name)

        if ProcessInfo.processInfo.environment["RECORD"] == "1" {
            try? FileManager.default.removeItem(at: goldenFolder)
            for (path, data) in actual {
                let target = goldenFolder.appendingPathComponent(path)
                try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                try data.write(to: target)
            }
            Issue.record("recorded \(actual.count) golden files in \(goldenFolder.path); look at them, then run again without RECORD=1")
            return
        }

        let golden = snapshot(of: goldenFolder)
        #expect(!golden.isEmpty, "no golden files yet: run with RECORD=1")
        #expect(Set(actual.keys) == Set(golden.keys), "files differ: extra \(Set(actual.keys).subtracting(golden.keys).sorted()), missing \(Set(golden.keys).subtracting(actual.keys).sorted())")
        for path in actual.keys.sorted() where golden[path] != nil {
            #expect(actual[path] == golden[path], "\(path) differs from its golden file")
        }
    }
}
