import SiteFiles

/// A light scan of Mustache tags, to explain template mistakes better than the parser does
/// (which section is unclosed, where it was opened) and to find partials that do not exist,
/// which Mustache would otherwise render silently as nothing.
enum TemplateScan {
    struct Tag {
        /// "#", "^", "$", "<", "/", ">", "&", "!", "{", "=" or " " for a plain variable.
        var sigil: Character
        var name: String
        /// Where the tag's "{{" is, 1-based.
        var line: Int
        var column: Int
    }

    /// Every tag in the template; nil when it changes delimiters ({{=…=}}), which this scan does
    /// not follow.
    static func tags(in text: String) -> [Tag]? {
        var tags: [Tag] = []
        let chars = Array(text)
        var i = 0
        var line = 1
        var column = 1
        func advance(_ count: Int) {
            for _ in 0..<count where i < chars.count {
                if chars[i] == "\n" { line += 1; column = 1 } else { column += 1 }
                i += 1
            }
        }
        while i < chars.count {
            guard chars[i] == "{", i + 1 < chars.count, chars[i + 1] == "{" else {
                advance(1)
                continue
            }
            let (tagLine, tagColumn) = (line, column)
            advance(2)
            var body = ""
            while i < chars.count, !(chars[i] == "}" && i + 1 < chars.count && chars[i + 1] == "}") {
                body.append(chars[i])
                advance(1)
            }
            advance(2)
            if body.hasPrefix("{") { advance(chars.count > i && chars[i] == "}" ? 1 : 0) }
            let trimmed = body.trimmingWhitespace()
            guard let first = trimmed.first else { continue }
            if first == "=" { return nil }
            let sigils: Set<Character> = ["#", "^", "$", "<", "/", ">", "&", "!", "{"]
            if sigils.contains(first) {
                tags.append(Tag(sigil: first, name: String(trimmed.dropFirst()).trimmingWhitespace().trimmingSuffix("}"), line: tagLine, column: tagColumn))
            } else {
                tags.append(Tag(sigil: " ", name: trimmed, line: tagLine, column: tagColumn))
            }
        }
        return tags
    }

    /// The first section mistake: a close without an open, a close with another name, or an
    /// open never closed. (message, line, column of the tag at fault).
    static func sectionMistake(in text: String) -> (String, Int, Int)? {
        guard let tags = tags(in: text) else { return nil }
        var open: [Tag] = []
        for tag in tags {
            switch tag.sigil {
            case "#", "^", "$", "<":
                open.append(tag)
            case "/":
                guard let last = open.popLast() else {
                    return ("\"\(tag.name)\" closes a section that was never opened", tag.line, tag.column)
                }
                if last.name != tag.name {
                    return ("section \"\(last.name)\" (opened on line \(last.line)) is closed with \"\(tag.name)\"", tag.line, tag.column)
                }
            default:
                continue
            }
        }
        if let unclosed = open.last {
            return ("section \"\(unclosed.name)\" is opened but never closed", unclosed.line, unclosed.column)
        }
        return nil
    }

    /// Partials and parents ({{> name}}, {{< name}}) the template uses; dynamic names ({{>*x}})
    /// are left out.
    static func partials(in text: String) -> [Tag] {
        (tags(in: text) ?? []).filter { ($0.sigil == ">" || $0.sigil == "<") && !$0.name.hasPrefix("*") }
    }
}

extension StringProtocol {
    func trimmingSuffix(_ suffix: String) -> String {
        hasSuffix(suffix) ? String(dropLast(suffix.count)) : String(self)
    }
}
