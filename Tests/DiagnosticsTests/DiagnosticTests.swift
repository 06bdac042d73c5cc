import Diagnostics
import Testing

@Suite struct DiagnosticTests {
    @Test func printsCompilerStyle() {
        let d = Diagnostic.error("\"start\" has no time zone", at: SourceLocation(file: "content/a.md", line: 4, column: 8))
        #expect(d.description == "content/a.md:4:8: error: \"start\" has no time zone")
        let w = Diagnostic.warning("x", at: SourceLocation(file: "data.csv", line: 118))
        #expect(w.description == "data.csv:118: warning: x")
        #expect(Diagnostic.error("y", at: SourceLocation(file: "out")).description == "out: error: y")
    }

    @Test func sortsByFileLineColumnThenSeverity() {
        let log = DiagnosticLog()
        log.warning("w", at: SourceLocation(file: "b.md", line: 1, column: 1))
        log.error("e2", at: SourceLocation(file: "a.md", line: 10, column: 1))
        log.error("e1", at: SourceLocation(file: "a.md", line: 2, column: 5))
        log.warning("same place", at: SourceLocation(file: "a.md", line: 2, column: 5))
        log.error("e1", at: SourceLocation(file: "a.md", line: 2, column: 5))  // exact duplicate dropped
        #expect(log.sorted.map(\.message) == ["e1", "same place", "e2", "w"])
        #expect(log.errorCount == 2)
        #expect(log.warningCount == 2)
        #expect(log.hasErrors)
    }

    @Test(arguments: [
        ("titel", "title"), ("countrys", "countries"), ("strat", "start"), ("timezon", "timezone"),
    ])
    func suggestsNearestKey(typo: String, expected: String) {
        let known = ["title", "start", "end", "countries", "timezone", "tags", "status"]
        #expect(nearestName(to: typo, in: known) == expected)
    }

    @Test func noSuggestionWhenNothingIsClose() {
        #expect(nearestName(to: "completely-different", in: ["title", "start"]) == nil)
    }
}
