import Testing
@testable import SiteModel

/// Tags are deduplicated by slug, first spelling and first position kept (issue 8: this was
/// quadratic; the semantics must not change with the linear version).
@Suite struct TagListTests {
    static let names = ["Cable cut", "BGP", "cable-cut", "Cable  Cut!", "bgp", "Égypte", "egypte", "Блок", "блок", "!!", "?"]

    @Test func duplicatesBySlugKeepTheFirstSpellingInOrder() {
        let tags = Tag.list(Self.names)
        #expect(tags.map(\.name) == ["Cable cut", "BGP", "Égypte", "Блок", "!!"])
        #expect(tags.map(\.slug) == ["cable-cut", "bgp", "egypte", "блок", "tag"])
    }

    @Test func manyDistinctTagsKeepTheirOrder() {
        let names = (0..<5_000).map { "tag \(($0 * 7_919) % 5_000)" }
        let tags = Tag.list(names + names.reversed())
        #expect(tags.map(\.name) == names)
    }
}
