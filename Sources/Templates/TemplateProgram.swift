/// Every template of a library flattened into one array of plain instructions, linked by
/// index: texts and name paths live in shared pools, a section's body is the run of
/// instructions after it, a partial points at its template's first instruction. Rendering walks
/// it with integer reads only, no reference counting per node.
final class TemplateProgram: Sendable {
    enum Kind: UInt8, Sendable { case text, variable, section, partial, block }

    struct Op: Sendable {
        var kind: Kind
        /// variable: escaped; section: inverted.
        var flag = false
        /// text: pool offset; variable, section: key offset; partial: target template (-1:
        /// none); block: block name.
        var a: Int32 = 0
        /// text: length; variable, section: key count; partial: indentation (-1: none);
        /// block: end of the default body.
        var b: Int32 = 0
        /// variable, section: path kind; partial: override set (-1: none); block: indentation.
        var c: Int32 = 0
        /// section: end of the body; partial: name (for errors).
        var d: Int32 = 0
        /// partial: where rendering goes on, past the override bodies that follow it.
        var e: Int32 = 0
    }

    /// A block override: its name and the run of instructions that replaces the block.
    struct Override: Sendable {
        var name: Int32
        var start: Int32
        var end: Int32
    }

    let ops: [Op]
    let texts: [UInt8]
    let keys: [Int32]
    let indentations: [[UInt8]]
    let overrideSets: [[Override]]
    let partialNames: [String]
    /// Template name → its instructions.
    let entries: [String: Range<Int32>]
    let entryList: [Range<Int32>]

    static let pathCurrent: Int32 = 0, pathSearched: Int32 = 1, pathAnchored: Int32 = 2

    init(_ templates: [String: [TemplateNode]]) {
        var linker = Linker()
        let names = templates.keys.sorted()
        var index: [String: Int32] = [:]
        for (number, name) in names.enumerated() { index[name] = Int32(number) }
        linker.templateIndex = index
        var ranges: [Range<Int32>] = []
        for name in names {
            let start = Int32(linker.ops.count)
            linker.emit(templates[name] ?? [])
            ranges.append(start..<Int32(linker.ops.count))
        }
        ops = linker.ops
        texts = linker.texts
        keys = linker.keys
        indentations = linker.indentations
        overrideSets = linker.overrideSets
        partialNames = linker.partialNames
        entryList = ranges
        entries = Dictionary(uniqueKeysWithValues: zip(names, ranges))
    }

    private struct Linker {
        var ops: [Op] = []
        var texts: [UInt8] = []
        var keys: [Int32] = []
        var indentations: [[UInt8]] = []
        var overrideSets: [[Override]] = []
        var partialNames: [String] = []
        var blockNames: [String: Int32] = [:]
        var templateIndex: [String: Int32] = [:]

        mutating func blockName(_ name: String) -> Int32 {
            if let id = blockNames[name] { return id }
            let id = Int32(blockNames.count)
            blockNames[name] = id
            return id
        }

        mutating func indentation(_ bytes: [UInt8]) -> Int32 {
            indentations.append(bytes)
            return Int32(indentations.count - 1)
        }

        mutating func path(_ path: NamePath, into op: inout Op) {
            op.a = Int32(keys.count)
            op.b = Int32(path.keys.count)
            keys += path.keys.map { Int32(clamping: $0) }
            switch path.kind {
            case .current: op.c = TemplateProgram.pathCurrent
            case .searched: op.c = TemplateProgram.pathSearched
            case .anchored: op.c = TemplateProgram.pathAnchored
            }
        }

        mutating func emit(_ nodes: [TemplateNode]) {
            for node in nodes { emit(node) }
        }

        mutating func emit(_ node: TemplateNode) {
            switch node {
            case .text(let bytes):
                ops.append(Op(kind: .text, a: Int32(texts.count), b: Int32(bytes.count)))
                texts += bytes
            case .variable(let path, let escaped):
                var op = Op(kind: .variable, flag: escaped)
                self.path(path, into: &op)
                ops.append(op)
            case .section(let path, let inner, let inverted):
                var op = Op(kind: .section, flag: inverted)
                self.path(path, into: &op)
                let at = ops.count
                ops.append(op)
                emit(inner)
                ops[at].d = Int32(ops.count)
            case .partial(let name, let indentation, let overrides):
                var op = Op(kind: .partial, a: templateIndex[name] ?? -1, b: indentation.map { self.indentation($0) } ?? -1, c: -1)
                partialNames.append(name)
                op.d = Int32(partialNames.count - 1)
                let at = ops.count
                ops.append(op)
                if let overrides {
                    // Override bodies follow the partial instruction; rendering skips over them.
                    var set: [Override] = []
                    for (block, body) in overrides.sorted(by: { $0.key < $1.key }) {
                        let start = Int32(ops.count)
                        emit(body)
                        set.append(Override(name: blockName(block), start: start, end: Int32(ops.count)))
                    }
                    overrideSets.append(set)
                    ops[at].c = Int32(overrideSets.count - 1)
                }
                ops[at].e = Int32(ops.count)
            case .block(let name, let defaults, let indentation):
                let at = ops.count
                ops.append(Op(kind: .block, a: blockName(name), c: self.indentation(indentation)))
                emit(defaults)
                ops[at].b = Int32(ops.count)
            }
        }
    }
}
