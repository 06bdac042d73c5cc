/// Numbers as text with a fixed number of decimals, without Foundation or locale: the same
/// value gives the same bytes on every machine. Coordinates are written with 1 decimal and the
/// trailing ".0" dropped ("12", "12.5"); labels use `label(_:decimals:)` with grouping and the
/// typographic minus.
enum FixedNumber {
    static let minus: [UInt8] = Array("\u{2212}".utf8)
    private static let powers: [Double] = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000]
    /// Beyond this the value no longer fits an Int64 after scaling; written in exponent form.
    static let exactLimit = 9.0e15

    /// Appends `value` rounded (halves away from zero) to `decimals` (0…6) places.
    /// - trim: drop trailing zeros of the fraction and the point itself ("12.50" → "12.5").
    /// - grouping: thousands separated by ",".
    /// - typographicMinus: U+2212 instead of "-".
    /// NaN and infinities are written as "0": callers never pass them for coordinates, and
    /// labels check first.
    static func append(
        _ value: Double, decimals: Int, trim: Bool = true, grouping: Bool = false,
        typographicMinus: Bool = false, to bytes: inout [UInt8]
    ) {
        guard value.isFinite else {
            bytes.append(UInt8(ascii: "0"))
            return
        }
        let places = Swift.max(0, Swift.min(6, decimals))
        let scale = powers[places]
        let scaled = (value * scale).rounded(.toNearestOrAwayFromZero)
        guard scaled.magnitude < exactLimit else {
            appendExponent(value, typographicMinus: typographicMinus, to: &bytes)
            return
        }
        let integer = Int64(scaled)
        let magnitude = integer.magnitude
        let divisor = UInt64(scale)
        let whole = magnitude / divisor
        var fraction = magnitude % divisor
        var fractionDigits = places
        if trim {
            while fractionDigits > 0 && fraction % 10 == 0 {
                fraction /= 10
                fractionDigits -= 1
            }
        }
        if integer < 0 {
            if typographicMinus { bytes.append(contentsOf: minus) } else { bytes.append(UInt8(ascii: "-")) }
        }
        appendDigits(whole, grouping: grouping, to: &bytes)
        if fractionDigits > 0 {
            bytes.append(UInt8(ascii: "."))
            var digits = [UInt8](repeating: UInt8(ascii: "0"), count: fractionDigits)
            var position = fractionDigits - 1
            while position >= 0 {
                digits[position] = UInt8(ascii: "0") + UInt8(fraction % 10)
                fraction /= 10
                position -= 1
            }
            bytes.append(contentsOf: digits)
        }
    }

    /// `append` into a new String.
    static func string(
        _ value: Double, decimals: Int, trim: Bool = true, grouping: Bool = false, typographicMinus: Bool = false
    ) -> String {
        var bytes: [UInt8] = []
        append(value, decimals: decimals, trim: trim, grouping: grouping, typographicMinus: typographicMinus, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Decimal digits of `value`, optionally grouped in threes.
    static func appendDigits(_ value: UInt64, grouping: Bool = false, to bytes: inout [UInt8]) {
        if value < 10 && !grouping {
            bytes.append(UInt8(ascii: "0") + UInt8(value))
            return
        }
        // Filled from the end of a stack buffer (20 digits and 6 commas at most): charts write
        // tens of thousands of numbers, and a heap buffer per number showed in the profile.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 32) { buffer in
            var position = buffer.count
            var rest = value
            var count = 0
            repeat {
                if grouping && count > 0 && count % 3 == 0 {
                    position -= 1
                    buffer[position] = UInt8(ascii: ",")
                }
                position -= 1
                buffer[position] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
                count += 1
            } while rest > 0
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[position...]))
        }
    }

    static func appendInt(_ value: Int, to bytes: inout [UInt8]) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        appendDigits(UInt64(value.magnitude), to: &bytes)
    }

    /// "1.23e300": 2 decimals of mantissa. Only for magnitudes no outage series has.
    private static func appendExponent(_ value: Double, typographicMinus: Bool, to bytes: inout [UInt8]) {
        let (mantissa, exponent) = decimalExponent(value.magnitude)
        if value < 0 {
            if typographicMinus { bytes.append(contentsOf: minus) } else { bytes.append(UInt8(ascii: "-")) }
        }
        append(mantissa, decimals: 2, to: &bytes)
        bytes.append(UInt8(ascii: "e"))
        appendInt(exponent, to: &bytes)
    }

    /// (m, e) with m·10^e = value and 1 ≤ m < 10 (value > 0, finite), by repeated scaling so
    /// that no libm function is involved.
    static func decimalExponent(_ value: Double) -> (Double, Int) {
        guard value.isFinite, value > 0 else { return (0, 0) }
        var mantissa = value
        var exponent = 0
        while mantissa >= 10 {
            mantissa /= 10
            exponent += 1
        }
        while mantissa < 1 {
            mantissa *= 10
            exponent -= 1
        }
        return (mantissa, exponent)
    }

    /// 10^exponent by repeated multiplication (exponent clamped to ±330).
    static func powerOfTen(_ exponent: Int) -> Double {
        var result = 1.0
        let steps = Swift.min(330, exponent.magnitude)
        for _ in 0..<steps {
            result = exponent >= 0 ? result * 10 : result / 10
        }
        return result
    }

    /// Fewest decimals (0…6) that show `step` exactly, so tick labels 0, 2.5, 5 keep their ".5".
    static func decimals(for step: Double) -> Int {
        guard step.isFinite, step > 0 else { return 0 }
        for places in 0...6 {
            let scaled = step * powers[places]
            if (scaled - scaled.rounded()).magnitude <= 1e-6 * Swift.max(1, scaled.magnitude) {
                return places
            }
        }
        return 6
    }
}
