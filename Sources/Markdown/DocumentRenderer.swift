import CCmark

/// `Markdown.render`, on UTF-8 bytes (the tests also feed it invalid UTF-8 directly).
///
/// How the ids get into the HTML: libcmark's `<hN>` has no attributes, and in safe mode it omits
/// raw HTML nodes, so ids cannot be added as HTML nodes, and rewriting the HTML afterwards could
/// not tell our headings from `<h2>` tags an author wrote (passed through when `unsafeHTML`).
/// Instead each heading node is replaced, in the tree, by
///
///     CUSTOM_BLOCK (no on_enter / on_exit)
///       CUSTOM_INLINE (on_enter `<hN id="…">`, on_exit `</hN>`)
///         … the heading's inline children, moved …
///
/// libcmark writes custom nodes' on_enter / on_exit literally, whatever the safe option. A custom
/// block may hold inlines, and may stand wherever a heading can (document, block quote, list
/// item). The empty custom block only adds the line breaks around it that a heading has, so the
/// output is byte for byte what libcmark writes for a heading, plus ` id="…"`.
enum DocumentRenderer {
    static func render(utf8 buffer: UnsafeRawBufferPointer, unsafeHTML: Bool, reservedIDs: Set<String>) -> RenderedMarkdown {
        let options = Cmark.options(unsafeHTML: unsafeHTML)
        let rendered = Cmark.withDocument(utf8: buffer, options: options) { document in
            render(document: document, options: options, reservedIDs: reservedIDs)
        }
        return rendered ?? RenderedMarkdown(html: "", headings: [], summary: "")
    }

    private static func render(document: Cmark.Node, options: Int32, reservedIDs: Set<String>) -> RenderedMarkdown {
        var headingNodes: [Cmark.Node] = []
        Cmark.walk(document) { entering, node in
            if entering && Cmark.type(node) == CMARK_NODE_HEADING {
                headingNodes.append(node)
            }
        }
        let summary = firstParagraphText(of: document)

        var ids = HeadingIDAllocator(reserved: reservedIDs)
        var headings: [Heading] = []
        headings.reserveCapacity(headingNodes.count)
        for node in headingNodes {
            let level = min(max(Int(cmark_node_get_heading_level(node)), 1), 6)
            let text = Cmark.plainText(of: node)
            let id = ids.claim(HeadingID.slug(text))
            headings.append(Heading(level: level, text: text, id: id))
            replaceHeading(node, level: level, id: id)
        }
        return RenderedMarkdown(html: Cmark.renderHTML(document, options: options), headings: headings, summary: summary)
    }

    /// Plain text of the first top-level paragraph that has any.
    private static func firstParagraphText(of document: Cmark.Node) -> String {
        for child in Cmark.children(of: document) where Cmark.type(child) == CMARK_NODE_PARAGRAPH {
            let text = Cmark.plainText(of: child)
            if !text.isEmpty {
                return text
            }
        }
        return ""
    }

    /// Swaps `heading` for a custom block + custom inline that print `<hN id="…">` … `</hN>`
    /// (see the type's comment). On success the detached heading, now childless, is freed here.
    private static func replaceHeading(_ heading: Cmark.Node, level: Int, id: String) {
        guard let block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK) else { return }
        guard let wrapper = cmark_node_new(CMARK_NODE_CUSTOM_INLINE) else {
            cmark_node_free(block)
            return
        }
        guard cmark_node_append_child(block, wrapper) == 1 else {
            cmark_node_free(wrapper)
            cmark_node_free(block)
            return
        }
        // From here `block` owns `wrapper`.
        let opening = "<h\(level) id=\"\(HeadingID.escapeAttribute(id))\">"
        let closing = "</h\(level)>"
        guard cmark_node_set_on_enter(wrapper, opening) == 1,
              cmark_node_set_on_exit(wrapper, closing) == 1,
              cmark_node_replace(heading, block) == 1
        else {
            cmark_node_free(block)
            return
        }
        // The document now owns `block`; `heading` is detached and ours to free.
        defer { cmark_node_free(heading) }
        Cmark.moveChildren(of: heading, to: wrapper)
    }
}
