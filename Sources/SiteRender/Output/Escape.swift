import Escaping

/// Escaping for each output context. Templates escape HTML themselves; these cover what the
/// generator writes directly (XML feeds, sitemaps, JSON, JSON inside <script>).
package enum Escape {
    /// Atom and sitemap text: `'` as `&apos;`, characters XML 1.0 cannot carry left out.
    static func xml(_ text: String) -> String {
        MarkupEscaper.feed.escape(text)
    }

    /// A JSON string literal, quotes included. "<", ">" and "&" are escaped too, so the JSON can
    /// sit inside a <script> element without ending it.
    package static func json(_ text: String) -> String {
        var out: [UInt8] = []
        appendJSON(text, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Bytes below 64 the switch in `appendJSON` may replace, one bit each (controls, `"`, `<`,
    /// `>`, `&`); above 63 only `\\` and 0xE2 (the lead byte of U+2028 and U+2029) may. A test
    /// on a constant tells an ordinary byte (most of them) from one that needs a look.
    private static let jsonLowBytes: UInt64 = 0xFFFF_FFFF | 1 << 0x22 | 1 << 0x26 | 1 << 0x3C | 1 << 0x3E

    /// `json(text)` appended to UTF-8 bytes; runs without special characters are copied whole.
    static func appendJSON(_ text: String, to out: inout [UInt8]) {
        var text = text
        out.append(UInt8(ascii: "\""))
        let low = jsonLowBytes
        text.withUTF8 { utf8 in
            var runStart = 0
            var index = 0
            func flush() { if runStart < index { out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index])) } }
            while index < utf8.count {
                let byte = utf8[index]
                if byte < 64 ? low & (1 << UInt64(byte)) == 0 : byte != 0x5C && byte != 0xE2 {
                    index += 1
                    continue
                }
                let escape: String
                var skip = 1
                switch byte {
                case UInt8(ascii: "\""): escape = "\\\""
                case UInt8(ascii: "\\"): escape = "\\\\"
                case UInt8(ascii: "\n"): escape = "\\n"
                case UInt8(ascii: "\r"): escape = "\\r"
                case UInt8(ascii: "\t"): escape = "\\t"
                case UInt8(ascii: "<"): escape = "\\u003c"
                case UInt8(ascii: ">"): escape = "\\u003e"
                case UInt8(ascii: "&"): escape = "\\u0026"
                case 0x00...0x1F:
                    let hex = String(byte, radix: 16)
                    escape = "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                // U+2028 and U+2029 end a line in JavaScript.
                case 0xE2 where index + 2 < utf8.count && utf8[index + 1] == 0x80 && (utf8[index + 2] == 0xA8 || utf8[index + 2] == 0xA9):
                    escape = utf8[index + 2] == 0xA8 ? "\\u2028" : "\\u2029"
                    skip = 3
                default:
                    index += 1
                    continue
                }
                flush()
                out.append(contentsOf: escape.utf8)
                index += skip
                runStart = index
            }
            flush()
        }
        out.append(UInt8(ascii: "\""))
    }
}
