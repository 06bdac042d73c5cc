/// Compiled templates by name, rendered straight into bytes.
///
/// Names in tags are numbered once, when a template is compiled, from the vocabulary the caller
/// gives (`names`): an object answers `value(_ key:)` with a switch over integers, and a name
/// outside the vocabulary is known to resolve to nothing. After each registration the templates
/// are linked into one `TemplateProgram`, which rendering walks.
public struct TemplateLibrary: Sendable {
    private var templates: [String: [TemplateNode]] = [:]
    private let names: [String: Int]
    private var program = TemplateProgram([:])

    public init(names: [String: Int]) {
        self.names = names
    }

    /// Compiles and adds a template; a syntax error leaves the library unchanged.
    public mutating func register(_ text: String, named name: String) throws(TemplateSyntaxError) {
        var parser = TemplateParser(text, names: names)
        templates[name] = try parser.parse()
        program = TemplateProgram(templates)
    }

    public func contains(_ name: String) -> Bool { templates[name] != nil }

    public enum RenderError: Error, Equatable {
        case noTemplate(String)
        /// Partials or blocks nested deeper than `maximumDepth`: a partial that includes itself.
        case tooDeep(String)
    }

    /// How deep partials and blocks may nest. A theme needs a handful; a partial that includes
    /// itself would otherwise recurse until the stack overflows.
    public static let maximumDepth = 64

    /// Renders the named template with `root` as the outermost value.
    public func render(_ name: String, root: TemplateValue, into output: inout HTMLOutput) throws(RenderError) {
        guard let entry = program.entries[name] else { throw .noTemplate(name) }
        let program = self.program
        let tooDeep: String? = program.ops.withUnsafeBufferPointer { ops in
            program.texts.withUnsafeBufferPointer { texts in
                program.keys.withUnsafeBufferPointer { keys in
                    var renderer = Renderer(program: program, ops: ops, texts: texts, keys: keys, stack: [root])
                    renderer.render(Int(entry.lowerBound)..<Int(entry.upperBound), indentation: nil, overrides: [], into: &output)
                    return renderer.tooDeep.map { $0 >= 0 && $0 < program.partialNames.count ? program.partialNames[$0] : "a block" }
                }
            }
        }
        if let tooDeep { throw .tooDeep(tooDeep) }
    }
}

/// One rendering: the stack of values sections have entered, innermost last. The program's
/// arrays are read through buffer pointers that live as long as `render` runs.
private struct Renderer {
    let program: TemplateProgram
    let ops: UnsafeBufferPointer<TemplateProgram.Op>
    let texts: UnsafeBufferPointer<UInt8>
    let keys: UnsafeBufferPointer<Int32>
    var stack: [TemplateValue]
    var depth = 0
    /// The partial (its name's number) at which nesting went past the limit; rendering stops.
    var tooDeep: Int?
    /// Marks a block (not a partial) that went too deep.
    static let blockMarker = -1

    /// Renders the instructions in `range`. With an indentation (inside a standalone partial or
    /// block), each instruction whose output starts a line of this call's output is indented,
    /// as swift-mustache does.
    mutating func render(_ range: Range<Int>, indentation: [UInt8]?, overrides: [TemplateProgram.Override], into out: inout HTMLOutput) {
        let start = out.count
        let indented = indentation.map { !$0.isEmpty } ?? false
        var index = range.lowerBound
        while index < range.upperBound {
            let before = out.count
            let atLineStart = indented && before > start && out.last == UInt8(ascii: "\n")
            index = step(index, indentation: indentation, overrides: overrides, into: &out)
            if atLineStart, out.count > before, let indentation { out.insert(indentation, at: before) }
        }
    }

    /// Renders the instruction at `index` (with its body); returns the index of the next one.
    private mutating func step(_ index: Int, indentation: [UInt8]?, overrides: [TemplateProgram.Override], into out: inout HTMLOutput) -> Int {
        let op = ops[index]
        switch op.kind {
        case .text:
            out.append(UnsafeBufferPointer(rebasing: texts[Int(op.a)..<Int(op.a + op.b)]))
            return index + 1

        case .variable:
            if let value = lookup(op) { write(value, escaped: op.flag, into: &out) }
            return index + 1

        case .section:
            let body = (index + 1)..<Int(op.d)
            let value = lookup(op)
            if op.flag {
                if !Self.isTruthy(value) { render(body, indentation: indentation, overrides: overrides, into: &out) }
                return body.upperBound
            }
            switch value {
            case .none, .null?, .bool(false)?: break
            case .bool(true)?: render(body, indentation: indentation, overrides: overrides, into: &out)
            case .list(let items)?:
                for item in items {
                    stack.append(item)
                    render(body, indentation: indentation, overrides: overrides, into: &out)
                    stack.removeLast()
                }
            case let other?:
                stack.append(other)
                render(body, indentation: indentation, overrides: overrides, into: &out)
                stack.removeLast()
            }
            return body.upperBound

        case .partial:
            guard op.a >= 0, enter(Int(op.d)) else { return Int(op.e) }
            let target = program.entryList[Int(op.a)]
            // Blocks overridden further out win over the parent's own overrides: they come first.
            let merged = op.c >= 0 ? overrides + program.overrideSets[Int(op.c)] : overrides
            let inner = op.b >= 0 ? Self.combine(indentation, program.indentations[Int(op.b)]) : indentation
            render(Int(target.lowerBound)..<Int(target.upperBound), indentation: inner, overrides: merged, into: &out)
            depth -= 1
            return Int(op.e)

        case .block:
            let defaults = (index + 1)..<Int(op.b)
            guard enter(Self.blockMarker) else { return defaults.upperBound }
            let inner = Self.combine(indentation, program.indentations[Int(op.c)])
            if let override = overrides.first(where: { $0.name == op.a }) {
                render(Int(override.start)..<Int(override.end), indentation: inner, overrides: overrides, into: &out)
            } else {
                render(defaults, indentation: inner, overrides: overrides, into: &out)
            }
            depth -= 1
            return defaults.upperBound
        }
    }

    /// One level deeper into a partial or block; false (and rendering stops) past the limit.
    private mutating func enter(_ name: Int) -> Bool {
        guard tooDeep == nil else { return false }
        guard depth < TemplateLibrary.maximumDepth else {
            tooDeep = name
            return false
        }
        depth += 1
        return true
    }

    private static func combine(_ outer: [UInt8]?, _ inner: [UInt8]) -> [UInt8] {
        guard let outer, !outer.isEmpty else { return inner }
        return outer + inner
    }

    private static func isTruthy(_ value: TemplateValue?) -> Bool {
        switch value {
        case .none, .null?, .bool(false)?: false
        case .list(let items)?: !items.isEmpty
        default: true
        }
    }

    private func write(_ value: TemplateValue, escaped: Bool, into out: inout HTMLOutput) {
        switch value {
        case .text(let text):
            if escaped { out.appendEscaped(text) } else { out.append(text) }
        case .utf8(let bytes):
            if escaped { bytes.withUnsafeBufferPointer { out.appendEscaped($0) } } else { out.append(bytes) }
        case .joined(let first, let second):
            if escaped {
                out.appendEscaped(first)
                out.appendEscaped(second)
            } else {
                out.append(first)
                out.append(second)
            }
        case .int(let number): out.append(number)
        case .bool(let flag): out.append(flag ? "true" : "false")
        case .null, .list, .object: break
        }
    }

    /// Mustache's lookup: the first name from the innermost value outwards, the rest inside it.
    private func lookup(_ op: TemplateProgram.Op) -> TemplateValue? {
        let first = Int(op.a)
        let count = Int(op.b)
        switch op.c {
        case TemplateProgram.pathCurrent:
            return stack.last
        case TemplateProgram.pathAnchored:
            guard let top = stack.last else { return nil }
            return descend(top, from: first, to: first + count)
        default:
            guard count > 0 else { return nil }
            let key = Int(keys[first])
            guard key >= 0 else { return nil }
            var level = stack.count - 1
            while level >= 0 {
                if case .object(let object) = stack[level], let found = object.value(key) {
                    return count == 1 ? found : descend(found, from: first + 1, to: first + count)
                }
                level -= 1
            }
            return nil
        }
    }

    private func descend(_ value: TemplateValue, from: Int, to: Int) -> TemplateValue? {
        var current = value
        for index in from..<to {
            let key = Int(keys[index])
            guard key >= 0, case .object(let object) = current, let next = object.value(key) else { return nil }
            current = next
        }
        return current
    }
}
