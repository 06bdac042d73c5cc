import Diagnostics
import Markdown
import OutageData

/// Loads content/pages/*.md and content/_index.md.
struct PageLoader {
    let unsafeHTML: Bool

    static let knownKeys = ["title", "summary", "draft", "slug", "menu"]
    static let homeKeys = ["title"]
    static let templateIDs: Set<String> = ["main"]

    func loadPage(text: String, file: String, defaultSlug: String, diagnostics: inout [Diagnostic]) -> Page? {
        guard let split = FrontMatter.split(text) else {
            diagnostics.append(.error("front matter is not closed: add a line \"---\" after it", at: SourceLocation(file: file, line: 1, column: 1)))
            return nil
        }
        guard split.hasFrontMatter else {
            diagnostics.append(.error("missing front matter: a page needs at least a \"title\"", at: SourceLocation(file: file, line: 1, column: 1)))
            return nil
        }
        var reader = YAMLReader(file: file, firstLine: split.yamlFirstLine)
        defer { diagnostics.append(contentsOf: reader.diagnostics) }
        guard let fm = reader.parseMapping(split.yaml) else { return nil }
        reader.checkKeys(fm, known: Self.knownKeys)
        let title = reader.string("title", in: fm, required: true, nonEmpty: true)
        var slug: String? = defaultSlug
        var slugLocation = SourceLocation(file: file, line: 1, column: 1)
        if let node = reader.value("slug", in: fm), let text = reader.scalarText(node, key: "slug", expected: "a string") {
            slugLocation = reader.location(of: node)
            if Slug.isValid(text) {
                slug = text
            } else {
                reader.error("\"slug\" must use only lowercase letters, digits and hyphens: \"\(text)\" (try \"\(Slug.slugify(text))\")", at: node)
                slug = nil
            }
        } else if !Slug.isValid(defaultSlug) {
            reader.error("the file name gives the slug \"\(defaultSlug)\", which is not lowercase letters, digits and hyphens: rename the file or set \"slug\" (try \"\(Slug.slugify(defaultSlug))\")",
                         at: SourceLocation(file: file, line: 1, column: 1))
            slug = nil
        }
        let menu = reader.int("menu", in: fm, range: -1000...1000)
        let draft = reader.bool("draft", in: fm) ?? false
        let body = Markdown.render(split.body, unsafeHTML: unsafeHTML, reservedIDs: Self.templateIDs)
        let summary = reader.string("summary", in: fm, nonEmpty: true) ?? body.summary
        guard let title, let slug else { return nil }
        return Page(sourcePath: file, slug: slug, slugLocation: slugLocation, title: title, summary: summary, draft: draft, menu: menu, body: body)
    }

    func loadHome(text: String, file: String, diagnostics: inout [Diagnostic]) -> HomeText? {
        guard let split = FrontMatter.split(text) else {
            diagnostics.append(.error("front matter is not closed: add a line \"---\" after it", at: SourceLocation(file: file, line: 1, column: 1)))
            return nil
        }
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
