import CCmark

/// `Markdown.renderInline` and `Markdown.plainText`, on UTF-8 bytes.
///
/// The parsed document is flattened into pieces of inline content in document order; for HTML
/// they are moved under one detached CUSTOM_INLINE root (which prints nothing itself) with a
/// " " text node between pieces, and that root is rendered, so no `<p>` is ever written.
enum InlineRenderer {
    /// One piece of a flattened document.
    private enum Piece {
        /// A paragraph or heading: its inline children. Only valid while the document lives.
        case inlines(Cmark.Node)
        /// A code block's text, shown as inline code.
        case code(String)
        /// An HTML block, shown as inline HTML (libcmark omits it when safe).
        case rawHTML(String)
        /// An ordered-list item's number and delimiter, e.g. "2011.".
        case text(String)
    }

    static func renderInline(utf8 buffer: UnsafeRawBufferPointer, unsafeHTML: Bool) -> String {
        let options = Cmark.options(unsafeHTML: unsafeHTML)
        let rendered = Cmark.withDocument(utf8: buffer, options: options) { document -> String in
            guard let root = cmark_node_new(CMARK_NODE_CUSTOM_INLINE) else { return "" }
            // `root` is not in `document`: it owns the nodes moved into it and is freed here.
            defer { cmark_node_free(root) }
            var first = true
            for piece in pieces(of: document) where !isEmpty(piece) {
                if !first {
                    Cmark.appendLeaf(CMARK_NODE_TEXT, literal: " ", to: root)
                }
                first = false
                switch piece {
                case .inlines(let block):
                    Cmark.moveChildren(of: block, to: root)
                case .code(let code):
                    Cmark.appendLeaf(CMARK_NODE_CODE, literal: code, to: root)
                case .rawHTML(let html):
                    Cmark.appendLeaf(CMARK_NODE_HTML_INLINE, literal: html, to: root)
                case .text(let text):
                    Cmark.appendLeaf(CMARK_NODE_TEXT, literal: text, to: root)
                }
            }
            return Cmark.renderHTML(root, options: options)
        }
        var html = Substring(rendered ?? "")
        while html.last == "\n" || html.last == "\r\n" {
            html.removeLast()
        }
        return String(html)
    }

    static func plainText(utf8 buffer: UnsafeRawBufferPointer) -> String {
        let options = Cmark.options(unsafeHTML: false)
        let text = Cmark.withDocument(utf8: buffer, options: options) { document -> String in
            var text = PlainText()
            for piece in pieces(of: document) {
                switch piece {
                case .inlines(let block):
                    Cmark.plainText(of: block, into: &text)
                case .code(let code), .text(let code):
                    text.append(code)
                case .rawHTML:
                    continue
                }
                text.appendSpace()
            }
            return text.result
        }
        return text ?? ""
    }

    private static func isEmpty(_ piece: Piece) -> Bool {
        switch piece {
        case .inlines(let block):
            return cmark_node_first_child(block) == nil
        case .code(let string), .rawHTML(let string), .text(let string):
            return string.isEmpty
        }
    }

    /// The document's leaf blocks in order, as pieces. Reads the tree only.
    private static func pieces(of document: Cmark.Node) -> [Piece] {
        var pieces: [Piece] = []
        /// For each open list: the next item number, or nil for a bullet list.
        var listNumbers: [(next: Int, delimiter: String)?] = []
        Cmark.walk(document) { entering, node in
            let type = Cmark.type(node)
            if type == CMARK_NODE_LIST {
                if !entering {
                    _ = listNumbers.popLast()
                } else if cmark_node_get_list_type(node) == CMARK_ORDERED_LIST {
                    let delimiter = cmark_node_get_list_delim(node) == CMARK_PAREN_DELIM ? ")" : "."
                    listNumbers.append((next: Int(cmark_node_get_list_start(node)), delimiter: delimiter))
                } else {
                    listNumbers.append(nil)
                }
                return
            }
            guard entering else { return }
            if type == CMARK_NODE_ITEM {
                if let last = listNumbers.indices.last, let list = listNumbers[last] {
                    pieces.append(.text("\(list.next)\(list.delimiter)"))
                    listNumbers[last] = (next: list.next + 1, delimiter: list.delimiter)
                }
            } else if type == CMARK_NODE_PARAGRAPH || type == CMARK_NODE_HEADING {
                pieces.append(.inlines(node))
            } else if type == CMARK_NODE_CODE_BLOCK {
                pieces.append(.code(trimmingTrailingNewlines(Cmark.literal(node))))
            } else if type == CMARK_NODE_HTML_BLOCK {
                pieces.append(.rawHTML(trimmingTrailingNewlines(Cmark.literal(node))))
            }
        }
        return pieces
    }

    private static func trimmingTrailingNewlines(_ string: String) -> String {
        var trimmed = Substring(string)
        while trimmed.last == "\n" || trimmed.last == "\r\n" || trimmed.last == "\r" {
            trimmed.removeLast()
        }
        return String(trimmed)
    }
}
