import SiteFiles

/// "{Country} outage": text with column names in braces, filled from a row. "{{" and "}}"
/// stand for literal braces.
struct FieldTemplate: Sendable, Hashable {
    enum Part: Sendable, Hashable {
        case literal(String)
        case column(String)
    }

    let parts: [Part]
    let source: String

    struct SyntaxError: Error {
        var message: String
    }

    init(_ text: String) throws(SyntaxError) {
        var parts: [Part] = []
        var literal = ""
        var chars = text.makeIterator()
        var lookahead: Character?
        func next() -> Character? {
            if let c = lookahead { lookahead = nil; return c }
            return chars.next()
        }
        while let c = next() {
            if c == "{" {
                if let following = next() {
                    if following == "{" { literal.append("{"); continue }
                    lookahead = following
                }
                var name = ""
                var closed = false
                while let d = next() {
                    if d == "}" { closed = true; break }
                    name.append(d)
                }
                guard closed else { throw SyntaxError(message: "a \"{\" is not closed with \"}\" in \"\(text)\" (write {{ for a brace)") }
                let column = name.trimmingWhitespace()
                guard !column.isEmpty else { throw SyntaxError(message: "empty column name {} in \"\(text)\"") }
                if !literal.isEmpty { parts.append(.literal(literal)); literal = "" }
                parts.append(.column(column))
            } else if c == "}" {
                if let following = next(), following != "}" { lookahead = following }
                literal.append("}")
            } else {
                literal.append(c)
            }
        }
        if !literal.isEmpty { parts.append(.literal(literal)) }
        self.parts = parts
        self.source = text
    }

    var columns: [String] {
        parts.compactMap { if case .column(let name) = $0 { name } else { nil } }
    }

    /// The text for one record; missing and empty cells become "". Runs of spaces left by
    /// empty cells are collapsed and the result trimmed.
    func render(_ record: TableRecord) -> String {
        var out = ""
        for part in parts {
            switch part {
            case .literal(let text): out += text
            case .column(let name): out += record.values[name]?.meaningful?.text ?? ""
            }
        }
        var collapsed = ""
        var lastWasSpace = false
        for c in out {
            if c == " " {
                if !lastWasSpace { collapsed.append(c) }
                lastWasSpace = true
            } else {
                collapsed.append(c)
                lastWasSpace = false
            }
        }
        return collapsed.trimmingWhitespace()
    }
}
