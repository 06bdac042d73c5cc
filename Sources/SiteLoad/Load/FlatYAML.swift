/// A fast reader for the flat YAML that front matter is made of: block mappings, block lists
/// (of scalars, or of mappings as `- key: value`), one-line flow lists and maps of scalars,
/// plain scalars on one line, and one-line quoted strings without escapes.
///
/// It gives the tree Yams gives (same strings, styles and positions) or says `.unsupported`,
/// and then the caller asks Yams. It never reports an error itself: anything it is not sure
/// of (tabs, anchors, tags, block scalars, escapes, multi-line scalars, a duplicate key, an
/// indentation libyaml would refuse, a character libyaml treats specially) is unsupported,
/// so every mistake is still reported by Yams, with its message and position.
enum FlatYAML {
    enum Outcome: Equatable {
        /// The root node; nil for a document of only blank lines and comments.
        case document(YAMLNode?)
        case unsupported
    }

    static func parse(_ yaml: String) -> Outcome {
        var yaml = yaml
        return yaml.withUTF8 { bytes in
            guard hasOnlyPlainCharacters(bytes), let lines = FlatYAMLLines.split(bytes) else { return .unsupported }
            var parser = FlatYAMLParser(bytes: bytes, lines: lines)
            do {
                return .document(try parser.document())
            } catch {
                return .unsupported
            }
        }
    }

    /// False when the text has a character libyaml handles in a way this reader does not:
    /// tab, CR and other C0 controls, DEL, C1 controls (NEL among them), the line and
    /// paragraph separators, a BOM, and the non-characters U+FFFE and U+FFFF.
    static func hasOnlyPlainCharacters(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        let count = bytes.count
        while i < count {
            let b = bytes[i]
            if b < 0x80 {
                if (b < 0x20 && b != 0x0A) || b == 0x7F { return false }
                i += 1
                continue
            }
            let next = i + 1 < count ? bytes[i + 1] : 0
            let third = i + 2 < count ? bytes[i + 2] : 0
            switch b {
            case 0xC2 where next < 0xA0: return false
            case 0xE2 where next == 0x80 && (third == 0xA8 || third == 0xA9): return false
            case 0xEF where (next == 0xBB && third == 0xBF) || (next == 0xBF && (third == 0xBE || third == 0xBF)): return false
            default: break
            }
            i += 1
        }
        return true
    }
}

/// Not in the subset `FlatYAML` reads: Yams takes over.
struct FlatYAMLUnsupported: Error {}

/// The lines of a YAML text that hold something (not blank, not only a comment).
struct FlatYAMLLines {
    struct Line {
        /// Byte offsets: first byte, end (before the line feed), first byte after the indentation.
        var start: Int
        var end: Int
        var content: Int
        /// 1-based.
        var number: Int
        var indent: Int { content - start }
    }

    /// Nil when a line starts a document or directive ("---", "...", "%").
    static func split(_ bytes: UnsafeBufferPointer<UInt8>) -> [Line]? {
        var lines: [Line] = []
        var start = 0
        var number = 1
        while start <= bytes.count {
            var end = start
            while end < bytes.count && bytes[end] != 0x0A { end += 1 }
            var content = start
            while content < end && bytes[content] == 0x20 { content += 1 }
            if content < end && bytes[content] != UInt8(ascii: "#") {
                if content == start && startsMarker(bytes, at: start, end: end) { return nil }
                lines.append(Line(start: start, end: end, content: content, number: number))
            }
            start = end + 1
            number += 1
        }
        return lines
    }

    private static func startsMarker(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int, end: Int) -> Bool {
        let first = bytes[start]
        if first == UInt8(ascii: "%") { return true }
        guard first == UInt8(ascii: "-") || first == UInt8(ascii: ".") else { return false }
        return end - start >= 3 && bytes[start + 1] == first && bytes[start + 2] == first
    }
}
