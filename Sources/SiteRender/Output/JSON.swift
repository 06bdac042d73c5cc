/// A JSON value written with keys in the order given, so output is deterministic and reads in a
/// sensible order (id before title before dates), which JSONEncoder cannot promise.
package indirect enum JSON: Sendable {
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

    func serialized(indent: Int? = 2) -> String {
        String(decoding: bytes(indent: indent), as: UTF8.self)
    }

    /// The UTF-8 text, written straight into one buffer.
    package func bytes(indent: Int? = 2) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(4_096)
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

    private func write(to out: inout [UInt8], indent: Int?, level: Int) {
        func newline() { if indent != nil { out.append(UInt8(ascii: "\n")) } }
        func pad(_ level: Int) { if let indent { out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent * level)) } }
        switch self {
        case .string(let s): Escape.appendJSON(s, to: &out)
        case .number(let d): out.append(contentsOf: Self.numberText(d).utf8)
        case .int(let i): out.append(contentsOf: String(i).utf8)
        case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case .null: out.append(contentsOf: "null".utf8)
        case .array(let items):
            if items.isEmpty { out.append(contentsOf: "[]".utf8); return }
            out.append(UInt8(ascii: "["))
            newline()
            for (i, item) in items.enumerated() {
                pad(level + 1)
                item.write(to: &out, indent: indent, level: level + 1)
                if i < items.count - 1 { out.append(UInt8(ascii: ",")) }
                newline()
            }
            pad(level)
            out.append(UInt8(ascii: "]"))
        case .object(let pairs):
            if pairs.isEmpty { out.append(contentsOf: "{}".utf8); return }
            out.append(UInt8(ascii: "{"))
            newline()
            for (i, (key, value)) in pairs.enumerated() {
                pad(level + 1)
                Escape.appendJSON(key, to: &out)
                out.append(UInt8(ascii: ":"))
                if indent != nil { out.append(UInt8(ascii: " ")) }
                value.write(to: &out, indent: indent, level: level + 1)
                if i < pairs.count - 1 { out.append(UInt8(ascii: ",")) }
                newline()
            }
            pad(level)
            out.append(UInt8(ascii: "}"))
        }
    }
}
