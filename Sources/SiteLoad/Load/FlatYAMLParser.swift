/// The recursive reader behind `FlatYAML`, over the significant lines of the text. Positions
/// follow libyaml: a block mapping starts at its first key, a block list at its first "-", a
/// flow collection at its bracket, a quoted scalar at its quote, and an empty value just
/// after its key's colon.
struct FlatYAMLParser {
    typealias Line = FlatYAMLLines.Line

    let bytes: UnsafeBufferPointer<UInt8>
    let lines: [Line]
    /// The first line not read yet.
    private var current = 0

    private static let space = UInt8(ascii: " ")
    private static let colon = UInt8(ascii: ":")
    private static let hash = UInt8(ascii: "#")
    private static let dash = UInt8(ascii: "-")
    private static let comma = UInt8(ascii: ",")
    private static let doubleQuote = UInt8(ascii: "\"")
    private static let singleQuote = UInt8(ascii: "'")
    /// Keys longer than this are left to Yams (libyaml limits simple keys to 1024 characters).
    private static let longestKey = 1000

    init(bytes: UnsafeBufferPointer<UInt8>, lines: [Line]) {
        self.bytes = bytes
        self.lines = lines
    }

    mutating func document() throws(FlatYAMLUnsupported) -> YAMLNode? {
        guard let first = lines.first else { return nil }
        guard !isListEntry(first) else { throw FlatYAMLUnsupported() }
        let root = try blockMapping(indent: first.indent, keyAt: first.content)
        guard current == lines.count else { throw FlatYAMLUnsupported() }
        return root
    }

    // MARK: Block collections

    /// A mapping whose keys are at `indent`, the first at byte `keyAt` of the current line.
    private mutating func blockMapping(indent: Int, keyAt first: Int) throws(FlatYAMLUnsupported) -> YAMLNode {
        let start = position(current, first)
        var pairs: [YAMLMapping.Pair] = []
        var keyAt = first
        while true {
            let index = current
            let line = lines[index]
            let (key, afterColon) = try mappingKey(line, index, at: keyAt)
            let rest = skipSpaces(line, from: afterColon)
            current = index + 1
            let value: YAMLNode
            if rest == line.end || bytes[rest] == Self.hash {
                if current < lines.count, lines[current].indent > indent {
                    value = try nestedBlock()
                } else if current < lines.count, lines[current].indent == indent, isListEntry(lines[current]) {
                    value = try blockList(indent: indent)
                } else {
                    let (lineNumber, column) = position(index, afterColon)
                    value = YAMLNode(.scalar(.init(string: "", style: .plain)), line: lineNumber, column: column)
                }
            } else {
                value = try inlineValue(line, index, at: rest)
                if current < lines.count, lines[current].indent > indent { throw FlatYAMLUnsupported() }
            }
            pairs.append(YAMLMapping.Pair(key: key, value: value))
            guard current < lines.count, lines[current].indent >= indent else { break }
            let next = lines[current]
            if next.indent > indent || isListEntry(next) { throw FlatYAMLUnsupported() }
            keyAt = next.content
        }
        try checkDistinct(pairs)
        return YAMLNode(.mapping(YAMLMapping(pairs)), line: start.line, column: start.column)
    }

    /// The value of a key with nothing after its colon, on the more indented lines below.
    private mutating func nestedBlock() throws(FlatYAMLUnsupported) -> YAMLNode {
        let line = lines[current]
        if isListEntry(line) { return try blockList(indent: line.indent) }
        return try blockMapping(indent: line.indent, keyAt: line.content)
    }

    /// Entries "- …" at `indent`, starting at the current line.
    private mutating func blockList(indent: Int) throws(FlatYAMLUnsupported) -> YAMLNode {
        let start = position(current, lines[current].content)
        var items: [YAMLNode] = []
        while current < lines.count, lines[current].indent == indent, isListEntry(lines[current]) {
            let index = current
            let line = lines[index]
            let afterDash = line.content + 1
            guard afterDash < line.end else { throw FlatYAMLUnsupported() }
            let item = skipSpaces(line, from: afterDash)
            guard item < line.end, bytes[item] != Self.hash, !startsListEntry(line, at: item) else { throw FlatYAMLUnsupported() }
            if startsMappingKey(line, at: item) {
                items.append(try blockMapping(indent: item - line.start, keyAt: item))
            } else {
                current = index + 1
                items.append(try inlineValue(line, index, at: item))
                if current < lines.count, lines[current].indent > indent { throw FlatYAMLUnsupported() }
            }
        }
        if current < lines.count, lines[current].indent > indent { throw FlatYAMLUnsupported() }
        return YAMLNode(.sequence(items), line: start.line, column: start.column)
    }

    // MARK: Keys and values on one line

    /// A key at `at` and the offset just after its colon (which is followed by a space or the
    /// end of the line).
    private func mappingKey(_ line: Line, _ index: Int, at: Int) throws(FlatYAMLUnsupported) -> (YAMLNode, Int) {
        let (lineNumber, column) = position(index, at)
        let first = bytes[at]
        let text: String
        let style: YAMLNode.Style
        let colonAt: Int
        if first == Self.doubleQuote || first == Self.singleQuote {
            let (string, end) = try quoted(line, at: at)
            text = string
            style = first == Self.doubleQuote ? .doubleQuoted : .singleQuoted
            colonAt = end
        } else {
            guard !Self.isIndicator(first) else { throw FlatYAMLUnsupported() }
            var i = at
            while i < line.end {
                let b = bytes[i]
                if b == Self.colon && (i + 1 == line.end || bytes[i + 1] == Self.space) { break }
                if b == Self.hash && bytes[i - 1] == Self.space { throw FlatYAMLUnsupported() }
                i += 1
            }
            guard i < line.end, bytes[i - 1] != Self.space else { throw FlatYAMLUnsupported() }
            text = string(at, i)
            style = .plain
            colonAt = i
        }
        guard colonAt - at <= Self.longestKey, colonAt < line.end, bytes[colonAt] == Self.colon,
              colonAt + 1 == line.end || bytes[colonAt + 1] == Self.space else { throw FlatYAMLUnsupported() }
        return (YAMLNode(.scalar(.init(string: text, style: style)), line: lineNumber, column: column), colonAt + 1)
    }

    /// A scalar or a flow collection that takes the rest of the line (a comment may follow).
    private func inlineValue(_ line: Line, _ index: Int, at: Int) throws(FlatYAMLUnsupported) -> YAMLNode {
        let (lineNumber, column) = position(index, at)
        let first = bytes[at]
        let content: YAMLNode.Content
        let end: Int
        switch first {
        case UInt8(ascii: "["):
            (content, end) = try flowList(line, index, at: at)
        case UInt8(ascii: "{"):
            (content, end) = try flowMapping(line, index, at: at)
        case Self.doubleQuote, Self.singleQuote:
            let (text, after) = try quoted(line, at: at)
            content = .scalar(.init(string: text, style: first == Self.doubleQuote ? .doubleQuoted : .singleQuoted))
            end = after
        default:
            guard !Self.isIndicator(first) else { throw FlatYAMLUnsupported() }
            var i = at
            var last = at
            while i < line.end {
                let b = bytes[i]
                if b == Self.colon && (i + 1 == line.end || bytes[i + 1] == Self.space) { throw FlatYAMLUnsupported() }
                if b == Self.hash && bytes[i - 1] == Self.space { break }
                if b != Self.space { last = i + 1 }
                i += 1
            }
            return YAMLNode(.scalar(.init(string: string(at, last), style: .plain)), line: lineNumber, column: column)
        }
        try expectLineEnd(line, from: end)
        return YAMLNode(content, line: lineNumber, column: column)
    }

    /// `[a, "b", 'c']` on one line; the offset after "]".
    private func flowList(_ line: Line, _ index: Int, at: Int) throws(FlatYAMLUnsupported) -> (YAMLNode.Content, Int) {
        var items: [YAMLNode] = []
        var i = skipSpaces(line, from: at + 1)
        if i < line.end && bytes[i] == UInt8(ascii: "]") { return (.sequence([]), i + 1) }
        while true {
            let (item, after) = try flowScalar(line, index, at: i)
            items.append(item)
            i = skipSpaces(line, from: after)
            guard i < line.end else { throw FlatYAMLUnsupported() }
            if bytes[i] == UInt8(ascii: "]") { return (.sequence(items), i + 1) }
            guard bytes[i] == Self.comma else { throw FlatYAMLUnsupported() }
            i = skipSpaces(line, from: i + 1)
        }
    }

    /// `{key: value, "key": 'value'}` on one line; the offset after "}".
    private func flowMapping(_ line: Line, _ index: Int, at: Int) throws(FlatYAMLUnsupported) -> (YAMLNode.Content, Int) {
        var pairs: [YAMLMapping.Pair] = []
        var i = skipSpaces(line, from: at + 1)
        if i < line.end && bytes[i] == UInt8(ascii: "}") { return (.mapping(YAMLMapping([])), i + 1) }
        while true {
            let (key, afterKey) = try flowScalar(line, index, at: i)
            guard afterKey + 1 < line.end, bytes[afterKey] == Self.colon, bytes[afterKey + 1] == Self.space else { throw FlatYAMLUnsupported() }
            let (value, afterValue) = try flowScalar(line, index, at: skipSpaces(line, from: afterKey + 1))
            pairs.append(YAMLMapping.Pair(key: key, value: value))
            i = skipSpaces(line, from: afterValue)
            guard i < line.end else { throw FlatYAMLUnsupported() }
            if bytes[i] == UInt8(ascii: "}") {
                try checkDistinct(pairs)
                return (.mapping(YAMLMapping(pairs)), i + 1)
            }
            guard bytes[i] == Self.comma else { throw FlatYAMLUnsupported() }
            i = skipSpaces(line, from: i + 1)
        }
    }

    /// A scalar inside a flow collection: quoted, or plain without any character that means
    /// something there (`,:[]{}#` and quotes). The offset after it (before trailing spaces).
    private func flowScalar(_ line: Line, _ index: Int, at: Int) throws(FlatYAMLUnsupported) -> (YAMLNode, Int) {
        guard at < line.end else { throw FlatYAMLUnsupported() }
        let (lineNumber, column) = position(index, at)
        let first = bytes[at]
        if first == Self.doubleQuote || first == Self.singleQuote {
            let (text, after) = try quoted(line, at: at)
            let style: YAMLNode.Style = first == Self.doubleQuote ? .doubleQuoted : .singleQuoted
            return (YAMLNode(.scalar(.init(string: text, style: style)), line: lineNumber, column: column), after)
        }
        guard !Self.isIndicator(first) else { throw FlatYAMLUnsupported() }
        var i = at
        var last = at
        scan: while i < line.end {
            switch bytes[i] {
            case Self.comma, UInt8(ascii: "]"), UInt8(ascii: "}"), Self.colon: break scan
            case UInt8(ascii: "["), UInt8(ascii: "{"), Self.hash, Self.doubleQuote, Self.singleQuote: throw FlatYAMLUnsupported()
            case Self.space: i += 1
            default:
                i += 1
                last = i
            }
        }
        guard last > at else { throw FlatYAMLUnsupported() }
        return (YAMLNode(.scalar(.init(string: string(at, last), style: .plain)), line: lineNumber, column: column), last)
    }

    /// A quoted scalar closed on its line; the offset after the closing quote. Escapes in
    /// double quotes are left to Yams.
    private func quoted(_ line: Line, at: Int) throws(FlatYAMLUnsupported) -> (String, Int) {
        let quote = bytes[at]
        var i = at + 1
        if quote == Self.doubleQuote {
            while i < line.end {
                let b = bytes[i]
                if b == Self.doubleQuote { return (string(at + 1, i), i + 1) }
                if b == UInt8(ascii: "\\") { throw FlatYAMLUnsupported() }
                i += 1
            }
            throw FlatYAMLUnsupported()
        }
        var pieces: [UInt8] = []
        var runStart = i
        while i < line.end {
            if bytes[i] == Self.singleQuote {
                if i + 1 < line.end && bytes[i + 1] == Self.singleQuote {
                    pieces.append(contentsOf: bytes[runStart...i])
                    i += 2
                    runStart = i
                    continue
                }
                if pieces.isEmpty { return (string(at + 1, i), i + 1) }
                pieces.append(contentsOf: bytes[runStart..<i])
                return (String(decoding: pieces, as: UTF8.self), i + 1)
            }
            i += 1
        }
        throw FlatYAMLUnsupported()
    }

    // MARK: Small helpers

    /// Only spaces, or spaces and a comment, from `from` to the end of the line.
    private func expectLineEnd(_ line: Line, from: Int) throws(FlatYAMLUnsupported) {
        let i = skipSpaces(line, from: from)
        guard i == line.end || (bytes[i] == Self.hash && i > from) else { throw FlatYAMLUnsupported() }
    }

    private func isListEntry(_ line: Line) -> Bool {
        startsListEntry(line, at: line.content)
    }

    private func startsListEntry(_ line: Line, at: Int) -> Bool {
        bytes[at] == Self.dash && (at + 1 == line.end || bytes[at + 1] == Self.space)
    }

    /// Whether a list entry's content at `at` is `key: …` rather than a scalar.
    private func startsMappingKey(_ line: Line, at: Int) -> Bool {
        let first = bytes[at]
        var i = at
        if first == Self.doubleQuote || first == Self.singleQuote {
            guard let (_, after) = try? quoted(line, at: at) else { return false }
            return after < line.end && bytes[after] == Self.colon
        }
        if first == UInt8(ascii: "[") || first == UInt8(ascii: "{") { return false }
        while i < line.end {
            let b = bytes[i]
            if b == Self.colon && (i + 1 == line.end || bytes[i + 1] == Self.space) { return true }
            if b == Self.hash && i > at && bytes[i - 1] == Self.space { return false }
            i += 1
        }
        return false
    }

    private func skipSpaces(_ line: Line, from: Int) -> Int {
        var i = from
        while i < line.end && bytes[i] == Self.space { i += 1 }
        return i
    }

    /// Characters that cannot start a plain scalar here (or that this reader leaves to Yams:
    /// "-" and "?" start a plain scalar when a non-space follows, but rarely do in front matter).
    private static func isIndicator(_ b: UInt8) -> Bool {
        switch b {
        case UInt8(ascii: "-"), UInt8(ascii: "?"), UInt8(ascii: ":"), UInt8(ascii: ","), UInt8(ascii: "["), UInt8(ascii: "]"),
             UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "#"), UInt8(ascii: "&"), UInt8(ascii: "*"), UInt8(ascii: "!"),
             UInt8(ascii: "|"), UInt8(ascii: ">"), UInt8(ascii: "'"), UInt8(ascii: "\""), UInt8(ascii: "%"), UInt8(ascii: "@"),
             UInt8(ascii: "`"):
            return true
        default:
            return false
        }
    }

    /// Two keys with one text: Yams reports it (or, for `1` and `"1"`, tells them apart).
    private func checkDistinct(_ pairs: [YAMLMapping.Pair]) throws(FlatYAMLUnsupported) {
        guard pairs.count > 1 else { return }
        if pairs.count <= 16 {
            for i in 1..<pairs.count {
                let key = pairs[i].key.scalar?.string
                for j in 0..<i where pairs[j].key.scalar?.string == key { throw FlatYAMLUnsupported() }
            }
        } else {
            var seen: Set<String> = []
            for pair in pairs where !seen.insert(pair.key.scalar?.string ?? "").inserted { throw FlatYAMLUnsupported() }
        }
    }

    private func string(_ from: Int, _ to: Int) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[from..<to]), as: UTF8.self)
    }

    /// 1-based line and column of byte `offset` of line `index`, the column in Unicode scalars.
    private func position(_ index: Int, _ offset: Int) -> (line: Int, column: Int) {
        let line = lines[index]
        var column = 1
        for i in line.start..<offset where bytes[i] & 0xC0 != 0x80 { column += 1 }
        return (line.number, column)
    }
}
