import Foundation
import Testing

/// Issue 8: a dataset `duration` whose end would fall after the year 9999 (or whose seconds
/// overflow 64 bits) is a warning naming the row and column, never a garbage end date.
@Suite struct DatasetDurationTests {
    @Test func durationsPastTheYear9999AreOutOfRange() throws {
        let temp = try TempFolder()
        try temp.write("s/content/datasets/d.yml", "source: d.csv\ntitle: \"{T}\"\nfields:\n  start: { column: S }\n  duration: { column: D, unit: days }\n")
        try temp.write("s/content/datasets/d.csv", """
            T,S,D
            Huge,2020-01-01T00:00:00Z,1e12
            Past 9999,2020-01-01T00:00:00Z,3000000
            Ok,2020-01-01T00:00:00Z,1.5
            Last day,2020-01-01T00:00:00Z,2914634
            Word,2020-01-01T00:00:00Z,abc

            """)
        try temp.write("s/content/datasets/s.yml", "source: s.csv\ntitle: \"{T}\"\nfields:\n  start: { column: S }\n  duration: { column: D, unit: seconds }\n")
        try temp.write("s/content/datasets/s.csv", """
            T,S,D
            Overflow,2020-01-01T00:00:00Z,99999999999999999999
            Max,2020-01-01T00:00:00Z,9223372036854775807

            """)
        let site = temp.url.appendingPathComponent("s")
        let built = try CLI.run(["build", "--site", site.path, "--color", "never"])
        #expect(built.status == 0, "\(built.stderr)")
        let range = "is out of range (the end would fall after 9999-12-31); the end is left out"
        #expect(built.diagnostics == [
            "content/datasets/d.csv:2: warning: column \"D\": 1e12 days " + range,
            "content/datasets/d.csv:3: warning: column \"D\": 3000000 days " + range,
            "content/datasets/d.csv:6: warning: column \"D\": \"abc\" is not a duration in days; the end is left out",
            "content/datasets/s.csv:2: warning: column \"D\": 99999999999999999999 seconds " + range,
            "content/datasets/s.csv:3: warning: column \"D\": 9223372036854775807 seconds " + range,
        ])
        let folder = site.appendingPathComponent("public/incidents")
        func end(_ slug: String) throws -> String? {
            let json = try String(contentsOf: folder.appendingPathComponent("\(slug)/incident.json"), encoding: .utf8)
            return json.split(separator: "\n").first { $0.contains("\"end\": ") }.map { String($0.trimmingCharacters(in: .whitespaces)) }
        }
        #expect(try end("d-2") == nil)
        #expect(try end("d-3") == nil)
        #expect(try end("d-4") == "\"end\": \"2020-01-02T12:00:00Z\",")
        #expect(try end("d-5") == "\"end\": \"9999-12-31T00:00:00Z\",")
        #expect(try end("s-2") == nil)
        #expect(try end("s-3") == nil)
        let archive = try String(contentsOf: site.appendingPathComponent("public/incidents.json"), encoding: .utf8)
        #expect(archive.range(of: #""[0-9]{5,}-[0-9]{2}-"#, options: .regularExpression) == nil, "a date past the year 9999")
    }
}
