import Foundation
import Testing

/// SPEC §4 "Provenance": a series drawn from a report's timings is marked as such on its page,
/// in its SVG, in the JSON and in the downloads, has no derived figures and raises no
/// data-window warning; a measured series names its source under the chart.
@Suite struct SeriesProvenanceTests {
    /// Stated outage 2021-03-01 10:00–14:00 UTC; the data falls to 0 only from 13:00 to 18:00,
    /// so a measured series shows the outage hours away from the stated times.
    static let start: Int64 = 1_614_592_800

    static func csv() -> String {
        var rows = ["time,routes"]
        for hour in -30...30 {
            let t = start + Int64(hour) * 3_600
            rows.append("\(t),\((3...7).contains(hour) ? 0 : 100)")
        }
        return rows.joined(separator: "\n") + "\n"
    }

    /// A site with one bundle holding the same data twice, once drawn and once measured, and a
    /// second bundle whose measured series names no source.
    static func writeSite(at site: URL, drawnSource: String = "1", measuredSource: String = "https://data.example.net/routes") throws {
        let bundle = site.appendingPathComponent("content/incidents/2021-03-01-mixed")
        let bare = site.appendingPathComponent("content/incidents/2021-04-01-bare")
        for folder in [bundle, bare] { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) }
        try "title: Provenance\nbase_url: https://example.org/\n".write(to: site.appendingPathComponent("site.yml"), atomically: true, encoding: .utf8)
        try """
        ---
        title: Mixed provenance
        start: 2021-03-01T10:00:00Z
        end: 2021-03-01T14:00:00Z
        sources:
          - { title: "Report of the cut", url: "https://report.example.com/cut" }
          - { title: "Second report", url: "https://other.example.com/" }
        series:
          - file: drawn.csv
            provenance: reconstructed
            source: \(drawnSource)
          - file: measured.csv
            provenance: measured
            source: \(measuredSource)
        ---
        Text.
        """.write(to: bundle.appendingPathComponent("index.md"), atomically: true, encoding: .utf8)
        try csv().write(to: bundle.appendingPathComponent("drawn.csv"), atomically: true, encoding: .utf8)
        try csv().write(to: bundle.appendingPathComponent("measured.csv"), atomically: true, encoding: .utf8)
        try """
        ---
        title: No source given
        start: 2021-03-01T10:00:00Z
        end: 2021-03-01T14:00:00Z
        ---
        Text.
        """.write(to: bare.appendingPathComponent("index.md"), atomically: true, encoding: .utf8)
        try csv().write(to: bare.appendingPathComponent("probes.csv"), atomically: true, encoding: .utf8)
    }

    func build(_ site: URL, _ output: URL) throws -> CLIResult {
        try CLI.run(["build", "--site", site.path, "--output", output.path, "--color", "never"])
    }

    func read(_ url: URL) throws -> String { try String(contentsOf: url, encoding: .utf8) }

    @Test func aDrawnSeriesIsMarkedEverywhereItAppears() throws {
        let temp = try TempFolder()
        let site = temp.url.appendingPathComponent("site"), output = temp.url.appendingPathComponent("public")
        try Self.writeSite(at: site)
        let result = try build(site, output)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.diagnostics == [])
        let folder = output.appendingPathComponent("incidents/mixed")
        let page = try read(folder.appendingPathComponent("index.html"))

        // The section says what it holds, and so does the table of contents.
        #expect(page.contains("<h2 id=\"charts-heading\">Measurements and reconstructions</h2>"))
        #expect(page.contains("<a href=\"#charts\">Measurements and reconstructions</a>"))
        #expect(page.components(separatedBy: "<div class=\"chart chart-reconstructed\">").count == 2)
        #expect(page.components(separatedBy: "<div class=\"chart chart-measured\">").count == 2)

        // The drawn chart: flagged with its source, no figures table, its download marked.
        let drawn = try #require(page.components(separatedBy: "<div class=\"chart chart-reconstructed\">").last?
            .components(separatedBy: "<div class=\"chart chart-measured\">").first)
        #expect(drawn.contains("Reconstructed from reports, not measured."))
        #expect(drawn.contains("<a href=\"https://report.example.com/cut\" rel=\"external\">Report of the cut</a>"))
        #expect(!drawn.contains("<table class=\"figures\">"))
        #expect(drawn.contains("No baseline, lowest value, drop or outage window is given for this series"))
        #expect(drawn.contains("rows, reconstructed from reports)"))
        #expect(!drawn.contains("below normal"), "the description must not state a drop computed from drawn values")
        #expect(page.contains("<a href=\"drawn.csv\">drawn.csv</a> <span class=\"kind\">CSV, reconstructed from reports</span>"))
        #expect(page.contains("<a href=\"measured.csv\">measured.csv</a> <span class=\"kind\">CSV</span>"))

        // The measured chart: its source under it, and its figures.
        let measured = try #require(page.components(separatedBy: "<div class=\"chart chart-measured\">").last)
        #expect(measured.contains("<p class=\"chart-source\">Source: <a href=\"https://data.example.net/routes\" rel=\"external\">data.example.net</a></p>"))
        #expect(measured.contains("<table class=\"figures\">"))
        #expect(measured.contains("100 % below normal"))

        // The standalone SVG carries the label and the dashed line with it; the measured one does not.
        let drawnSVG = try read(folder.appendingPathComponent("drawn.svg"))
        let measuredSVG = try read(folder.appendingPathComponent("measured.svg"))
        #expect(drawnSVG.contains(">Reconstructed from reports, not measured</text>"))
        #expect(drawnSVG.contains("<desc id=\"bo-chart1-desc\">Reconstructed from reports, not measured. routes as drawn"))
        #expect(drawnSVG.contains("<g stroke=\"#0072b2\"><path id=\"bo-chart1-l0\" class=\"line s1\" stroke-dasharray=\"7 4\""))
        #expect(!measuredSVG.contains("Reconstructed"))
        #expect(!measuredSVG.contains("stroke-dasharray=\"7 4\""))

        // The JSON says the same, and gives the drawn series no figures.
        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("incident.json"))) as? [String: Any])
        let series = try #require(json["series"] as? [[String: Any]])
        #expect(series.map { $0["provenance"] as? String } == ["reconstructed", "measured"])
        let drawnSource = try #require(series[0]["source"] as? [String: Any])
        #expect(drawnSource["entry"] as? Int == 1 && drawnSource["url"] as? String == "https://report.example.com/cut")
        let measuredSource = try #require(series[1]["source"] as? [String: Any])
        #expect(measuredSource["url"] as? String == "https://data.example.net/routes" && measuredSource["entry"] == nil)
        let drawnSignal = try #require((series[0]["signals"] as? [[String: Any]])?.first)
        let measuredSignal = try #require((series[1]["signals"] as? [[String: Any]])?.first)
        #expect(drawnSignal["baseline"] == nil && drawnSignal["outage_window"] == nil && drawnSignal["drop_percent"] == nil && drawnSignal["lowest"] == nil)
        #expect(measuredSignal["baseline"] as? Double == 100 && measuredSignal["drop_percent"] as? Double == 100)
        let archive = try read(output.appendingPathComponent("incidents.json"))
        #expect(archive.contains("\"provenance\": \"reconstructed\""))

        // A bundle without front matter for its CSV: measured, its source not stated.
        let bare = try read(output.appendingPathComponent("incidents/bare/index.html"))
        #expect(bare.contains("<h2 id=\"charts-heading\">Measurements</h2>"))
        #expect(bare.contains("<p class=\"chart-source\">Source: not stated</p>"))
    }

    @Test func checkWarnsAboutMeasuredDataOnly() throws {
        let temp = try TempFolder()
        let site = temp.url.appendingPathComponent("site")
        try Self.writeSite(at: site)
        let result = try CLI.run(["check", "--site", site.path, "--color", "never"])
        let window = result.diagnostics.filter { $0.contains("shows the outage from") }
        // The same numbers: the measured copy differs from the stated times, the drawn one is not checked.
        #expect(window.count == 2, "\(result.diagnostics)")
        #expect(window.allSatisfy { $0.contains("measured.csv:") || $0.contains("probes.csv:") })
        #expect(!result.diagnostics.contains { $0.contains("drawn.csv") })
        let unsourced = result.diagnostics.filter { $0.contains("without a \"source\"") }
        #expect(unsourced.count == 1)
        #expect(unsourced.first?.hasPrefix("content/incidents/2021-04-01-bare/index.md:") == true)
    }

    @Test(arguments: [
        ("3", "\"source\" is 3, but \"sources\" has 2 entries (numbered from 1)"),
        ("0", "\"source\" is 0, but \"sources\" has 2 entries (numbered from 1)"),
        ("ftp://example.org/data", "\"source\""),
    ])
    func aSourceOutsideTheListOrNotAWebAddressIsAnError(source: String, message: String) throws {
        let temp = try TempFolder()
        let site = temp.url.appendingPathComponent("site"), output = temp.url.appendingPathComponent("public")
        try Self.writeSite(at: site, drawnSource: source)
        let result = try build(site, output)
        #expect(result.status == 1)
        let error = try #require(result.diagnostics.first { $0.contains(": error: ") })
        // Line 11 of index.md is `source:` of the first series; column 13 its value.
        #expect(error.hasPrefix("content/incidents/2021-03-01-mixed/index.md:11:13: error: \(message)"), "\(error)")
        #expect(!FileManager.default.fileExists(atPath: output.path))
    }

    @Test func anUnknownProvenanceIsAnError() throws {
        let temp = try TempFolder()
        let site = temp.url.appendingPathComponent("site"), output = temp.url.appendingPathComponent("public")
        try Self.writeSite(at: site)
        let index = site.appendingPathComponent("content/incidents/2021-03-01-mixed/index.md")
        try read(index).replacingOccurrences(of: "provenance: reconstructed", with: "provenance: estimated")
            .write(to: index, atomically: true, encoding: .utf8)
        let result = try build(site, output)
        #expect(result.status == 1)
        #expect(result.diagnostics.contains { $0.hasPrefix("content/incidents/2021-03-01-mixed/index.md:10:17: error: \"provenance\" must be measured or reconstructed: \"estimated\"") },
                "\(result.diagnostics)")
    }
}
