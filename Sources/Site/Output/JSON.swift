/// A JSON value written with keys in the order given, so output is deterministic and reads in a
/// sensible order (id before title before dates), which JSONEncoder cannot promise.
indirect enum JSON: Sendable {
    case string(String)
    case number(Double)
    case int(Int64)
    case bool(Bool)
    case null
    case array([JSON])
    case object([(String, JSON)])

    /// Leaves out keys whose value is nil.
    static func object(_ pairs: [(String, JSON?)]) -> JSON {
        .object(pairs.compactMap { key, value in value.map { (key, $0) } })
    }

    static func string(_ text: String?) -> JSON? { text.map(JSON.string) }

    func serialized(indent: Int? = 2) -> String {
        var out = ""
        write(to: &out, indent: indent, level: 0)
        return out
    }

    private func write(to out: inout String, indent: Int?, level: Int) {
        let newline = indent == nil ? "" : "\n"
        let pad = { (lvl: Int) in String(repeating: " ", count: (indent ?? 0) * lvl) }
        switch self {
        case .string(let s): out += Escape.json(s)
        case .number(let d):
            if d.isFinite {
                // Fixed precision keeps output byte-identical across runs and platforms.
                let rounded = (d * 1000).rounded() / 1000
                out += rounded == rounded.rounded() && abs(rounded) < 1e15 ? String(Int64(rounded)) : String(rounded)
            } else {
                out += "null"
            }
        case .int(let i): out += String(i)
        case .bool(let b): out += b ? "true" : "false"
        case .null: out += "null"
        case .array(let items):
            if items.isEmpty { out += "[]"; return }
            out += "[" + newline
            for (i, item) in items.enumerated() {
                out += pad(level + 1)
                item.write(to: &out, indent: indent, level: level + 1)
                out += (i < items.count - 1 ? "," : "") + newline
            }
            out += pad(level) + "]"
        case .object(let pairs):
            if pairs.isEmpty { out += "{}"; return }
            out += "{" + newline
            for (i, (key, value)) in pairs.enumerated() {
                out += pad(level + 1) + Escape.json(key) + (indent == nil ? ":" : ": ")
                value.write(to: &out, indent: indent, level: level + 1)
                out += (i < pairs.count - 1 ? "," : "") + newline
            }
            out += pad(level) + "}"
        }
    }
}
