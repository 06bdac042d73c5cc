import Testing
@testable import SiteLoad
@testable import SiteModel

@Suite struct SiteConfigTests {
    func parse(_ yaml: String) -> (SiteConfig, [String]) {
        var reader = YAMLReader(file: "site.yml")
        let config = SiteConfig.parse(yaml, reader: &reader)
        return (config, reader.diagnostics.sorted().map(\.description))
    }

    @Test func defaultsApplyToAnEmptyFile() {
        let (config, diagnostics) = parse("")
        #expect(diagnostics == [])
        #expect(config.title == "Incident archive")
        #expect(config.baseURL == "http://localhost:8000/")
        #expect(config.perPage == 50)
        #expect(config.unsafeHTML == false)
        #expect(config.charts.maxPoints == 1000)
    }

    @Test func readsEveryKeyAndAddsTheTrailingSlash() {
        let (config, diagnostics) = parse("""
        title: T
        description: D
        base_url: https://example.org/archive
        language: pt-BR
        author: A
        per_page: 7
        unsafe_html: true
        charts: { max_points: 500, normalize: baseline, height: 300 }
        """)
        #expect(diagnostics == [])
        #expect(config.title == "T")
        #expect(config.baseURL == "https://example.org/archive/")
        #expect(config.basePath == "/archive/")
        #expect(config.language == "pt-BR")
        #expect(config.perPage == 7)
        #expect(config.unsafeHTML)
        #expect(config.charts.maxPoints == 500)
        #expect(config.charts.normalize == .baseline)
        #expect(config.charts.height == 300)
    }

    @Test func reportsEveryProblemWithItsLocation() {
        let (config, diagnostics) = parse("""
        titel: T
        base_url: example.org
        per_page: 0
        unsafe_html: maybe
        language: english!
        """)
        #expect(diagnostics == [
            "site.yml:1:1: warning: unknown key \"titel\" (did you mean \"title\"?)",
            "site.yml:2:11: error: \"base_url\" must be an http or https URL: \"example.org\"",
            "site.yml:3:11: error: \"per_page\" must be between 1 and 1000: 0",
            "site.yml:4:14: error: \"unsafe_html\" must be true or false: \"maybe\"",
            "site.yml:5:11: error: \"language\" must be a BCP 47 language tag such as en or pt-BR: \"english!\"",
        ])
        #expect(config.perPage == 50)
    }

    @Test func wrongTypeIsAnError() {
        let (_, diagnostics) = parse("title: [a, b]\n")
        #expect(diagnostics == ["site.yml:1:8: error: \"title\" must be a string"])
    }

    @Test func searchIsOffUnlessTurnedOn() {
        #expect(parse("").0.search == nil)
        #expect(parse("search: false\n").0.search == nil)
        let (on, quiet) = parse("title: T\nsearch: true\n")
        #expect(quiet == [])
        #expect(on.search?.command == nil)
        #expect(on.search?.location.line == 2 && on.search?.location.column == 9)
        let (custom, none) = parse("search:\n  command: tools/pagefind\n")
        #expect(none == [])
        #expect(custom.search?.command == "tools/pagefind")
    }

    @Test func searchOfTheWrongShapeIsAnError() {
        #expect(parse("search: [a]\n").1 == ["site.yml:1:9: error: \"search\" must be true, false or a mapping with the key command"])
        #expect(parse("search: maybe\n").1 == ["site.yml:1:9: error: \"search\" must be true or false: \"maybe\""])
        #expect(parse("search: { comand: x }\n").1.first?.contains("did you mean \"command\"") == true)
    }
}
