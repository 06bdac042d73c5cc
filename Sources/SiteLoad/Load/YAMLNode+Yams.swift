import Yams

extension YAMLNode {
    /// Yams' tree as a `YAMLNode`. Aliases are already resolved by Yams' composer (an alias
    /// node is the anchored node); one left over reads as a null.
    init(_ node: Node) {
        let mark = node.mark
        let line = mark?.line ?? 0
        let column = mark?.column ?? 0
        switch node {
        case .scalar(let scalar):
            self.init(.scalar(Scalar(string: scalar.string, style: Style(scalar.style))), line: line, column: column)
        case .sequence(let sequence):
            self.init(.sequence(sequence.map(YAMLNode.init)), line: line, column: column)
        case .mapping(let mapping):
            self.init(.mapping(YAMLMapping(mapping.map { YAMLMapping.Pair(key: YAMLNode($0.key), value: YAMLNode($0.value)) })),
                      line: line, column: column)
        case .alias:
            self.init(.scalar(Scalar(string: "", style: .plain)), line: line, column: column)
        }
    }
}

extension YAMLNode.Style {
    init(_ style: Node.Scalar.Style) {
        switch style {
        case .any, .plain: self = .plain
        case .singleQuoted: self = .singleQuoted
        case .doubleQuoted: self = .doubleQuoted
        case .literal: self = .literal
        case .folded: self = .folded
        }
    }
}
