/// Locale-free number formatting, so that output is byte-identical on every machine.

/// 1840 → "1,840"; negatives with U+2212: "−1,840".
public func formatCount(_ n: Int) -> String {
    (n < 0 ? minusSign : "") + formatCount(magnitude: UInt64(n.magnitude))
}

/// Hours with one decimal, thousands separated, ".0" dropped: 1840.0 → "1,840", 9.52 → "9.5",
/// 0.04 → "0". Halves round away from zero. NaN, infinities and magnitudes beyond 10¹⁵ hours,
/// which no real archive reaches, are shown as "—" rather than as a made-up number.
/// With `fixed`, one decimal is always shown ("936.0"), so figures line up in a column.
public func formatHours(_ hours: Double, fixed: Bool = false) -> String {
    guard hours.isFinite, hours.magnitude < 1e15 else { return "—" }
    let tenths = (hours * 10).rounded(.toNearestOrAwayFromZero)
    // In range by the guard above, so the conversion cannot trap.
    let magnitude = UInt64(tenths.magnitude)
    if magnitude == 0 { return fixed ? "0.0" : "0" }
    let whole = formatCount(magnitude: magnitude / 10)
    let fraction = magnitude % 10
    return (tenths < 0 ? minusSign : "") + (fraction == 0 && !fixed ? whole : whole + ".\(fraction)")
}

/// Digits of `magnitude` in groups of three separated by commas.
func formatCount(magnitude: UInt64) -> String {
    let digits = Array(String(magnitude).utf8)
    var result: [UInt8] = []
    result.reserveCapacity(digits.count + digits.count / 3)
    for (index, digit) in digits.enumerated() {
        if index > 0 && (digits.count - index) % 3 == 0 {
            result.append(UInt8(ascii: ","))
        }
        result.append(digit)
    }
    return String(decoding: result, as: UTF8.self)
}
