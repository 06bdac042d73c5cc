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
}

/// The home page text from content/_index.md.
public struct HomeText: Sendable {
    public var title: String?
    public var body: RenderedMarkdown
}
