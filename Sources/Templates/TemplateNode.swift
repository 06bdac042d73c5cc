/// A parsed template: text and tags, sections holding their own nodes, names already numbered
/// from the vocabulary. `TemplateProgram` links these trees into the flat form rendering walks.
indirect enum TemplateNode: Sendable {
    case text([UInt8])
    case variable(NamePath, escaped: Bool)
    case section(NamePath, [TemplateNode], inverted: Bool)
    /// `{{> name}}`, or `{{< name}}…{{/name}}` with block overrides. `indentation` is set for a
    /// standalone tag: the partial's lines are indented by it.
    case partial(String, indentation: [UInt8]?, overrides: [String: [TemplateNode]]?)
    /// `{{$name}}default{{/name}}` outside a parent: replaced by an override when one is given.
    case block(String, defaults: [TemplateNode], indentation: [UInt8])
}

/// `.` (the current value), `a.b.c` (looked up from the innermost object outwards), or `.a.b`
/// (anchored to the current value).
struct NamePath: Sendable {
    enum Kind: Sendable { case current, searched, anchored }
    var kind: Kind
    /// Vocabulary numbers, -1 for a name no object answers to.
    var keys: [Int]
}

/// A template error with its place (1-based), as the parser found it.
public struct TemplateSyntaxError: Error, Sendable {
    public var message: String
    public var line: Int
    public var column: Int
}
