import Foundation
import Testing

/// NUL, ESC and the other control characters reach neither the built site nor the terminal,
/// whether they come from YAML escapes, JSON escapes, HTML entities, raw bytes or file names.
@Suite struct ControlCharacterTests {
    @Test func controlCharactersReachNoOutputAndNoTerminal() throws {
        let temp = try TempFolder()
        let site = temp.url.appendingPathComponent("site")
        try GeneratedSite.write(to: site, count: 2)
        try temp.write("site/content/incidents/2020-02-02-escapes.md", """
        ---
        title: "Escapes \\e[2J\\0 in the title\\x07"
        start: 2020-02-02T10:00:00Z
        summary: "Summary with \\u001b]0;owned\\u0007 and \\u0085 in it"
        regions: ["Region \\e[31mred"]
        tags: ["tag\\0nul"]
        ---
        Body with a raw \u{1B}[1mESC\u{1B}[0m and a DEL \u{7F} byte.
        """)
        try temp.write("site/content/datasets/rows.yml", """
        source: rows.json
        title: "{name}"
        fields:
          start: { column: start }
          summary: { column: notes, strip_html: true }
        """)
        try temp.write("site/content/datasets/rows.json", #"""
        [{"name": "Row \u001b[2J one\u0000", "start": "2021-01-01T00:00:00Z", "notes": "entity &#27;[31m and &#0; and &#x9b;"}]
        """#)
        // A file name with ESC: the warning that names it must not carry the raw byte.
        try temp.write("site/content/incidents/2010-01-01-outage-0/evil\u{1B}[2J.txt", "x\n")
        let result = try CLI.run(["build", "--site", site.path, "--color", "never"], timeout: 60)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stderr.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" && $0 != "\t" }, "\(result.stderr)")
        #expect(!result.stdout.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" && $0 != "\t" })
        #expect(result.stderr.contains(#"evil\u{1B}[2J.txt: warning: "#), "\(result.stderr)")

        let output = snapshot(of: site.appendingPathComponent("public"))
        #expect(output.count > 20)
        for (path, data) in output {
            let bad = String(decoding: data, as: UTF8.self).unicodeScalars.first {
                ($0.value < 0x20 && $0 != "\n" && $0 != "\t" && $0 != "\r") || ($0.value >= 0x7F && $0.value <= 0x9F)
            }
            #expect(bad == nil, "\(path) holds U+\(String(bad?.value ?? 0, radix: 16))")
        }
        let page = try String(contentsOf: site.appendingPathComponent("public/incidents/escapes/index.html"), encoding: .utf8)
        #expect(page.contains("Escapes [2J in the title"))
    }
}

/// The test helper drains stdout and stderr at once: a build printing far more than a pipe
/// holds (64 KB) to stderr must finish, and every line must arrive.
@Suite struct LargeOutputTests {
    @Test func aQuarterMegabyteOfDiagnosticsArrivesWhole() throws {
        let temp = try TempFolder()
        let site = temp.url.appendingPathComponent("site")
        try GeneratedSite.write(to: site, count: 1)
        let keys = (0..<3000).map { "unknown_key_number_\($0): 1" }.joined(separator: "\n")
        try temp.write("site/content/incidents/2020-01-01-noisy.md", "---\ntitle: Noisy\nstart: 2020-01-01\n\(keys)\n---\nText.\n")
        let result = try CLI.run(["build", "--site", site.path, "--color", "never"], timeout: 120)
        #expect(result.status == 0)
        #expect(result.stderr.utf8.count > 200_000)
        #expect(result.diagnostics.count == 3000)
    }
}
