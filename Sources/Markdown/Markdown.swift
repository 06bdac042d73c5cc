/// One heading of a rendered document, in document order.
public struct Heading: Sendable, Hashable {
    /// 1 … 6, as in `<h1>` … `<h6>`.
    public let level: Int
    /// Plain text of the heading: no markup, entities decoded, smart punctuation applied,
    /// runs of ASCII whitespace collapsed to one space, trimmed.
    public let text: String
    /// The `id` attribute the heading carries in `RenderedMarkdown.html`; unique within the page.
    public let id: String

    public init(level: Int, text: String, id: String) {
        self.level = level
        self.text = text
        self.id = id
    }
}

/// The result of `Markdown.render`: plain Swift values only, nothing points into C memory.
public struct RenderedMarkdown: Sendable, Hashable {
    /// Block HTML, as libcmark renders it, except that every `<h1>` … `<h6>` carries `id="…"`.
    public let html: String
    /// In document order (headings nested in block quotes and list items included),
    /// for a table of contents and `#anchor` checks.
    public let headings: [Heading]
    /// Plain text of the first top-level paragraph that has any text (no markup, entities decoded,
    /// soft and hard breaks → spaces, runs of ASCII whitespace collapsed, trimmed); "" if none.
    /// Headings, lists, block quotes, code and HTML blocks before it are skipped.
    public let summary: String

    public init(html: String, headings: [Heading], summary: String) {
        self.html = html
        self.headings = headings
        self.summary = summary
    }
}

/// CommonMark → HTML through libcmark. Stateless; every function is safe to call from many
/// threads at once (each call parses into its own C tree, which it frees before returning).
public enum Markdown {
    /// Renders a document to block HTML.
    ///
    /// Smart punctuation is on (`CMARK_OPT_SMART`: `--` → –, `---` → —, quotes curled),
    /// `CMARK_OPT_VALIDATE_UTF8` is on, and raw HTML and dangerous URLs (`javascript:`,
    /// `vbscript:`, `file:`, most `data:`) are dropped unless `unsafeHTML` (then `CMARK_OPT_UNSAFE`).
    ///
    /// Every heading gets a unique id, carried as `id="…"` by its `<hN>` in `html` and equal to its
    /// `Heading.id`. The id is made from the heading's plain text: lowercased; Unicode letters and
    /// decimal digits kept (with the combining marks that follow them); whitespace and `-` become
    /// `-`; everything else dropped; runs of `-` collapsed and trimmed; empty → `section`.
    /// An id already taken — by an earlier heading or by `reservedIDs` (ids the page template
    /// uses, e.g. "timeline") — gets the first free suffix `-1`, `-2`, … (GitHub style), checked
    /// against every id taken so far, so headings "a", "a", "a-1" get "a", "a-1", "a-1-1".
    /// Ids only ever contain letters, marks, digits and `-`, so they are safe in an attribute.
    public static func render(_ source: String, unsafeHTML: Bool, reservedIDs: Set<String> = []) -> RenderedMarkdown {
        var source = source
        return source.withUTF8 { buffer in
            DocumentRenderer.render(utf8: UnsafeRawBufferPointer(buffer), unsafeHTML: unsafeHTML, reservedIDs: reservedIDs)
        }
    }

    /// Renders inline Markdown (a timeline entry's text, a title) with the same options as
    /// `render`, and returns inline HTML: the single paragraph's contents without the `<p>` wrapper,
    /// with any trailing newline stripped.
    ///
    /// Input that is not one paragraph is flattened rather than rendered as blocks, so the result
    /// can always sit inside an inline element: the inline contents of every paragraph and heading
    /// are joined in document order with a single space between them ("a\n\nb" → "a b");
    /// code blocks become inline `<code>`; HTML blocks become inline HTML (omitted when safe);
    /// block-quote and bullet markers and thematic breaks are dropped; an ordered-list item keeps
    /// its number as text, so "2011. Egypt" stays "2011. Egypt".
    public static func renderInline(_ source: String, unsafeHTML: Bool) -> String {
        var source = source
        return source.withUTF8 { buffer in
            InlineRenderer.renderInline(utf8: UnsafeRawBufferPointer(buffer), unsafeHTML: unsafeHTML)
        }
    }

    /// Plain text of inline Markdown (for `<title>`, feeds, alt text): "**Dyn** reports" →
    /// "Dyn reports". Markup and raw HTML dropped, entities decoded, smart punctuation applied,
    /// breaks → spaces, runs of ASCII whitespace collapsed, trimmed. Blocks are flattened as in
    /// `renderInline`. The result is not HTML-escaped: escape it where it is written into HTML.
    public static func plainText(_ source: String) -> String {
        var source = source
        return source.withUTF8 { buffer in
            InlineRenderer.plainText(utf8: UnsafeRawBufferPointer(buffer))
        }
    }
}
