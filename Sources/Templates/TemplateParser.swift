/// Mustache text → nodes. Follows the Mustache spec (standalone tags take their whole line;
/// a standalone partial indents its lines) with the inheritance extension (`{{<parent}}` and
/// `{{$block}}`), and keeps the whitespace rules of swift-mustache, which the theme was first
/// written for, so pages render byte for byte as they did.
struct TemplateParser {
    private let bytes: [UInt8]
    private var position = 0
    private let names: [String: Int]

    init(_ text: String, names: [String: Int]) {
        self.bytes = Array(text.utf8)
        self.names = names
    }

    /// What one level of the template is inside of.
    private struct Level {
        var sectionName: String?
        var newLine = true
        /// Inside `{{<parent}}…{{/parent}}`: only block definitions count.
        var inParent = false
        /// Directly inside a parent (not inside one of its blocks).
        var parentTopLevel = false
        var open: [UInt8] = Array("{{".utf8)
        var close: [UInt8] = Array("}}".utf8)
        /// The indentation of a block definition's first line, removed from its other lines.
        var definitionIndent: Int?

        func section(_ name: String, newLine: Bool) -> Level {
            var level = self
            level.sectionName = name
            level.parentTopLevel = false
            if !newLine { level.newLine = false }
            return level
        }

        func parent(_ name: String) -> Level {
            var level = self
            level.sectionName = name
            level.newLine = true
            level.inParent = true
            level.parentTopLevel = true
            return level
        }
    }

    /// One parsed item: a node, or a block definition directly inside a parent.
    private enum Item {
        case node(TemplateNode)
        case definition(String, [Item])
    }

    mutating func parse() throws(TemplateSyntaxError) -> [TemplateNode] {
        try nodes(parseLevel(Level()))
    }

    private func nodes(_ items: [Item]) -> [TemplateNode] {
        items.compactMap { if case .node(let node) = $0 { node } else { nil } }
    }

    private mutating func parseLevel(_ start: Level) throws(TemplateSyntaxError) -> [Item] {
        var items: [Item] = []
        var level = start
        var whitespace: [UInt8] = []
        func flushWhitespace() {
            if !whitespace.isEmpty { items.append(.node(.text(whitespace))) }
            whitespace = []
        }
        while position < bytes.count {
            if level.newLine {
                let indent = readSpacesAndTabs()
                if level.inParent, !level.parentTopLevel {
                    if let removed = level.definitionIndent {
                        whitespace = Array(indent.dropFirst(removed))
                    } else {
                        level.definitionIndent = indent.count
                    }
                } else {
                    whitespace = indent
                }
            }
            let text = readText(until: level.open)
            if let newline = newlineLength(at: position) {
                items.append(.node(.text(whitespace + text + bytes[position..<position + newline])))
                position += newline
                level.newLine = true
                continue
            }
            if !text.isEmpty {
                items.append(.node(.text(whitespace + text)))
                whitespace = []
                level.newLine = false
            }
            guard position < bytes.count else { break }
            var standalone = false
            let sigil = bytes[position]
            switch sigil {
            case UInt8(ascii: "#"), UInt8(ascii: "^"):
                position += 1
                let name = try readName(level)
                if lineFinished(level) { standalone = true } else { flushWhitespace() }
                let inner = try parseLevel(level.section(name, newLine: standalone))
                items.append(.node(.section(try path(name), nodes(inner), inverted: sigil == UInt8(ascii: "^"))))

            case UInt8(ascii: "/"):
                position += 1
                let nameStart = position
                let name = try readName(level)
                guard name == level.sectionName else {
                    position = nameStart
                    throw error("a section is closed with a different name than it was opened with")
                }
                if !lineFinished(level) { flushWhitespace() }
                return items

            case UInt8(ascii: "!"):
                position += 1
                guard let end = find(level.close, from: position) else { throw error("a comment is not closed with \(String(decoding: level.close, as: UTF8.self))") }
                position = end + level.close.count
                standalone = lineFinished(level)

            case UInt8(ascii: "{"), UInt8(ascii: "&"):
                flushWhitespace()
                position += 1
                let name = try readName(level)
                if sigil == UInt8(ascii: "{") {
                    guard position < bytes.count, bytes[position] == UInt8(ascii: "}") else { throw error("a tag is not closed with }}") }
                    position += 1
                }
                items.append(.node(.variable(try path(name), escaped: false)))

            case UInt8(ascii: ">"):
                position += 1
                skipWhitespace()
                guard position >= bytes.count || bytes[position] != UInt8(ascii: "*") else { throw error("dynamic partials ({{>*name}}) are not supported") }
                let name = try readPartialName(level)
                let indentation = whitespace
                flushWhitespace()
                if lineFinished(level) {
                    standalone = true
                    items.append(.node(.partial(name, indentation: indentation, overrides: nil)))
                } else {
                    items.append(.node(.partial(name, indentation: nil, overrides: nil)))
                }

            case UInt8(ascii: "<"):
                position += 1
                skipWhitespace()
                let name = try readPartialName(level)
                guard !name.hasPrefix("*") else { throw error("dynamic parents ({{<*name}}) are not supported") }
                let indentation = whitespace
                flushWhitespace()
                if lineFinished(level) { standalone = true }
                var overrides: [String: [TemplateNode]] = [:]
                for item in try parseLevel(level.parent(name)) {
                    switch item {
                    case .definition(let block, let inner): overrides[block] = nodes(inner)
                    case .node(.text): break
                    case .node: throw error("only block overrides {{$name}} may stand inside a {{<parent}} section")
                    }
                }
                items.append(.node(.partial(name, indentation: indentation, overrides: overrides)))

            case UInt8(ascii: "$"):
                position += 1
                let name = try readName(level)
                if level.parentTopLevel {
                    if lineFinished(level) { standalone = true }
                    items.append(.definition(name, try parseLevel(level.section(name, newLine: standalone))))
                } else {
                    let indentation = whitespace
                    flushWhitespace()
                    if lineFinished(level) { standalone = true }
                    let inner = try parseLevel(level.section(name, newLine: standalone))
                    items.append(.node(.block(name, defaults: nodes(inner), indentation: indentation)))
                }

            case UInt8(ascii: "="):
                position += 1
                let (open, close) = try readDelimiters(level)
                level.open = open
                level.close = close
                level.parentTopLevel = false
                standalone = lineFinished(level)

            case UInt8(ascii: "%"):
                throw error("configuration tags ({{% … }}) are not supported")

            default:
                flushWhitespace()
                let name = try readName(level)
                items.append(.node(.variable(try path(name), escaped: true)))
            }
            level.newLine = standalone
        }
        guard level.sectionName == nil else { throw error("a section is opened but never closed") }
        return items
    }

    // MARK: Reading

    private func newlineLength(at index: Int) -> Int? {
        guard index < bytes.count else { return nil }
        switch bytes[index] {
        case UInt8(ascii: "\n"): return 1
        // A lone CR is text, as in the Mustache spec: only LF and CRLF end a line.
        case UInt8(ascii: "\r"): return index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "\n") ? 2 : nil
        default: return nil
        }
    }

    private mutating func readSpacesAndTabs() -> [UInt8] {
        let start = position
        while position < bytes.count, bytes[position] == UInt8(ascii: " ") || bytes[position] == UInt8(ascii: "\t") { position += 1 }
        return Array(bytes[start..<position])
    }

    private mutating func skipWhitespace() {
        while position < bytes.count, Self.isWhitespace(bytes[position]) { position += 1 }
    }

    private static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (0x09...0x0D).contains(byte)
    }

    /// Text up to a newline (left unread) or the opening delimiter (read).
    private mutating func readText(until open: [UInt8]) -> [UInt8] {
        let start = position
        var end = position
        while position < bytes.count {
            let byte = bytes[position]
            if newlineLength(at: position) != nil {
                return Array(bytes[start..<position])
            }
            if byte == open[0], matches(open, at: position) {
                end = position
                position += open.count
                return Array(bytes[start..<end])
            }
            position += 1
        }
        return Array(bytes[start..<position])
    }

    private func matches(_ delimiter: [UInt8], at index: Int) -> Bool {
        guard index + delimiter.count <= bytes.count else { return false }
        for offset in 0..<delimiter.count where bytes[index + offset] != delimiter[offset] { return false }
        return true
    }

    private func find(_ delimiter: [UInt8], from index: Int) -> Int? {
        var i = index
        while i + delimiter.count <= bytes.count {
            if matches(delimiter, at: i) { return i }
            i += 1
        }
        return nil
    }

    /// After a tag: true when only spaces and tabs follow on its line (and the tag began the
    /// line), in which case they and the newline are consumed.
    private mutating func lineFinished(_ level: Level) -> Bool {
        guard level.newLine else { return false }
        if position >= bytes.count { return true }
        var probe = position
        while probe < bytes.count, bytes[probe] == UInt8(ascii: " ") || bytes[probe] == UInt8(ascii: "\t") { probe += 1 }
        guard let newline = newlineLength(at: probe) else { return false }
        position = probe + newline
        return true
    }

    private static func isNameByte(_ byte: UInt8, partial: Bool) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "?"), UInt8(ascii: "*"),
             UInt8(ascii: "("), UInt8(ascii: ")"):
            return true
        case UInt8(ascii: "/"): return partial
        default: return false
        }
    }

    private mutating func readName(_ level: Level, partial: Bool = false) throws(TemplateSyntaxError) -> String {
        skipWhitespace()
        let start = position
        while position < bytes.count, Self.isNameByte(bytes[position], partial: partial) { position += 1 }
        let name = String(decoding: bytes[start..<position], as: UTF8.self)
        skipWhitespace()
        guard matches(level.close, at: position) else { throw error("a tag is not closed with \(String(decoding: level.close, as: UTF8.self))") }
        position += level.close.count
        if !partial, name.contains("(") || name.contains(")") {
            throw error("transforms such as \(name) are not supported; names are plain (`incident.title`)")
        }
        return name
    }

    private mutating func readPartialName(_ level: Level) throws(TemplateSyntaxError) -> String {
        try readName(level, partial: true)
    }

    private mutating func readDelimiters(_ level: Level) throws(TemplateSyntaxError) -> ([UInt8], [UInt8]) {
        let invalid = error("invalid set-delimiter tag")
        skipWhitespace()
        let openStart = position
        while position < bytes.count, !Self.isWhitespace(bytes[position]) { position += 1 }
        guard position < bytes.count else { throw invalid }
        let open = Array(bytes[openStart..<position])
        skipWhitespace()
        let closeStart = position
        while position < bytes.count, !Self.isWhitespace(bytes[position]), bytes[position] != UInt8(ascii: "=") { position += 1 }
        guard position < bytes.count else { throw invalid }
        let close = Array(bytes[closeStart..<position])
        skipWhitespace()
        guard position < bytes.count, bytes[position] == UInt8(ascii: "=") else { throw invalid }
        position += 1
        guard matches(level.close, at: position) else { throw invalid }
        position += level.close.count
        guard !open.isEmpty, !close.isEmpty else { throw invalid }
        return (open, close)
    }

    private func path(_ name: String) throws(TemplateSyntaxError) -> NamePath {
        if name == "." { return NamePath(kind: .current, keys: []) }
        let anchored = name.hasPrefix(".")
        let parts = name.split(separator: ".", omittingEmptySubsequences: true)
        guard !parts.isEmpty else { throw error("a tag has no name") }
        return NamePath(kind: anchored ? .anchored : .searched, keys: parts.map { names[String($0)] ?? -1 })
    }

    private func error(_ message: String) -> TemplateSyntaxError {
        var line = 1
        var column = 1
        for byte in bytes[..<min(position, bytes.count)] {
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return TemplateSyntaxError(message: message, line: line, column: column)
    }
}
