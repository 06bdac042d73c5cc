import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// What `serve` holds after each edit is byte for byte what a fresh `build` of the same files
/// writes (apart from the reload script it adds to pages), and nothing more: a page an edit
/// removed is a 404. The edits: add, change, rename, move to another year and delete an
/// incident; change a page, the menu and the home text; change a series; change a partial and
/// override a page template; change site.yml; change a dataset's table, mapping and writeup.
@Suite(.serialized) struct ServeMatchesBuildTests {
    static let script = #"<script>/\* blackout serve[\s\S]*?</script>"#

    /// Every file a fresh build of `site` writes, without the folder's `.blackout` mark.
    static func fresh(_ site: URL, in temp: TempFolder) throws -> [String: String] {
        let output = temp.url.appendingPathComponent("fresh-\(UUID().uuidString)")
        let result = try CLI.run(["build", "--site", site.path, "--output", output.path, "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        defer { try? FileManager.default.removeItem(at: output) }
        return snapshot(of: output).filter { $0.key != ".blackout" }.mapValues { String(decoding: $0, as: UTF8.self) }
    }

    /// The differences between what serve answers and `expected`; empty when they agree.
    static func differences(_ served: ServeTests.Served, _ expected: [String: String], gone: Set<String>) throws -> [String] {
        var problems: [String] = []
        for (path, bytes) in expected.sorted(by: { $0.key < $1.key }) {
            let reply = try served.get("/" + path.split(separator: "/").map { $0.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? String($0) }.joined(separator: "/"))
            let body = path.hasSuffix(".html") ? reply.body.replacingOccurrences(of: script, with: "", options: .regularExpression) : reply.body
            if reply.status != 200 || body != bytes { problems.append("\(path): \(reply.status), \(body.count) vs \(bytes.count) characters") }
        }
        for path in gone.subtracting(expected.keys).sorted() {
            let reply = try served.get("/" + path)
            if reply.status != 404 { problems.append("\(path) is gone from the build but serve answers \(reply.status)") }
        }
        return problems
    }

    /// Waits (up to 30 s) until serve agrees with a fresh build; records the differences if it never does.
    static func expectAgreement(_ served: ServeTests.Served, temp: TempFolder, seen: inout Set<String>, after step: String) throws {
        let expected = try fresh(served.site, in: temp)
        seen.formUnion(expected.keys)
        let deadline = Date().addingTimeInterval(30)
        var problems = try differences(served, expected, gone: seen)
        while !problems.isEmpty && Date() < deadline {
            usleep(100_000)
            problems = try differences(served, expected, gone: seen)
        }
        #expect(problems.isEmpty, "after \(step): \(problems.prefix(10))")
    }

    @Test func everyEditLeavesServeEqualToAFreshBuild() throws {
        let served = try ServeTests.Served()
        let temp = try TempFolder()
        var seen = Set<String>()
        let incidents = served.site.appendingPathComponent("content/incidents")
        try Self.expectAgreement(served, temp: temp, seen: &seen, after: "the first build")

        try "---\ntitle: Added while serving\nstart: 2022-02-02T02:00:00Z\ncountries: [TO]\ntags: [added]\n---\nNew.\n"
            .write(to: incidents.appendingPathComponent("2022-02-02-added.md"), atomically: true, encoding: .utf8)
        try Self.expectAgreement(served, temp: temp, seen: &seen, after: "adding an incident")

        try served.edit("content/incidents/2021-05-05-single.md") { $0.replacingOccurrences(of: "title: Single-file service outage", with: "title: Renamed service outage") }
        try Self.expectAgreement(served, temp: temp, seen: &seen, after: "changing an incident's title")

        // Text below the summary: the lists, home and the timeline show the same row.
        try served.edit("content/incidents/2021-05-05-single.md") { $0 + "\nA paragraph added while serving.\n" }
        try Self.expectAgreement(served, temp: temp, seen: &seen, after: "adding a paragraph to an incident")

        // As JetBrains editors save: a temporary file beside it, renamed over it.
        let single = incidents.appendingPathComponent("2021-05-05-single.md")
        let temporary = incidents.appendingPathComponent("2021-05-05-single.md___jb_tmp___")
        try (String(contentsOf: single, encoding: .utf8) + "\nSaved through a temporary file.\n").write(to: temporary, atomically: false, encoding: .utf8)
        #expect(rename(temporary.path, single.path) == 0)
        try Self.expectAgreement(served, temp: temp, seen: &seen, after: "saving an incident through a temporary file")

        try FileManager.default.moveItem(at: incidents.appendingPathComponent("2022-02-02-added.md"),
                                         to: incidents.appendingPathComponent("2022-02-02-moved.md"))
        try Self.expectAgreement(served, temp: temp, seen: &seen, after: "renaming an incident")

        try FileManager.default.removeItem(at: incidents.appendingPathComponent("2022-02-02-moved.md"))
        try Self.expectAgreement(served, temp: temp, seen: &seen, after: "deleting an incident")

        try served.edit("content/incidents/2021-05-05-single.md") {
            $0.replacingOccurrences(of: "start: 2021-05-05\nend: 2021-05-05", with: "start: 2019-05-05\nend: 2019-05-06")
        }
        try Self.expectAgreement(served, temp: temp, seen: &seen, after: "moving an incident to another year")

        try served.edit("content/pages/about.md") { $0 + "\nA line added while serving.\n" }
        try Self.expectAgreement(served, temp: temp, seen: &seen, after: "changing a page's text")

        try served.edit("content/pages/about.md") { $0.replacingOccurrences(of: "title: About", with: "title: About us") }
        try Self.expectAgreement(served, temp: temp, seen: &seen, after: "changing the title of a page in the menu")

        try served.edit("content/_index.md") { $0 + "\nHome text added while serving.\n" }
        try Self.expectAgreement(served, temp: temp, seen: &seen, after: "changing the home text")

        let csv = incidents.appendingPathComponent("2020-03-01-bundle-case/series.csv")
        let rows = try String(contentsOf: csv, encoding: .utf8)
        try (rows + "2020-03-01T11:00:00Z,7\n").write(to: csv, atomically: true, encoding: .utf8)
        try Self.expectAgreement(served, temp: temp, seen: &seen, after: "changing a series")

        try served.edit("templates/partials/footer.mustache") { $0 + "\n<p>Footer changed while serving.</p>\n" }
        try Self.expectAgreement(served, temp: temp, seen: &seen, after: "changing a template")

        // A page template only incident pages use, overridden by the site while serving.
        let theme = try String(contentsOf: Fixtures.repository.appendingPathComponent("templates/incident.mustache"), encoding: .utf8)
        try (theme + "\n<!-- incident template overridden while serving -->\n")
            .write(to: served.site.appendingPathComponent("templates/incident.mustache"), atomically: true, encoding: .utf8)
        try Self.expectAgreement(served, temp: temp, seen: &seen, after: "overriding the incident template")

        try served.edit("site.yml") { $0.replacingOccurrences(of: "per_page: 2", with: "per_page: 3") }
        try Self.expectAgreement(served, temp: temp, seen: &seen, after: "changing site.yml")
        _ = try served.stop()
    }

    /// A dataset's rows are incidents, and one joins a writeup: editing the table or the writeup
    /// changes what serve holds just as it changes a build.
    @Test func datasetEditsLeaveServeEqualToAFreshBuild() throws {
        let served = try ServeTests.Served(fixture: "datasets")
        let temp = try TempFolder()
        var seen = Set<String>()
        try Self.expectAgreement(served, temp: temp, seen: &seen, after: "the first build")

        try served.edit("content/datasets/outages.csv") { $0.replacingOccurrences(of: "Cause not reported.", with: "Cause still not reported.") }
        try Self.expectAgreement(served, temp: temp, seen: &seen, after: "changing a row of a table")

        try served.edit("content/incidents/2014-12-22-north-korea.md") { $0.replacingOccurrences(of: "North Korea offline", with: "North Korea offline again") }
        try Self.expectAgreement(served, temp: temp, seen: &seen, after: "changing a writeup a row joins")

        try served.edit("content/datasets/radar.yml") { $0.replacingOccurrences(of: "tags: { value: radar }", with: "tags: { value: [radar, edited] }") }
        try Self.expectAgreement(served, temp: temp, seen: &seen, after: "changing a dataset's mapping")
        _ = try served.stop()
    }

    /// Rows of one table come from one file, and these six share a year and have no end: a
    /// list page of them differs only in which rows it holds. Moving the writeup from the first
    /// page to the last shifts every page between by one row.
    @Test func aWriteupMovingAcrossRowsThatLookAlikeShiftsEveryPage() throws {
        let served = try ServeTests.Served(fixture: "dataset-rows")
        let temp = try TempFolder()
        var seen = Set<String>()
        try Self.expectAgreement(served, temp: temp, seen: &seen, after: "the first build")
        try served.edit("content/incidents/2021-12-20-writeup.md") { $0.replacingOccurrences(of: "start: 2021-12-20T08:00:00Z", with: "start: 2021-01-02T08:00:00Z") }
        try Self.expectAgreement(served, temp: temp, seen: &seen, after: "moving the writeup to the last page")
        _ = try served.stop()
    }
}
