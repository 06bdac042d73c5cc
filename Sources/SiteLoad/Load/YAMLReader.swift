import Diagnostics
import OutageData
import SiteFiles
import Yams

/// Reads typed values out of YAML nodes and records a diagnostic, with the file, line and column
/// of the offending value, for every problem. Loaders read what they can and keep going, so one
/// run reports every mistake in a file.
struct YAMLReader {
    let file: String
    /// Added to Yams' 1-based line numbers: front matter starts on line 2 of its file.
    let lineOffset: Int
    private(set) var diagnostics: [Diagnostic] = []

    init(file: String, firstLine: Int = 1) {
        self.file = file
        self.lineOffset = firstLine - 1
    }

    // MARK: Locations and reporting

    func location(of node: YAMLNode) -> SourceLocation {
        guard node.line > 0 else { return SourceLocation(file: file, line: lineOffset + 1, column: 1) }
        return SourceLocation(file: file, line: node.line + lineOffset, column: node.column)
    }

    /// Where the document starts: used for missing keys.
    var documentStart: SourceLocation {
        SourceLocation(file: file, line: max(1, lineOffset), column: 1)
    }

    mutating func error(_ message: String, at node: YAMLNode) {
        diagnostics.append(.error(message, at: location(of: node)))
    }

    mutating func warning(_ message: String, at node: YAMLNode) {
        diagnostics.append(.warning(message, at: location(of: node)))
    }

    mutating func error(_ message: String, at location: SourceLocation) {
        diagnostics.append(.error(message, at: location))
    }

    // MARK: Documents

    /// Parses YAML text that must be a mapping (or empty). Nesting deeper than `maximumDepth`
    /// is refused before parsing: the composer recurses, and hostile input must not overflow it.
    ///
    /// The flat front matter people write (scalars, quoted strings, lists, one-level maps) is
    /// read by `FlatYAML`, which gives the tree Yams would give in a fraction of the time;
    /// anything else, and every mistake, goes to Yams, whose messages are reported.
    mutating func parseMapping(_ yaml: String) -> YAMLMapping? {
        if let (line, column) = Self.excessiveNesting(in: yaml) {
            error("YAML is nested more than \(Self.maximumDepth) levels deep",
                  at: SourceLocation(file: file, line: line + lineOffset, column: column))
            return nil
        }
        let root: YAMLNode?
        switch FlatYAML.parse(yaml) {
        case .document(let node):
            root = node
        case .unsupported:
            guard let node = composeWithYams(yaml) else { return nil }
            root = node
        }
        guard let root else { return YAMLMapping([]) }
        if isNull(root) { return YAMLMapping([]) }
        guard let mapping = root.mapping else {
            self.error("front matter must be a mapping of keys to values", at: root)
            return nil
        }
        return mapping
    }

    /// Yams' tree for `yaml` (`.some(nil)` for an empty document), or nil after reporting why
    /// it cannot be read.
    mutating func composeWithYams(_ yaml: String) -> YAMLNode?? {
        do {
            // The encoding is given so that Yams does not read the environment on every call.
            return try Yams.compose(yaml: yaml, .default, .default, .utf8).map(YAMLNode.init)
        } catch let yamlError as YamlError {
            report(yamlError, in: yaml)
            return nil
        } catch {
            self.error("cannot parse YAML: \(error)", at: documentStart)
            return nil
        }
    }

    private mutating func report(_ yamlError: YamlError, in yaml: String) {
        switch yamlError {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _), let .composer(context, problem, mark, _):
            // libyaml's context says where the construct that failed began, which is often
            // where the real mistake is (an unclosed bracket or quote).
            let started = context.map { " (\($0.text) that starts at line \($0.mark.line + lineOffset), column \($0.mark.column))" } ?? ""
            error("invalid YAML: \(problem)\(started)",
                  at: SourceLocation(file: file, line: mark.line + lineOffset, column: mark.column))
        case let .duplicatedKeysInMapping(duplicates, context):
            for key in duplicates {
                let lines = Self.lines(definingKey: key, in: yaml)
                if lines.count >= 2 {
                    error("duplicate key \"\(key)\" (first given on line \(lines[0].line + lineOffset))",
                          at: SourceLocation(file: file, line: lines[1].line + lineOffset, column: lines[1].column))
                } else {
                    error("duplicate key \"\(key)\"",
                          at: SourceLocation(file: file, line: context.mark.line + lineOffset, column: context.mark.column))
                }
            }
        default:
            error("invalid YAML: \(yamlError)", at: documentStart)
        }
    }

    /// Lines (1-based, with the key's column) that start with `key:` — for pointing at the
    /// second of two duplicate keys, which Yams does not locate.
    static func lines(definingKey key: String, in yaml: String) -> [(line: Int, column: Int)] {
        var found: [(Int, Int)] = []
        for (index, line) in yaml.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let indent = line.prefix { $0 == " " }.count
            let rest = line.dropFirst(indent)
            for form in [key, "\"\(key)\"", "'\(key)'"] where rest.hasPrefix(form) {
                if rest.dropFirst(form.count).drop(while: { $0 == " " }).first == ":" { found.append((index + 1, indent + 1)) }
            }
        }
        return found
    }

    static let maximumDepth = 64

    /// The position where flow brackets or indentation first exceed `maximumDepth`, if they do.
    /// Quoted strings and comments are skipped; a quote only opens a string where a YAML
    /// scalar can start (so the apostrophe in "North Korea's" is plain text).
    static func excessiveNesting(in yaml: String) -> (Int, Int)? {
        guard mayNestTooDeeply(yaml) else { return nil }
        var depth = 0
        var line = 1
        var column = 0
        var indent = 0
        var atLineStart = true
        var quote: Character?
        var escaped = false
        var inComment = false
        var previous: Character = "\n"
        let scalarStarts: Set<Character> = [" ", "\t", "\n", "[", "{", ",", ":", "-", "?"]
        for c in yaml {
            column += 1
            if c == "\n" {
                line += 1
                column = 0
                indent = 0
                atLineStart = true
                inComment = false
                previous = c
                continue
            }
            if atLineStart {
                if c == " " {
                    indent += 1
                    if indent > maximumDepth * 8 { return (line, column) }
                    previous = c
                    continue
                }
                atLineStart = false
            }
            if inComment { continue }
            if let q = quote {
                if q == "\"" {
                    if escaped { escaped = false } else if c == "\\" { escaped = true } else if c == "\"" { quote = nil }
                } else if c == "'" {
                    quote = nil
                }
                previous = c
                continue
            }
            switch c {
            case "#" where previous == " " || previous == "\t" || previous == "\n":
                inComment = true
            case "\"" where scalarStarts.contains(previous):
                quote = c
            case "'" where scalarStarts.contains(previous) || previous == "'":
                // A doubled '' inside a single-quoted string reopens it.
                quote = c
            case "[", "{":
                depth += 1
                if depth > maximumDepth { return (line, column) }
            case "]", "}":
                depth = max(0, depth - 1)
            default:
                break
            }
            previous = c
        }
        return nil
    }

    /// A bound checked on the bytes: with at most `maximumDepth` opening brackets in all and no
    /// run of more than `maximumDepth * 8` spaces, no position can be too deep, so the exact
    /// (Character by Character) scan is skipped.
    static func mayNestTooDeeply(_ yaml: String) -> Bool {
        var brackets = 0
        var spaces = 0
        for b in yaml.utf8 {
            if b == 0x20 {
                spaces += 1
                if spaces > maximumDepth * 8 { return true }
                continue
            }
            spaces = 0
            if b == UInt8(ascii: "[") || b == UInt8(ascii: "{") {
                brackets += 1
                if brackets > maximumDepth { return true }
            }
        }
        return false
    }

    // MARK: Keys

    /// Warns about keys that are not in `known`, suggesting the nearest known one.
    mutating func checkKeys(_ mapping: YAMLMapping, known: [String]) {
        // A set only for long mappings: front matter has a dozen keys.
        let useSet = mapping.keys.count > 32
        var seen: Set<String> = []
        for (index, name) in mapping.keys.enumerated() {
            let key = mapping.pairs[index].key
            guard let name else {
                error("keys must be plain strings", at: key)
                continue
            }
            let repeated = useSet ? !seen.insert(name).inserted : mapping.keys[..<index].contains(name)
            if repeated {
                error("duplicate key \"\(name)\"", at: key)
            }
            if !known.contains(name) {
                if let suggestion = nearestName(to: name, in: known) {
                    warning("unknown key \"\(name)\" (did you mean \"\(suggestion)\"?)", at: key)
                } else {
                    warning("unknown key \"\(name)\"", at: key)
                }
            }
        }
    }

    /// The value for `key`, or nil when absent or explicitly null.
    func value(_ key: String, in mapping: YAMLMapping) -> YAMLNode? {
        guard let value = mapping.value(forKey: key) else { return nil }
        return isNull(value) ? nil : value
    }

    func isNull(_ node: YAMLNode) -> Bool {
        guard let scalar = node.scalar, scalar.style == .plain else { return false }
        return scalar.string.isEmpty || scalar.string == "~" || scalar.string == "null" || scalar.string == "Null" || scalar.string == "NULL"
    }

    // MARK: Typed values

    /// A scalar as text. Lists and mappings are a type error.
    mutating func scalarText(_ node: YAMLNode, key: String, expected: String) -> String? {
        guard let scalar = node.scalar else {
            error("\"\(key)\" must be \(expected)", at: node)
            return nil
        }
        // YAML escapes ("\0", "\e", "\x1b") can spell control characters: they go no further.
        return ControlCharacters.removed(from: scalar.string)
    }

    mutating func string(_ key: String, in mapping: YAMLMapping, required: Bool = false, nonEmpty: Bool = false) -> String? {
        guard let node = value(key, in: mapping) else {
            if required { error("missing required key \"\(key)\"", at: documentStart) }
            return nil
        }
        guard let text = scalarText(node, key: key, expected: "a string") else { return nil }
        if nonEmpty && text.allSatisfy(\.isWhitespace) {
            error("\"\(key)\" must not be empty", at: node)
            return nil
        }
        return text
    }

    mutating func bool(_ key: String, in mapping: YAMLMapping) -> Bool? {
        guard let node = value(key, in: mapping) else { return nil }
        guard let text = scalarText(node, key: key, expected: "true or false") else { return nil }
        switch text {
        case "true", "True", "TRUE", "yes", "Yes", "YES", "on", "On": return true
        case "false", "False", "FALSE", "no", "No", "NO", "off", "Off": return false
        default:
            error("\"\(key)\" must be true or false: \"\(text)\"", at: node)
            return nil
        }
    }

    mutating func int(_ key: String, in mapping: YAMLMapping, range: ClosedRange<Int>) -> Int? {
        guard let node = value(key, in: mapping) else { return nil }
        guard let text = scalarText(node, key: key, expected: "a whole number") else { return nil }
        guard let number = Int(text) else {
            error("\"\(key)\" must be a whole number: \"\(text)\"", at: node)
            return nil
        }
        guard range.contains(number) else {
            error("\"\(key)\" must be between \(range.lowerBound) and \(range.upperBound): \(number)", at: node)
            return nil
        }
        return number
    }

    /// A list's items; a single scalar is accepted as a one-item list (as Hugo does for tags).
    mutating func list(_ key: String, in mapping: YAMLMapping) -> [YAMLNode] {
        guard let node = value(key, in: mapping) else { return [] }
        if let sequence = node.sequence { return Array(sequence) }
        if node.scalar != nil { return [node] }
        error("\"\(key)\" must be a list", at: node)
        return []
    }

    /// A list of non-empty strings.
    mutating func strings(_ key: String, in mapping: YAMLMapping) -> [String] {
        list(key, in: mapping).compactMap { item in
            guard let text = scalarText(item, key: key, expected: "a list of strings") else { return nil }
            if text.allSatisfy(\.isWhitespace) {
                error("\"\(key)\" has an empty item", at: item)
                return nil
            }
            return text
        }
    }

    /// A mapping nested in a list (sources, timeline entries, networks).
    mutating func mapping(_ node: YAMLNode, key: String, known: [String]) -> YAMLMapping? {
        guard let mapping = node.mapping else {
            error("each item of \"\(key)\" must be a mapping with keys \(known.joined(separator: ", "))", at: node)
            return nil
        }
        checkKeys(mapping, known: known)
        return mapping
    }

    /// Applies a value parser, reporting its error as `"key" <message>` at the value.
    mutating func parse<T>(_ node: YAMLNode, key: String, _ parser: (String) throws(ValueError) -> T) -> T? {
        guard let text = scalarText(node, key: key, expected: "a single value") else { return nil }
        do {
            return try parser(text)
        } catch {
            self.error("\"\(key)\" \(error.message)", at: node)
            return nil
        }
    }
}
