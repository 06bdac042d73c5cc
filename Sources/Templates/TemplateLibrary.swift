/// Compiled templates by name, rendered straight into bytes.
///
/// Names in tags are numbered once, when a template is compiled, from the vocabulary the caller
/// gives (`names`): an object answers `value(_ key:)` with a switch over integers, and a name
/// outside the vocabulary is known to resolve to nothing.
public struct TemplateLibrary: Sendable {
    private var templates: [String: [TemplateNode]] = [:]
    private let names: [String: Int]

    public init(names: [String: Int]) {
        self.names = names
    }

    /// Compiles and adds a template; a syntax error leaves the library unchanged.
    public mutating func register(_ text: String, named name: String) throws(TemplateSyntaxError) {
        var parser = TemplateParser(text, names: names)
        templates[name] = try parser.parse()
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
        guard let nodes = templates[name] else { throw .noTemplate(name) }
        var renderer = Renderer(library: self, stack: [root])
        renderer.render(nodes, indentation: nil, overrides: [:], into: &output)
        if let partial = renderer.tooDeep { throw .tooDeep(partial) }
    }

    fileprivate func template(_ name: String) -> [TemplateNode]? { templates[name] }
}

/// One rendering: the stack of values sections have entered, innermost last.
private struct Renderer {
    let library: TemplateLibrary
    var stack: [TemplateValue]
    var depth = 0
    /// The partial or block at which nesting went past the limit; rendering stops there.
    var tooDeep: String?

    /// Renders `nodes`. With an indentation (inside a standalone partial or block), each node
    /// whose output starts a line of this call's output is indented, as swift-mustache does.
    mutating func render(_ nodes: [TemplateNode], indentation: [UInt8]?, overrides: [String: [TemplateNode]], into out: inout HTMLOutput) {
        guard let indentation, !indentation.isEmpty else {
            for node in nodes { render(node, indentation: indentation, overrides: overrides, into: &out) }
            return
        }
        let start = out.count
        for node in nodes {
            let before = out.count
            let atLineStart = before > start && out.last == UInt8(ascii: "\n")
            render(node, indentation: indentation, overrides: overrides, into: &out)
            if atLineStart, out.count > before { out.insert(indentation, at: before) }
        }
    }

    private mutating func render(_ node: TemplateNode, indentation: [UInt8]?, overrides: [String: [TemplateNode]], into out: inout HTMLOutput) {
        switch node {
        case .text(let bytes):
            out.append(bytes)

        case .variable(let path, let escaped):
            guard let value = lookup(path) else { return }
            write(value, escaped: escaped, into: &out)

        case .section(let path, let inner, let inverted):
            let value = lookup(path)
            if inverted {
                if !Self.isTruthy(value) { render(inner, indentation: indentation, overrides: overrides, into: &out) }
                return
            }
            switch value {
            case .none, .null?, .bool(false)?: return
            case .bool(true)?: render(inner, indentation: indentation, overrides: overrides, into: &out)
            case .list(let items)?:
                for item in items {
                    stack.append(item)
                    render(inner, indentation: indentation, overrides: overrides, into: &out)
                    stack.removeLast()
                }
            case let other?:
                stack.append(other)
                render(inner, indentation: indentation, overrides: overrides, into: &out)
                stack.removeLast()
            }

        case .partial(let name, let indented, let given):
            guard let nodes = library.template(name), enter(name) else { return }
            var merged = overrides
            // Blocks overridden further out win over the parent's own overrides.
            if let given { merged.merge(given) { outer, _ in outer } }
            render(nodes, indentation: Self.combine(indentation, indented), overrides: merged, into: &out)
            depth -= 1

        case .block(let name, let defaults, let indented):
            guard enter(name) else { return }
            render(overrides[name] ?? defaults, indentation: Self.combine(indentation, indented), overrides: overrides, into: &out)
            depth -= 1
        }
    }

    /// One level deeper into a partial or block; false (and rendering stops) past the limit.
    private mutating func enter(_ name: String) -> Bool {
        guard tooDeep == nil else { return false }
        guard depth < TemplateLibrary.maximumDepth else {
            tooDeep = name
            return false
        }
        depth += 1
        return true
    }

    private static func combine(_ outer: [UInt8]?, _ inner: [UInt8]?) -> [UInt8]? {
        guard let inner else { return outer }
        return (outer ?? []) + inner
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
    private func lookup(_ path: NamePath) -> TemplateValue? {
        guard let top = stack.last else { return nil }
        switch path.kind {
        case .current:
            return top
        case .anchored:
            return descend(top, path.keys[...])
        case .searched:
            guard let first = path.keys.first, first >= 0 else { return nil }
            for value in stack.reversed() {
                guard case .object(let object) = value, let found = object.value(first) else { continue }
                return descend(found, path.keys.dropFirst())
            }
            return nil
        }
    }

    private func descend(_ value: TemplateValue, _ keys: ArraySlice<Int>) -> TemplateValue? {
        var current = value
        for key in keys {
            guard key >= 0, case .object(let object) = current, let next = object.value(key) else { return nil }
            current = next
        }
        return current
    }
}
