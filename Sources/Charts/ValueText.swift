/// Data values as readers see them in tables, legends and titles.
enum ValueText {
    /// "1,234", "12.5", "0.004", "1.2e-7", "−3"; "—" for missing (NaN or infinite).
    static func format(_ value: Double) -> String {
        guard value.isFinite else { return "—" }
        if value == 0 { return "0" }
        let magnitude = value.magnitude
        if magnitude >= 1e15 || magnitude < 0.0005 {
            let (mantissa, exponent) = FixedNumber.decimalExponent(magnitude)
            return (value < 0 ? "\u{2212}" : "") + FixedNumber.string(mantissa, decimals: 2) + "e" + String(exponent)
        }
        return FixedNumber.string(value, decimals: 3, grouping: true, typographicMinus: true)
    }

    /// `format(value)` appended to bytes.
    static func append(_ value: Double, to bytes: inout [UInt8]) {
        guard value.isFinite, value == 0 || (value.magnitude < 1e15 && value.magnitude >= 0.0005) else {
            bytes.append(contentsOf: format(value).utf8)
            return
        }
        if value == 0 {
            bytes.append(UInt8(ascii: "0"))
            return
        }
        FixedNumber.append(value, decimals: 3, grouping: true, typographicMinus: true, to: &bytes)
    }

    /// "1,234 prefixes" or "1,234".
    static func withUnit(_ value: Double, _ unit: String?) -> String {
        guard let unit, !unit.isEmpty else { return format(value) }
        return format(value) + " " + unit
    }

    /// Shortens `text` to `limit` characters, ending in "…".
    static func truncated(_ text: String, limit: Int) -> String {
        guard text.count > limit, limit > 1 else { return text }
        return String(text.prefix(limit - 1)) + "…"
    }

    /// "1", "1 and 2", "1, 2 and 3".
    static func list(_ items: [String]) -> String {
        switch items.count {
        case 0: ""
        case 1: items[0]
        default: items.dropLast().joined(separator: ", ") + " and " + (items.last ?? "")
        }
    }
}
