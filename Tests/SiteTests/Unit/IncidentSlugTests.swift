import Testing
import OutageData
@testable import Site
@testable import SiteLoad

/// The slug of `blackout new incident` (issue 8): always one the build accepts.
@Suite struct IncidentSlugTests {
    @Test(arguments: [
        ("Título ñ", "titulo-n"),
        ("Cable cut off Tonga", "cable-cut-off-tonga"),
        ("Cable cut in Дагестан", "cable-cut-in"),
        ("Straße ﬁ Ⅻ ① ²", "strasse-fi-xii-1-2"),
        ("Côte d’Ivoire: 50 % down", "cote-d-ivoire-50-down"),
        ("e\u{301}te\u{301}", "ete"),
    ])
    func latinLettersAndDigitsAreKept(title: String, slug: String) {
        #expect(IncidentSlug.from(title: title) == slug)
        #expect(Slug.isValid(slug))
    }

    @Test(arguments: ["Отключение интернета в Дагестане", "إنقطاع", "断网", "١٢٣ ٤", "—", "🌐"])
    func nothingLatinGivesNoSlug(title: String) {
        #expect(IncidentSlug.from(title: title) == nil)
    }

    @Test func longTitlesAreCutAtAHyphen() throws {
        let slug = try #require(IncidentSlug.from(title: String(repeating: "outage ", count: 40)))
        #expect(slug.count <= IncidentSlug.maximumLength)
        #expect(Slug.isValid(slug) && !slug.hasSuffix("-"))
    }

    @Test func theFallbackAvoidsSlugsInUse() {
        #expect(IncidentSlug.fallback(existing: []) == "incident-1")
        #expect(IncidentSlug.fallback(existing: ["2022-01-15-incident-1.md", "2021-01-01-incident-2", "incident-4.md", "x.md"]) == "incident-3")
    }
}

/// The "(try …)" hint of a slug error only ever suggests a slug the next build accepts.
@Suite struct SlugSuggestionTests {
    @Test(arguments: [("Café Ünï", " (try \"cafe-uni\")"), ("断网", ""), ("Отключение", ""), ("BGP_leak 2019", " (try \"bgp-leak-2019\")")])
    func suggestionsAreValidSlugsOrNothing(text: String, expected: String) {
        #expect(YAMLReader.suggestion(for: text) == expected)
    }
}
