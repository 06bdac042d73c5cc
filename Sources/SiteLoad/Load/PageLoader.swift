import Diagnostics
import Markdown
import OutageData
import SiteModel

/// Loads content/pages/*.md and content/_index.md.
struct PageLoader {
    let unsafeHTML: Bool

    static let knownKeys = ["title", "summary", "draft", "slug", "menu"]
    static let homeKeys = ["title"]
    /// Ids the templates use on pages and on the home page, which shows _index.md.
    static let templateIDs: Set<String> = ["main", "holdings", "by-year", "latest", "archive"]

    func loadPage(text: String, file: String, defaultSlug: String, diagnostics: inout [Diagnostic]) -> Page? {
        guard let split = FrontMatter.open(text, file: file, requiredBecause: "a page needs at least a \"title\"", diagnostics: &diagnostics) else {
            return nil
        }
        var reader = YAMLReader(file: file, firstLine: split.yamlFirstLine)
        defer { diagnostics.append(contentsOf: reader.diagnostics) }
        guard let fm = reader.parseMapping(split.yaml) else { return nil }
        reader.checkKeys(fm, known: Self.knownKeys)
        let title = reader.string("title", in: fm, required: true, nonEmpty: true)
        let slug = reader.slug(in: fm, defaultSlug: defaultSlug)
        let menu = reader.int("menu", in: fm, range: -1000...1000)
        let draft = reader.bool("draft", in: fm) ?? false
        let body = Markdown.render(split.body, unsafeHTML: unsafeHTML, reservedIDs: Self.templateIDs)
        let summary = reader.string("summary", in: fm, nonEmpty: true) ?? body.summary
        guard let title, let slug else { return nil }
        return Page(sourcePath: file, slug: slug.slug, slugLocation: slug.location, title: title, summary: summary, draft: draft, menu: menu, body: body)
    }

    func loadHome(text: String, file: String, diagnostics: inout [Diagnostic]) -> HomeText? {
        guard let split = FrontMatter.open(text, file: file, requiredBecause: nil, diagnostics: &diagnostics) else { return nil }
        var reader = YAMLReader(file: file, firstLine: split.yamlFirstLine)
        defer { diagnostics.append(contentsOf: reader.diagnostics) }
        var title: String?
        if split.hasFrontMatter, let fm = reader.parseMapping(split.yaml) {
            reader.checkKeys(fm, known: Self.homeKeys)
            title = reader.string("title", in: fm, nonEmpty: true)
        }
        return HomeText(title: title, body: Markdown.render(split.body, unsafeHTML: unsafeHTML, reservedIDs: Self.templateIDs))
    }
}
