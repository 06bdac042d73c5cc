import CCmark

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Thin wrappers over libcmark. Every C tree has exactly one owner: the function that parsed or
/// created it frees it with `defer` before it returns. No pointer handed to a closure here may
/// outlive that closure.
enum Cmark {
    /// A `cmark_node *` (an incomplete C type, so Swift sees an `OpaquePointer`).
    typealias Node = OpaquePointer

    static func options(unsafeHTML: Bool) -> Int32 {
        var options = CMARK_OPT_SMART | CMARK_OPT_VALIDATE_UTF8
        if unsafeHTML {
            options |= CMARK_OPT_UNSAFE
        }
        return options
    }

    /// Parses UTF-8 bytes (invalid sequences become U+FFFD, NUL bytes too), hands the document
    /// to `body` and frees it afterwards. Returns nil only if libcmark could not allocate.
    static func withDocument<Result>(utf8 buffer: UnsafeRawBufferPointer, options: Int32, _ body: (Node) -> Result) -> Result? {
        let parsed: Node?
        if let base = buffer.baseAddress, buffer.count > 0 {
            parsed = cmark_parse_document(base.assumingMemoryBound(to: CChar.self), buffer.count, options)
        } else {
            parsed = cmark_parse_document("", 0, options)
        }
        guard let document = parsed else { return nil }
        defer { cmark_node_free(document) }
        return body(document)
    }

    /// HTML of `root` and its descendants, copied into a Swift string; the C buffer is freed.
    static func renderHTML(_ root: Node, options: Int32) -> String {
        guard let rendered = cmark_render_html(root, options) else { return "" }
        defer { free(rendered) }
        return String(cString: rendered)
    }

    /// Visits `root` and its descendants depth first: `.enter` for every node, `.exit` after the
    /// children of a node that can have children. Iterative, so deep nesting cannot overflow the stack.
    /// `visit` must not change the tree; collect nodes and change it afterwards.
    static func walk(_ root: Node, _ visit: (_ entering: Bool, _ node: Node) -> Void) {
        guard let iterator = cmark_iter_new(root) else { return }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            guard event == CMARK_EVENT_ENTER || event == CMARK_EVENT_EXIT else { return }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            visit(event == CMARK_EVENT_ENTER, node)
        }
    }

    static func type(_ node: Node) -> cmark_node_type {
        cmark_node_get_type(node)
    }

    static func literal(_ node: Node) -> String {
        guard let literal = cmark_node_get_literal(node) else { return "" }
        return String(cString: literal)
    }

    static func children(of node: Node) -> [Node] {
        var result: [Node] = []
        var child = cmark_node_first_child(node)
        while let current = child {
            result.append(current)
            child = cmark_node_next(current)
        }
        return result
    }

    /// Moves every child of `source` to the end of `destination`'s children.
    static func moveChildren(of source: Node, to destination: Node) {
        while let child = cmark_node_first_child(source) {
            guard cmark_node_append_child(destination, child) == 1 else { return }
        }
    }

    /// Creates a node of `type` with `literal` (text, code, inline HTML) and appends it to `parent`.
    static func appendLeaf(_ type: cmark_node_type, literal: String, to parent: Node) {
        guard let node = cmark_node_new(type) else { return }
        guard cmark_node_set_literal(node, literal) == 1, cmark_node_append_child(parent, node) == 1 else {
            cmark_node_free(node)
            return
        }
    }

    /// Plain text of `root`'s subtree: text and code literals (image alt text included), breaks as
    /// spaces, raw HTML dropped.
    static func plainText(of root: Node, into text: inout PlainText) {
        walk(root) { entering, node in
            guard entering else { return }
            let nodeType = type(node)
            if nodeType == CMARK_NODE_TEXT || nodeType == CMARK_NODE_CODE || nodeType == CMARK_NODE_CODE_BLOCK {
                if let literal = cmark_node_get_literal(node) { text.append(cString: literal) }
            } else if nodeType == CMARK_NODE_SOFTBREAK || nodeType == CMARK_NODE_LINEBREAK {
                text.appendSpace()
            }
        }
    }

    static func plainText(of root: Node) -> String {
        var text = PlainText()
        plainText(of: root, into: &text)
        return text.result
    }
}

/// Accumulates plain text: runs of ASCII whitespace become one space, leading and trailing
/// whitespace (any Unicode whitespace) is dropped.
struct PlainText {
    /// UTF-8, valid: every piece appended is.
    private var bytes: [UInt8] = []
    private var pendingSpace = false

    mutating func appendSpace() {
        pendingSpace = true
    }

    mutating func append(_ piece: String) {
        var piece = piece
        piece.withUTF8 { append(utf8: $0) }
    }

    /// A C string from libcmark, taken as `String(cString:)` takes it (invalid UTF-8 repaired).
    mutating func append(cString: UnsafePointer<CChar>) {
        let count = strlen(cString)
        let utf8 = UnsafeBufferPointer(start: UnsafeRawPointer(cString).assumingMemoryBound(to: UInt8.self), count: count)
        if utf8.allSatisfy({ $0 < 0x80 }) {
            append(utf8: utf8)
        } else {
            append(String(cString: cString))
        }
    }

    /// The whitespace that collapses (space, tab, LF, CR, VT, FF) is ASCII, and no byte of a
    /// multi-byte sequence is below 0x80, so working on bytes collapses exactly what working on
    /// Unicode scalars does.
    private mutating func append(utf8 piece: UnsafeBufferPointer<UInt8>) {
        bytes.reserveCapacity(bytes.count + piece.count + 1)
        for b in piece {
            switch b {
            case 0x20, 0x09, 0x0A, 0x0D, 0x0B, 0x0C:
                pendingSpace = true
            default:
                if pendingSpace && !bytes.isEmpty {
                    bytes.append(0x20)
                }
                pendingSpace = false
                bytes.append(b)
            }
        }
    }

    var result: String {
        let text = String(decoding: bytes, as: UTF8.self)
        // Collapsed ASCII whitespace is never first or last; other Unicode whitespace may be.
        guard let first = bytes.first, let last = bytes.last, first >= 0x80 || last >= 0x80 else { return text }
        var scalars = Substring(text).unicodeScalars
        while let first = scalars.first, first.properties.isWhitespace {
            scalars.removeFirst()
        }
        while let last = scalars.last, last.properties.isWhitespace {
            scalars.removeLast()
        }
        return String(scalars)
    }
}
