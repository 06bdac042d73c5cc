import Foundation
import Testing

/// Tests/Fixtures/sites/datasets: a messy spreadsheet export (BOM, CRLF, quoted newlines,
/// trailing empty columns, header spaces, mixed date formats, country names, blank causes,
/// N/A) and a JSON export, with `on_invalid_row: skip`, and a writeup merged with a row.
@Suite struct DatasetSiteTests {
    func build() throws -> (CLIResult, URL, TempFolder) {
        let temp = try TempFolder()
        let output = temp.url.appendingPathComponent("public")
        let result = try CLI.run(["build", "--site", Fixtures.site("datasets").path, "--output", output.path, "--color", "never"])
        return (result, output, temp)
    }

    @Test func everyRowIsPublishedOrNamed() throws {
        let (result, _, _) = try build()
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("dataset outages: 8 rows read, 5 published, 3 skipped"))
        #expect(result.stdout.contains("dataset radar: 3 rows read, 2 published, 1 skipped"))
        #expect(result.diagnostics == [
            "content/datasets/outages.csv:6: warning: row skipped: column \"Begin time\": \"31/02/2021\" is not a date in any of the given formats",
            "content/datasets/outages.csv:7: warning: column \"AS\": the value is not an AS number: \"x9\" (expected 1…4294967295); it is left out",
            "content/datasets/outages.csv:7: warning: column \"Country\": \"Narnia\" is not a country it knows; it is left out",
            "content/datasets/outages.csv:7: warning: column \"Link\": the value must be an http or https URL: \"ftp://example.org/m5\"; it is left out",
            "content/datasets/outages.csv:9: warning: row skipped: column \"Begin time\": no start time (the cell is empty)",
            "content/datasets/outages.csv:11: warning: row skipped: id \"m-1\" is also used by content/datasets/outages.csv:2",
            "content/datasets/radar.json: warning: row skipped: record 3: key \"startDate\": \"not a date\" is not an ISO 8601 date (give \"formats\" for other spellings)",
        ])
    }

    /// read = published + skipped, for every dataset line printed.
    @Test func numbersAddUp() throws {
        let (result, _, _) = try build()
        let lines = result.stdout.split(separator: "\n").filter { $0.hasPrefix("dataset ") }
        #expect(lines.count == 2)
        for line in lines {
            let numbers = line.split(separator: " ").compactMap { Int($0.filter(\.isNumber)) }
            #expect(numbers.count == 3, "\(line)")
            if numbers.count == 3 { #expect(numbers[0] == numbers[1] + numbers[2], "\(line)") }
        }
    }

    @Test func rowsAreIncidentsAndTheWriteupMerges() throws {
        let (_, output, temp) = try build()
        defer { withExtendedLifetime(temp) {} }
        let data = try Data(contentsOf: output.appendingPathComponent("incidents.json"))
        let archive = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let incidents = try #require(archive["incidents"] as? [[String: Any]])
        let bySlug = Dictionary(uniqueKeysWithValues: incidents.compactMap { i in (i["slug"] as? String).map { ($0, i) } })
        #expect(Set(bySlug.keys) == ["m-1", "m-2", "m-3", "m-5", "north-korea", "r-1", "r-2"])
        let m1 = try #require(bySlug["m-1"])
        #expect(m1["start"] as? String == "2021-03-17T16:40:00Z")
        #expect(m1["end"] as? String == "2021-07-28T17:00:00Z")
        #expect((m1["countries"] as? [[String: Any]])?.first?["code"] as? String == "IR")
        #expect(m1["cause"] as? String == "government-ordered")
        #expect((m1["networks"] as? [[String: Any]])?.compactMap { $0["asn"] as? Int } == [12880, 44244])
        let m2 = try #require(bySlug["m-2"])
        #expect(m2["cause"] as? String == "unknown")  // a blank cause
        #expect(m2["end"] == nil)                      // "N/A"
        let r1 = try #require(bySlug["r-1"])
        #expect(r1["summary"] as? String == "Grid failure nationwide & beyond.")
        // The writeup wins where it speaks (title, tags), the row fills the rest.
        let kp = try #require(bySlug["north-korea"])
        #expect(kp["title"] as? String == "North Korea offline")
        #expect(kp["end"] as? String == "2014-12-23T01:46:00Z")
        #expect((kp["countries"] as? [[String: Any]])?.first?["code"] as? String == "KP")
        #expect(kp["tags"] as? [String] == ["writeup"])
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("incidents/m-3/index.html").path))
    }
}
