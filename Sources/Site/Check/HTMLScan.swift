import Foundation

/// A small scanner for the attributes the link checker needs. The HTML comes from our own
/// templates and libcmark, so attribute values are always quoted.
enum HTMLScan {
    /// Values of href and src attributes, entities in them decoded.
    static func links(in html: String) -> [String] {
        attributeValues(named: ["href", "src"], in: html)
    }

    /// Every id="…" in the document.
    static func ids(in html: String) -> Set<String> {
        Set(attributeValues(named: ["id"], in: html))
    }

    static func attributeValues(named names: Set<String>, in html: String) -> [String] {
        var values: [String] = []
        let bytes = Array(html.utf8)
        var i = 0
        var inTag = false
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: "<") {
                inTag = true
            } else if b == UInt8(ascii: ">") {
                inTag = false
            } else if inTag, b == UInt8(ascii: "="), let name = attributeName(endingBefore: i, in: bytes), names.contains(name) {
                var j = i + 1
                guard j < bytes.count, bytes[j] == UInt8(ascii: "\"") || bytes[j] == UInt8(ascii: "'") else { i += 1; continue }
                let quote = bytes[j]
                j += 1
                let start = j
                while j < bytes.count, bytes[j] != quote { j += 1 }
                values.append(decodeEntities(String(decoding: bytes[start..<j], as: UTF8.self)))
                i = j
            } else if inTag, b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") {
                // Skip other quoted attribute values so "=" inside them is not misread.
                let quote = b
                i += 1
                while i < bytes.count, bytes[i] != quote { i += 1 }
            }
            i += 1
        }
        return values
    }

    private static func attributeName(endingBefore index: Int, in bytes: [UInt8]) -> String? {
        var start = index
        while start > 0 {
            let c = bytes[start - 1]
            let isNameByte = (c >= UInt8(ascii: "a") && c <= UInt8(ascii: "z")) || c == UInt8(ascii: "-")
            guard isNameByte else { break }
            start -= 1
        }
        guard start < index, start > 0, bytes[start - 1] == UInt8(ascii: " ") || bytes[start - 1] == UInt8(ascii: "\n") else { return nil }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        return text.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
