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

    /// A JSON number, or `null` for NaN and infinities (JSON has no spelling for them).
    /// Fixed precision (3 decimals) keeps output byte-identical across runs and platforms;
    /// magnitudes of 10¹⁵ and more have no fraction worth rounding and are written as they are
    /// ("1e+306"), since scaling them could overflow to infinity.
    static func numberText(_ d: Double) -> String {
        guard d.isFinite else { return "null" }
        guard abs(d) < 1e15 else { return String(d) }
        let rounded = (d * 1000).rounded() / 1000
        return rounded == rounded.rounded() ? String(Int64(rounded)) : String(rounded)
    }

    private func write(to out: inout String, indent: Int?, level: Int) {
        let newline = indent == nil ? "" : "\n"
        let pad = { (lvl: Int) in String(repeating: " ", count: (indent ?? 0) * lvl) }
        switch self {
        case .string(let s): out += Escape.json(s)
        case .number(let d):
            out += Self.numberText(d)
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
