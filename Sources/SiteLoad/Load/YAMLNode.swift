/// A YAML value as the loaders read it: scalars as text with their quoting style, lists,
/// mappings in file order, and where each value starts (1-based line and column, columns in
/// Unicode scalars, as Yams and libyaml count them). Built by `FlatYAML` for the plain front
/// matter people write, and from Yams' tree for everything else; the two agree exactly.
struct YAMLNode: Sendable, Equatable {
    enum Content: Sendable, Equatable {
        case scalar(Scalar)
        case sequence([YAMLNode])
        case mapping(YAMLMapping)
    }

    struct Scalar: Sendable, Equatable {
        var string: String
        var style: Style
    }

    /// How a scalar was written. Only plain scalars can be null.
    enum Style: Sendable, Equatable {
        case plain, singleQuoted, doubleQuoted, literal, folded
    }

    var content: Content
    /// 1-based; 0 when the parser gave no position.
    var line: Int
    var column: Int

    init(_ content: Content, line: Int, column: Int) {
        self.content = content
        self.line = line
        self.column = column
    }

    var scalar: Scalar? {
        if case .scalar(let scalar) = content { return scalar }
        return nil
    }

    var sequence: [YAMLNode]? {
        if case .sequence(let items) = content { return items }
        return nil
    }

    var mapping: YAMLMapping? {
        if case .mapping(let mapping) = content { return mapping }
        return nil
    }
}

/// The pairs of a YAML mapping, in file order.
struct YAMLMapping: Sendable, Equatable, RandomAccessCollection {
    struct Pair: Sendable, Equatable {
        var key: YAMLNode
        var value: YAMLNode
    }

    var pairs: [Pair] {
        didSet { keys = pairs.map(\.key.scalar?.string) }
    }
    /// The keys' texts (nil for a key that is not a scalar), for looking values up without
    /// copying nodes.
    private(set) var keys: [String?]

    init(_ pairs: [Pair]) {
        self.pairs = pairs
        keys = pairs.map(\.key.scalar?.string)
    }

    static func == (a: YAMLMapping, b: YAMLMapping) -> Bool { a.pairs == b.pairs }

    /// The value of the first key with this text.
    func value(forKey key: String) -> YAMLNode? {
        keys.firstIndex(of: key).map { pairs[$0].value }
    }

    var startIndex: Int { pairs.startIndex }
    var endIndex: Int { pairs.endIndex }
    subscript(position: Int) -> (key: YAMLNode, value: YAMLNode) {
        (pairs[position].key, pairs[position].value)
    }
}
