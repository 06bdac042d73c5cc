import Foundation
import Testing

/// The command line as users run it: exit codes, init, new incident, check.
@Suite struct CLITests {
    @Test func badUsageExitsWith64() throws {
        #expect(try CLI.run(["build", "--no-such-flag"]).status == 64)
        #expect(try CLI.run(["frobnicate"]).status == 64)
        #expect(try CLI.run(["new", "incident", "X", "--start", "2020-01-01T10:00:00"]).status == 64)
    }

    @Test func versionAndHelp() throws {
        let version = try CLI.run(["--version"])
        #expect(version.status == 0)
        #expect(version.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "0.1.0")
        let help = try CLI.run(["build", "--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("--base-url"))
    }

    @Test func initThenBuildWithTheBuiltInTheme() throws {
        let temp = try TempFolder()
        let site = temp.url.appendingPathComponent("new")
        let created = try CLI.run(["init", site.path])
        #expect(created.status == 0, "\(created.stderr)")
        #expect(!FileManager.default.fileExists(atPath: site.appendingPathComponent("templates").path))
        let built = try CLI.run(["build", "--site", site.path, "--color", "never"])
        #expect(built.status == 0, "\(built.stderr)")
        #expect(built.stderr == "")
        let incident = try String(contentsOf: site.appendingPathComponent("public/incidents/example-outage/index.html"), encoding: .utf8)
        #expect(incident.contains("Example regional outage"))
        #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent("public/incidents/example-outage/connectivity.csv").path))
        #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent("public/assets/style.css").path))
        // A second init into the same folder refuses.
        #expect(try CLI.run(["init", site.path]).status == 1)
    }

    @Test func newIncidentWritesAFileThatBuilds() throws {
        let temp = try TempFolder()
        let site = temp.url.appendingPathComponent("s")
        _ = try CLI.run(["init", site.path])
        let made = try CLI.run(["new", "incident", "Cable cut off Tonga", "--start", "2022-01-15T04:30:00Z", "--bundle", "--site", site.path])
        #expect(made.status == 0, "\(made.stderr)")
        let path = site.appendingPathComponent("content/incidents/2022-01-15-cable-cut-off-tonga/index.md")
        let text = try String(contentsOf: path, encoding: .utf8)
        #expect(text.hasPrefix("---\ntitle: \"Cable cut off Tonga\"\nstart: 2022-01-15T04:30:00Z\n"))
        let built = try CLI.run(["build", "--site", site.path, "--color", "never"])
        #expect(built.status == 0, "\(built.stderr)")
        #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent("public/incidents/cable-cut-off-tonga/index.html").path))
        // The same title again would overwrite: refused.
        #expect(try CLI.run(["new", "incident", "Cable cut off Tonga", "--start", "2022-01-15T04:30:00Z", "--bundle", "--site", site.path]).status == 1)
    }

    @Test func checkFindsABrokenLinkAndWritesNothing() throws {
        let temp = try TempFolder()
        try temp.write("s/content/incidents/a.md", "---\ntitle: A\nstart: 2020-01-01T00:00:00Z\n---\n\nSee [b](../b/index.html#gone) and [top](#nowhere).\n")
        try temp.write("s/content/incidents/b.md", "---\ntitle: B\nstart: 2020-01-02T00:00:00Z\n---\n\nText.\n")
        let site = temp.url.appendingPathComponent("s")
        let result = try CLI.run(["check", "--site", site.path, "--color", "never"])
        #expect(result.status == 1)
        #expect(result.diagnostics == [
            "content/incidents/a.md: error: broken anchor in incidents/a/index.html: \"#nowhere\" has no element with id \"nowhere\" in incidents/a/index.html",
            "content/incidents/a.md: error: broken anchor in incidents/a/index.html: \"../b/index.html#gone\" has no element with id \"gone\" in incidents/b/index.html",
        ])
        #expect(!FileManager.default.fileExists(atPath: site.appendingPathComponent("public").path))
    }

    @Test func warningsAloneExitZero() throws {
        let temp = try TempFolder()
        try temp.write("s/content/incidents/a.md", "---\ntitle: A\nstart: 2020-01-01T00:00:00Z\nasns: [64512]\ncolour: red\n---\n")
        let result = try CLI.run(["build", "--site", temp.url.appendingPathComponent("s").path, "--color", "never"])
        #expect(result.status == 0)
        #expect(result.diagnostics == [
            "content/incidents/a.md:4:8: warning: AS64512 is for private use (RFC 6996)",
            "content/incidents/a.md:5:1: warning: unknown key \"colour\"",
        ])
    }

    @Test func refusesToReplaceAForeignFolder() throws {
        let temp = try TempFolder()
        try temp.write("s/content/incidents/a.md", "---\ntitle: A\nstart: 2020-01-01T00:00:00Z\n---\n")
        try temp.write("s/public/precious.txt", "keep me")
        let site = temp.url.appendingPathComponent("s")
        let refused = try CLI.run(["build", "--site", site.path, "--color", "never"])
        #expect(refused.status == 1)
        #expect(try String(contentsOf: site.appendingPathComponent("public/precious.txt"), encoding: .utf8) == "keep me")
        let forced = try CLI.run(["build", "--site", site.path, "--force"])
        #expect(forced.status == 0)
        #expect(!FileManager.default.fileExists(atPath: site.appendingPathComponent("public/precious.txt").path))
    }
}

/// `check` compares what the data shows with the stated start and end (SPEC §6).
@Suite struct DataWindowCheckTests {
    @Test func warnsWhenTheDataDisagreesByMoreThan30Minutes() throws {
        let temp = try TempFolder()
        try temp.write("s/content/incidents/2021-03-01-x/index.md", "---\ntitle: X\nstart: 2021-03-01T10:00:00Z\nend: 2021-03-01T12:00:00Z\n---\n")
        var csv = "time,probes\n"
        // Normal from 00:00, down from 11:00 (an hour after the stated start) to 12:00.
        for minute in stride(from: 0, through: 14 * 60, by: 30) {
            let value = (11 * 60..<12 * 60).contains(minute) ? 0 : 100
            csv += String(format: "2021-03-01T%02d:%02d:00Z,%d\n", minute / 60, minute % 60, value)
        }
        try temp.write("s/content/incidents/2021-03-01-x/probes.csv", csv)
        let site = temp.url.appendingPathComponent("s")
        let checked = try CLI.run(["check", "--site", site.path, "--color", "never"])
        #expect(checked.status == 0)
        // A bundle's CSV without front matter is measured, with no source: check says so too.
        #expect(checked.diagnostics == [
            "content/incidents/2021-03-01-x/index.md:1:1: warning: probes.csv is a measured series without a \"source\": give the number of its entry in \"sources\" or a URL, or mark it \"provenance: reconstructed\" if it was drawn from a report",
            "content/incidents/2021-03-01-x/index.md:1:1: warning: probes.csv: \"probes\" shows the outage from 1 Mar 2021 11:00 UTC to 1 Mar 2021 12:00 UTC, which starts 1 h after \"start\"",
        ])
        // build does not warn: the comparison is check's.
        let built = try CLI.run(["build", "--site", site.path, "--color", "never"])
        #expect(built.status == 0)
        #expect(built.diagnostics == [])
        let json = try String(contentsOf: site.appendingPathComponent("public/incidents/x/incident.json"), encoding: .utf8)
        #expect(json.contains("\"drop_percent\": 100"))
        #expect(json.contains("\"start\": \"2021-03-01T11:00:00Z\""))
        #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent("public/incidents/x/probes.svg").path))
    }
}

/// Issue 8: series values near the limit of a Double reach no output as inf or NaN.
@Suite struct HugeValueOutputTests {
    @Test func noInfinityOrNaNInJSONHTMLOrSVG() throws {
        let temp = try TempFolder()
        try temp.write("s/content/incidents/2021-03-01-x/index.md", "---\ntitle: X\nstart: 2021-03-01T10:00:00Z\nend: 2021-03-01T12:00:00Z\n---\n")
        var csv = "time,a,b,c\n"
        for minute in stride(from: 0, through: 14 * 60, by: 30) {
            let down = (11 * 60..<12 * 60).contains(minute)
            let time = String(format: "2021-03-01T%02d:%02d:00Z", minute / 60, minute % 60)
            csv += "\(time),\(down ? "-1.7e308" : "1.7e308"),\(down ? "1e305" : "1e306"),\(down ? "-1e300" : "5e-324")\n"
        }
        try temp.write("s/content/incidents/2021-03-01-x/probes.csv", csv)
        let site = temp.url.appendingPathComponent("s")
        let built = try CLI.run(["build", "--site", site.path, "--color", "never"])
        #expect(built.status == 0, "\(built.stderr)")
        let public_ = site.appendingPathComponent("public")
        for file in ["incidents/x/incident.json", "incidents.json", "incidents/x/index.html", "incidents/x/probes.svg"] {
            let text = try String(contentsOf: public_.appendingPathComponent(file), encoding: .utf8)
            let words = Set(text.split { !$0.isLetter }.map(String.init))
            let found = ["inf", "nan", "NaN", "Infinity"].filter(words.contains)
            #expect(found.isEmpty, "\(file) contains \(found)")
            let zeroDrop = text.contains("\"drop_percent\": 0,") || text.contains("\"drop_percent\": 0\n")
            #expect(!zeroDrop, "\(file): a drop of 0 % from an overflowed baseline")
        }
        let json = try String(contentsOf: public_.appendingPathComponent("incidents/x/incident.json"), encoding: .utf8)
        #expect(json.contains("\"baseline\": 1.7e+308"))
        #expect(json.contains("\"baseline\": 1e+306"))
        #expect(json.contains("\"drop_percent\": 200"))
    }
}

/// Issue 8: a series with many signals and huge labels still gets a chart under 60 KB (SPEC §6),
/// and the build says which signals are left out.
@Suite struct ManySignalsTests {
    @Test func signalsBeyondTheCapAreLeftOutWithAWarning() throws {
        let temp = try TempFolder()
        let long = String(repeating: "\"Label & <more> ", count: 40)
        let columns = (1...20).map { "s\($0)" }
        let styles = columns.map { "      \($0): {label: '\(long.replacingOccurrences(of: "'", with: "''"))', unit: '\(long)'}\n" }.joined()
        try temp.write("s/content/incidents/2021-03-01-x/index.md", "---\ntitle: '\(long)'\nstart: 2021-03-01T10:00:00Z\nend: 2021-03-01T12:00:00Z\n"
                       + "series:\n  - file: probes.csv\n    title: '\(long)'\n    signals:\n" + styles + "---\n")
        var csv = "time," + columns.joined(separator: ",") + "\n"
        for row in 0..<3_000 {
            let value = row % 2 == 0 ? "987654321.123456789" : "0.000123456789"
            csv += "\(1_614_556_800 + row * 30)," + columns.map { _ in value }.joined(separator: ",") + "\n"
        }
        try temp.write("s/content/incidents/2021-03-01-x/probes.csv", csv)
        let site = temp.url.appendingPathComponent("s")
        let built = try CLI.run(["build", "--site", site.path, "--color", "never"])
        #expect(built.status == 0, "\(built.stderr)")
        #expect(built.diagnostics == [
            "content/incidents/2021-03-01-x/probes.csv:1: warning: 20 signal columns, but a chart draws at most 8: "
                + "s9, s10, s11, s12, s13 and 7 more are left out of the chart, its table and the figures",
        ])
        let page = try String(contentsOf: site.appendingPathComponent("public/incidents/x/index.html"), encoding: .utf8)
        let inline = try #require(page.range(of: "<svg").flatMap { start in page.range(of: "</svg>", range: start.lowerBound..<page.endIndex).map { page[start.lowerBound..<$0.upperBound] } })
        #expect(inline.utf8.count < 60_000, "inline chart: \(inline.utf8.count) bytes")
        let standalone = try Data(contentsOf: site.appendingPathComponent("public/incidents/x/probes.svg"))
        #expect(standalone.count < 60_000, "standalone chart: \(standalone.count) bytes")
        let json = try String(contentsOf: site.appendingPathComponent("public/incidents/x/incident.json"), encoding: .utf8)
        #expect(json.components(separatedBy: "\"column\": ").count - 1 == 8)
    }
}

/// Tags from front matter and from a dataset row: deduplicated by slug, first spelling and
/// order kept (issue 8 made this linear; the semantics stay).
@Suite struct TagDedupTests {
    @Test func frontMatterAndDatasetTagsAreDeduplicatedInOrder() throws {
        let temp = try TempFolder()
        try temp.write("s/content/incidents/a.md", "---\ntitle: A\nstart: 2020-01-01T00:00:00Z\n"
                       + "tags: [Cable cut, BGP, cable-cut, 'Cable  Cut!', bgp, Égypte, egypte, Блок, блок]\n---\n")
        try temp.write("s/content/datasets/d.yml", "source: d.csv\ntitle: \"{T}\"\nfields:\n  start: { column: S }\n  tags: { column: Tags, split: \";\" }\n")
        try temp.write("s/content/datasets/d.csv", "T,S,Tags\nRow,2021-01-01T00:00:00Z,Power;BGP;power;Égypte;bgp;Egypte\n")
        let site = temp.url.appendingPathComponent("s")
        let built = try CLI.run(["build", "--site", site.path, "--color", "never"])
        #expect(built.status == 0, "\(built.stderr)")
        let a = try String(contentsOf: site.appendingPathComponent("public/incidents/a/incident.json"), encoding: .utf8)
        #expect(a.contains("\"tags\": [\n    \"Cable cut\",\n    \"BGP\",\n    \"Égypte\",\n    \"Блок\"\n  ]"), "\(a)")
        let row = try String(contentsOf: site.appendingPathComponent("public/incidents/d-2/incident.json"), encoding: .utf8)
        #expect(row.contains("\"tags\": [\n    \"Power\",\n    \"BGP\",\n    \"Égypte\"\n  ]"), "\(row)")
    }
}

/// Issue 8: `new incident` with a title in another script, or with accents, writes a file whose
/// slug the next build accepts (SPEC §3: lowercase [a-z0-9-]).
@Suite struct NewIncidentSlugTests {
    @Test func anyTitleGivesAFileThatBuilds() throws {
        let temp = try TempFolder()
        let site = temp.url.appendingPathComponent("s")
        _ = try CLI.run(["init", site.path])
        let titles = ["Título ñ", "Отключение интернета в Дагестане", "إنقطاع", "断网", "Straße ﬁ Ⅻ", "Cable cut in Дагестан"]
        var written: [String] = []
        for title in titles {
            let made = try CLI.run(["new", "incident", title, "--start", "2022-01-15T04:30:00Z", "--site", site.path])
            #expect(made.status == 0, "\(made.stderr)")
            written.append(made.stdout.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        #expect(written == [
            "Wrote content/incidents/2022-01-15-titulo-n.md",
            "Wrote content/incidents/2022-01-15-incident-1.md",
            "Wrote content/incidents/2022-01-15-incident-2.md",
            "Wrote content/incidents/2022-01-15-incident-3.md",
            "Wrote content/incidents/2022-01-15-strasse-fi-xii.md",
            "Wrote content/incidents/2022-01-15-cable-cut-in.md",
        ])
        let built = try CLI.run(["build", "--site", site.path, "--color", "never"])
        #expect(built.status == 0, "\(built.stderr)")
        for slug in ["titulo-n", "incident-1", "incident-2", "incident-3", "strasse-fi-xii", "cable-cut-in"] {
            #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent("public/incidents/\(slug)/index.html").path), "\(slug)")
        }
        let page = try String(contentsOf: site.appendingPathComponent("public/incidents/incident-2/index.html"), encoding: .utf8)
        #expect(page.contains("إنقطاع"))
    }
}
