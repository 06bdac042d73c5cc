import Diagnostics
import Markdown

/// A plain page from content/pages/, published at /<slug>/.
public struct Page: Sendable {
    public var sourcePath: String
    public var slug: String
    /// Where the slug came from: the `slug:` value, or the file itself (line 1).
    public var slugLocation: SourceLocation
    public var title: String
    public var summary: String
    public var draft: Bool
    /// Position in the site navigation; nil keeps the page out of the menu.
    public var menu: Int?
    public var body: RenderedMarkdown

    /// Memberwise, for the loaders in SiteLoad (the synthesized one is internal to this module).
    package init(
        sourcePath: String,
        slug: String,
        slugLocation: SourceLocation,
        title: String,
        summary: String,
        draft: Bool,
        menu: Int? = nil,
        body: RenderedMarkdown
    ) {
        self.sourcePath = sourcePath
        self.slug = slug
        self.slugLocation = slugLocation
        self.title = title
        self.summary = summary
        self.draft = draft
        self.menu = menu
        self.body = body
    }
}

/// The home page text from content/_index.md.
public struct HomeText: Sendable {
    public var title: String?
    public var body: RenderedMarkdown

    /// Memberwise, for the loaders in SiteLoad (the synthesized one is internal to this module).
    package init(title: String? = nil, body: RenderedMarkdown) {
        self.title = title
        self.body = body
    }
}
