import Escaping
import Testing
@testable import Templates

/// The byte-level escaper against a Character-level reference.
@Suite struct EscapeTests {
    /// The reference: each Character that is one of the five is replaced.
    static func reference(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }

    static let inputs: [String] = [
        "", "plain", "a & b", "<script>alert('x')</script>", "\"quoted\"", "&&&&", "<>", "&<>\"'", "'''", "\"",
        "&amp;", "x<", ">x", "tab\there\nnew line\r\n", "é à ü", "日本語 <b>", "👩‍👩‍👧 & 🇫🇷", "\u{0}&\u{7F}", "€<€>€",
        String(repeating: "a", count: 1000) + "&", String(repeating: "<", count: 300), "Ω\"ω'",
    ]

    @Test(arguments: inputs)
    func appendEscapedMatchesTheReference(_ text: String) {
        var out = HTMLOutput()
        out.append("prefix|")
        out.appendEscaped(text)
        #expect(out.bytes == Array(("prefix|" + Self.reference(text)).utf8))
    }

    @Test(arguments: inputs)
    func escapeMatchesTheReference(_ text: String) {
        let escaped = HTMLEscape.escape(text)
        #expect(Array(escaped.utf8) == Array(Self.reference(text).utf8))
    }

    @Test(arguments: ["", "plain", "é à ü 日本語", "👩‍👩‍👧", "a;b#c", "tab\tnew\n"])
    func nothingToEscapeGivesTheSameString(_ text: String) {
        let escaped = HTMLEscape.escape(text)
        #expect(escaped == text)
        #expect(Array(escaped.utf8) == Array(text.utf8))
    }

    @Test func onlySpecials() {
        #expect(HTMLEscape.escape("&<>\"'") == "&amp;&lt;&gt;&quot;&#39;")
        var out = HTMLOutput()
        out.appendEscaped("")
        #expect(out.bytes.isEmpty)
        out.appendEscaped("<<")
        #expect(String(decoding: out.take(), as: UTF8.self) == "&lt;&lt;")
        #expect(out.bytes.isEmpty, "take leaves the output empty")
    }

    /// Known difference, not chased: swift-mustache escapes Characters, so a quote followed by
    /// a combining mark ("'\u{301}" is one Character) is left alone there; the byte-level
    /// escaper replaces the quote and keeps the mark. Both are safe HTML.
    @Test func combiningMarkAfterAQuote() throws {
        let text = "a'\u{301}b\"\u{308}<\u{338}"
        #expect(Array(HTMLEscape.escape(text).utf8) == Array("a&#39;\u{301}b&quot;\u{308}&lt;\u{338}".utf8))
        #expect(Array(Self.reference(text).utf8) == Array(text.utf8), "the Character-level reference sees no special character")
        let rendered = try Differential.render(Case(name: "combining", template: "{{x}}", data: ["x": .text(text)]))
        #expect(rendered.theirs == Array(text.utf8))
        #expect(rendered.ours == Array("a&#39;\u{301}b&quot;\u{308}&lt;\u{338}".utf8))
    }

    /// Every byte value, alone and between ordinary bytes, through each variant, against a
    /// byte-by-byte reference: the escaper's table of bytes to look at must miss none.
    @Test func everyByteValueInEveryVariant() {
        func reference(_ bytes: [UInt8], apostrophe: String, invalid: MarkupEscaper.Invalid) -> [UInt8] {
            var out: [UInt8] = []
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                let isNonCharacter = byte == 0xEF && index + 2 < bytes.count && bytes[index + 1] == 0xBF && bytes[index + 2] >= 0xBE
                switch byte {
                case UInt8(ascii: "&"): out += Array("&amp;".utf8)
                case UInt8(ascii: "<"): out += Array("&lt;".utf8)
                case UInt8(ascii: ">"): out += Array("&gt;".utf8)
                case UInt8(ascii: "\""): out += Array("&quot;".utf8)
                case UInt8(ascii: "'"): out += Array(apostrophe.utf8)
                case _ where invalid != .keep && ((byte < 0x20 && ![0x09, 0x0A, 0x0D].contains(byte)) || isNonCharacter):
                    if invalid == .replace { out += Array("\u{FFFD}".utf8) }
                    if isNonCharacter { index += 2 }
                default: out.append(byte)
                }
                index += 1
            }
            return out
        }
        let variants: [(MarkupEscaper, String, MarkupEscaper.Invalid)] = [
            (.html, "&#39;", .keep), (.svg, "&#39;", .replace), (.feed, "&apos;", .drop),
        ]
        for (escaper, apostrophe, invalid) in variants {
            for value in 0...255 {
                for input in [[UInt8(value)], [0x61, UInt8(value), 0x62], [UInt8(value), 0xBF, 0xBE, 0xEF, 0xBF, 0xBF, 0x7A]] {
                    var out: [UInt8] = [0x7C]
                    input.withUnsafeBufferPointer { escaper.append($0, to: &out) }
                    #expect(out == [0x7C] + reference(input, apostrophe: apostrophe, invalid: invalid), "byte \(value), \(invalid)")
                }
            }
        }
    }
}
