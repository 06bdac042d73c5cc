import Foundation
import OutageData
import SiteModel
import Testing
@testable import SiteLoad

/// Tests/Fixtures/sites/messy-tables: one export with every quirk at once (issue 10): BOM,
/// CRLF, a quoted newline, a trailing empty column, header names with spaces, "N/A", a 24-hour
/// hour beside AM/PM ("17:00:00 PM", after two spaces), a marker that contradicts its hour
/// ("23:40:00 AM") and a country cut short before its parenthesis ("Democratic Republic of (DRC)").
/// The mapping says `on_invalid_row: error`, so a row the loader cannot read fails the build.
@Suite struct MessyTableTests {
    static let table = "content/datasets/shutdowns.csv"
    static let slugs = ["cd-2018-12", "et-2020-06", "ga-2016-08", "ir-2019-11", "sd-2019-06"]

    func build() throws -> (CLIResult, URL, TempFolder) {
        let temp = try TempFolder()
        let output = temp.url.appendingPathComponent("public")
        let result = try CLI.run(["build", "--site", Fixtures.site("messy-tables").path, "--output", output.path, "--color", "never"])
        return (result, output, temp)
    }

    /// The quirks are in the bytes, so that a checkout that rewrites line endings shows here
    /// instead of quietly testing a tidier table.
    @Test func theFixtureHasTheQuirks() throws {
        let bytes = try Data(contentsOf: Fixtures.site("messy-tables").appendingPathComponent(Self.table))
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]))
        #expect(text.hasPrefix("\u{FEFF} Ref , Country ,"))
        #expect(text.components(separatedBy: "\r\n").count == 7)   // 6 lines ending in CRLF
        #expect(text.contains("Oromia.\nFixed"))                      // a quoted newline
        #expect(text.contains("7/28/2020  17:00:00 PM"))
        #expect(text.contains("6/3/2019  23:40:00 AM"))
        #expect(text.contains(",Democratic Republic of (DRC),"))
        #expect(text.contains(",N/A,"))
    }

    @Test func everyRowIsPublished() throws {
        let (result, output, temp) = try build()
        defer { withExtendedLifetime(temp) {} }
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("dataset shutdowns: 5 rows read, 5 published, 0 skipped"), "\(result.stdout)")
        for slug in Self.slugs {
            #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("incidents/\(slug)/index.html").path), "\(slug)")
        }
    }

    /// The one warning is the contradicting AM, naming file, line and column; the row that
    /// spans two lines (its note has a newline) does not shift the lines after it.
    @Test func theContradictionIsAWarningNamingTheCell() throws {
        let (result, _, _) = try build()
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.diagnostics == [
            "\(Self.table):5: warning: column \"Start\": \"6/3/2019  23:40:00 AM\" says AM, but 23 is a PM hour on the 24-hour clock (H); read as 23:40",
        ])
    }

    @Test func rowsHaveTheTwentyFourHourTimesAndTheirCountries() throws {
        let (_, output, temp) = try build()
        defer { withExtendedLifetime(temp) {} }
        let data = try Data(contentsOf: output.appendingPathComponent("incidents.json"))
        let archive = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let incidents = try #require(archive["incidents"] as? [[String: Any]])
        let bySlug = Dictionary(uniqueKeysWithValues: incidents.compactMap { i in (i["slug"] as? String).map { ($0, i) } })
        #expect(bySlug.keys.sorted() == Self.slugs)
        func country(_ incident: [String: Any]) -> String? {
            (incident["countries"] as? [[String: Any]])?.first?["code"] as? String
        }

        let ethiopia = try #require(bySlug["et-2020-06"])
        #expect(ethiopia["start"] as? String == "2020-06-30T09:00:00Z")
        #expect(ethiopia["end"] as? String == "2020-07-28T17:00:00Z")  // "17:00:00 PM"
        #expect(ethiopia["summary"] as? String == "Cut the morning after the killing of a popular singer set off protests in Oromia.\nFixed lines came back weeks before mobile data did.")
        #expect(country(ethiopia) == "ET")

        let congo = try #require(bySlug["cd-2018-12"])
        #expect(country(congo) == "CD")
        #expect(congo["title"] as? String == "Democratic Republic of (DRC): Full shutdown")
        #expect(congo["end"] as? String == "2019-01-20T17:00:00Z")

        // The hour wins over the contradicting AM: 23:40, not 11:40.
        let sudan = try #require(bySlug["sd-2019-06"])
        #expect(sudan["start"] as? String == "2019-06-03T23:40:00Z")
        #expect(sudan["end"] as? String == "2019-07-09T14:00:00Z")
        #expect((sudan["sources"] as? [Any])?.isEmpty == true)  // "N/A"
        #expect((congo["sources"] as? [Any])?.count == 1)

        // "N/A" as the end and as the cause: ongoing, cause unknown.
        let iran = try #require(bySlug["ir-2019-11"])
        #expect(iran["start"] as? String == "2019-11-16T15:30:00Z")
        #expect(iran["end"] == nil)
        #expect(iran["cause"] as? String == "unknown")
        #expect(country(iran) == "IR")

        let gabon = try #require(bySlug["ga-2016-08"])
        #expect(gabon["start"] as? String == "2016-08-31T19:00:00Z")
        #expect(gabon["end"] as? String == "2016-09-04T10:00:00Z")
        #expect(gabon["cause"] as? String == "government-ordered")

        // The per-incident file says the same.
        let sudanJSON = try String(contentsOf: output.appendingPathComponent("incidents/sd-2019-06/incident.json"), encoding: .utf8)
        #expect(sudanJSON.contains("\"start\": \"2019-06-03T23:40:00Z\""))
    }

    // MARK: - The row mapper's warning path

    /// A mapping over columns Start and End with the H-and-a pattern, in a fresh folder.
    private func mapper(in temp: TempFolder) throws -> RowMapper {
        let folder = temp.url.appendingPathComponent("content/datasets")
        try temp.write("content/datasets/t.csv", "Start,End\n")
        var yaml = YAMLReader(file: "content/datasets/t.yml")
        let mapping = try #require(DatasetMapping.parse("""
            source: t.csv
            title: "x"
            fields:
              start: { column: Start, formats: ["M/d/yyyy H:mm:ss a"], timezone: UTC }
              end: { column: End, formats: ["M/d/yyyy H:mm:ss a"], timezone: UTC }
              updated: { column: Updated, formats: ["M/d/yyyy H:mm:ss a"], timezone: UTC }
            """, file: "content/datasets/t.yml", name: "t", directory: folder, reader: &yaml))
        #expect(yaml.diagnostics.isEmpty)
        return RowMapper(mapping: mapping, tableKind: .csv)
    }

    private func map(_ mapper: RowMapper, _ values: [String: String]) -> (incident: Incident?, warnings: [String]) {
        let record = TableRecord(position: 2, values: values.mapValues { .text($0) })
        switch mapper.map(record) {
        case .incident(let incident, let warnings):
            return (incident, warnings.map { "\($0.column ?? "-"): \($0.message)" })
        case .invalid(let problem, let warnings):
            return (nil, ["invalid \(problem.column ?? "-"): \(problem.message)"] + warnings.map { "\($0.column ?? "-"): \($0.message)" })
        }
    }

    @Test func aContradictingMarkerIsAWarningInEveryDateField() throws {
        let temp = try TempFolder()
        let mapper = try mapper(in: temp)
        let (incident, warnings) = map(mapper, [
            "Start": "7/28/2020 23:40:00 AM", "End": "7/29/2020 09:00:00 PM", "Updated": "7/30/2020 12:05:00 AM",
        ])
        let published = try #require(incident)
        #expect(published.start.iso8601 == "2020-07-28T23:40:00Z")
        #expect(published.end?.iso8601 == "2020-07-29T09:00:00Z")
        #expect(published.updated?.iso8601 == "2020-07-30T12:05:00Z")
        #expect(warnings == [
            "Start: \"7/28/2020 23:40:00 AM\" says AM, but 23 is a PM hour on the 24-hour clock (H); read as 23:40",
            "End: \"7/29/2020 09:00:00 PM\" says PM, but 9 is an AM hour on the 24-hour clock (H); read as 09:00",
            "Updated: \"7/30/2020 12:05:00 AM\" says AM, but 12 is a PM hour on the 24-hour clock (H); read as 12:05 (for 00:05, the format needs h, the 12-hour clock, instead of H)",
        ])
    }

    @Test func agreeingMarkersAndUnreadableStartsGiveNoConflictWarning() throws {
        let temp = try TempFolder()
        let mapper = try mapper(in: temp)
        let agreeing = map(mapper, ["Start": "7/28/2020 17:00:00 PM", "End": "7/29/2020 0:30:00 AM"])
        #expect(agreeing.incident?.start.iso8601 == "2020-07-28T17:00:00Z")
        #expect(agreeing.incident?.end?.iso8601 == "2020-07-29T00:30:00Z")
        #expect(agreeing.warnings.isEmpty)
        // An hour past 23 is no time at all: the row is invalid, as before.
        let impossible = map(mapper, ["Start": "7/28/2020 24:10:00 AM"])
        #expect(impossible.incident == nil)
        #expect(impossible.warnings == ["invalid Start: \"7/28/2020 24:10:00 AM\" is not a date in any of the given formats"])
    }
}
