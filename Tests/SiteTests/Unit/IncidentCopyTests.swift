import Diagnostics
import Markdown
import OutageData
import SiteModel
import Testing

/// `Incident` shares its values between copies (one object, copied on the first change): a
/// change to one copy must never show in another, whichever property it touches.
@Suite struct IncidentCopyTests {
    static func incident() -> Incident {
        Incident(sourcePath: "content/incidents/a.md", bundleFiles: [], slug: "a", slugLocation: SourceLocation(file: "a.md", line: 1, column: 1),
                 title: "First title", start: Timestamp(seconds: 1_600_000_000), status: .resolved, summary: "Summary.",
                 hasExplicitSummary: true, countries: [], regions: [], asns: [], networkNames: [:], prefixes: [], affected: [],
                 cause: .cableCut, tags: [], sources: [], timeline: [], series: [], draft: false, authors: ["One"],
                 body: RenderedMarkdown(html: "<p>Body.</p>", headings: [], summary: "Body."))
    }

    @Test func changingACopyLeavesTheOriginal() {
        let original = Self.incident()
        var copy = original
        copy.title = "Second title"
        copy.authors.append("Two")
        copy.end = Timestamp(seconds: 1_600_003_600)
        #expect(original.title == "First title" && original.authors == ["One"] && original.end == nil)
        #expect(copy.title == "Second title" && copy.authors == ["One", "Two"] && copy.durationSeconds == 3_600)
    }

    @Test func changingTheOriginalLeavesACopy() {
        var original = Self.incident()
        let copy = original
        original.summary = "Changed."
        original.tags.append(Tag(name: "Exams", slug: "exams"))
        #expect(copy.summary == "Summary." && copy.tags.isEmpty)
        #expect(original.summary == "Changed." && original.tags.map(\.slug) == ["exams"])
    }

    @Test func copiesInAnArrayAreIndependent() {
        var incidents = [Self.incident(), Self.incident()]
        let before = incidents
        incidents[1].cause = .powerOutage
        #expect(before[1].cause == .cableCut && incidents[0].cause == .cableCut && incidents[1].cause == .powerOutage)
    }
}
