import Foundation
import Testing

/// Each folder of Tests/Fixtures/invalid/ is a site with one or more mistakes and an
/// expected.txt holding the exact diagnostics `blackout build` must print. The build must exit
/// with 1 and leave the previous output folder exactly as it was.
@Suite struct InvalidSiteTests {
    @Test(arguments: Fixtures.invalidNames)
    func reportsExactDiagnosticsAndKeepsOutput(name: String) throws {
        let temp = try TempFolder()
        let site = try temp.copy(Fixtures.invalid(name))
        let expected = try String(contentsOf: site.appendingPathComponent("expected.txt"), encoding: .utf8)
            .split(separator: "\n").map(String.init).filter { !$0.isEmpty }

        // A previous build's output, which a failed build must not touch.
        let output = temp.url.appendingPathComponent("public")
        try temp.write("public/.blackout", "made by an earlier build\n")
        try temp.write("public/index.html", "<!DOCTYPE html><title>previous</title>\n")
        try temp.write("public/incidents/old/index.html", "old page\n")
        let before = snapshot(of: output)

        let result = try CLI.run(["build", "--site", site.path, "--output", output.path, "--color", "never"])
        #expect(result.status == 1, "exit status; stderr:\n\(result.stderr)")
        #expect(result.diagnostics == expected, "stderr:\n\(result.stderr)")
        #expect(snapshot(of: output) == before)
        #expect(leftovers(beside: output).isEmpty)
    }

    @Test func thereAreAtLeastTwentyInvalidFixtures() {
        #expect(Fixtures.invalidNames.count >= 20)
    }
}
