import Escaping

/// Builds SVG (or HTML) text as UTF-8 bytes. `text` and `attribute` escape what they write;
/// `raw` is for the markup this module writes itself.
struct SVGWriter {
    var bytes: [UInt8] = []

    var count: Int { bytes.count }

    init(capacity: Int = 8_192) {
        bytes.reserveCapacity(capacity)
    }

    var string: String { String(decoding: bytes, as: UTF8.self) }

    mutating func raw(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    mutating func raw(_ markup: [UInt8]) {
        bytes.append(contentsOf: markup)
    }

    /// Markup assembled by this module from trusted pieces (ids are sanitized first).
    mutating func raw(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    /// Escaped text: `&`, `<`, `>`, `"` and `'` become references, so the same function serves
    /// element content and attribute values; characters XML 1.0 cannot carry become U+FFFD.
    mutating func text(_ text: String) {
        MarkupEscaper.svg.append(text, to: &bytes)
    }

    /// A coordinate or length: 1 decimal, trailing ".0" dropped.
    mutating func number(_ value: Double) {
        FixedNumber.append(value, decimals: 1, to: &bytes)
    }

    mutating func number(_ value: Double, decimals: Int) {
        FixedNumber.append(value, decimals: decimals, to: &bytes)
    }

    mutating func int(_ value: Int) {
        FixedNumber.appendInt(value, to: &bytes)
    }

    mutating func byte(_ ascii: Unicode.Scalar) {
        bytes.append(UInt8(ascii: ascii))
    }

    /// ` name="value"` with the value escaped.
    mutating func attribute(_ name: StaticString, _ value: String) {
        byte(" ")
        raw(name)
        raw("=\"")
        text(value)
        byte("\"")
    }

    /// ` name="12.5"`
    mutating func attribute(_ name: StaticString, number value: Double) {
        byte(" ")
        raw(name)
        raw("=\"")
        number(value)
        byte("\"")
    }

    /// `<title>escaped</title>`
    mutating func title(_ text: String) {
        raw("<title>")
        self.text(text)
        raw("</title>")
    }

    private mutating func appendScalar(_ scalar: Unicode.Scalar) {
        let value = scalar.value
        switch value {
        case 0..<0x80:
            bytes.append(UInt8(value))
        case 0x80..<0x800:
            bytes.append(UInt8(0xC0 | (value >> 6)))
            bytes.append(UInt8(0x80 | (value & 0x3F)))
        case 0x800..<0x10000:
            bytes.append(UInt8(0xE0 | (value >> 12)))
            bytes.append(UInt8(0x80 | ((value >> 6) & 0x3F)))
            bytes.append(UInt8(0x80 | (value & 0x3F)))
        default:
            bytes.append(UInt8(0xF0 | (value >> 18)))
            bytes.append(UInt8(0x80 | ((value >> 12) & 0x3F)))
            bytes.append(UInt8(0x80 | ((value >> 6) & 0x3F)))
            bytes.append(UInt8(0x80 | (value & 0x3F)))
        }
    }

    /// XML 1.0 Char: tab, LF, CR, U+0020…U+D7FF, U+E000…U+FFFD, U+10000…U+10FFFF.
    static func isAllowedInXML(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD: true
        case 0x20...0xD7FF: true
        case 0xE000...0xFFFD: true
        case 0x10000...0x10FFFF: true
        default: false
        }
    }
}

/// Escapes `text` for XML/HTML element content or attribute values.
func escapeXML(_ text: String) -> String {
    var writer = SVGWriter(capacity: text.utf8.count + 16)
    writer.text(text)
    return writer.string
}

extension SVGWriter {
    /// A coordinate given in tenths: 1234 → "123.4", 1230 → "123".
    mutating func tenths(_ value: Int) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: Self.tenthsBytes) { buffer in
            let count = Self.putTenths(value, into: buffer, at: 0)
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[..<count]))
        }
    }

    /// `M x y x y …` for points given in tenths: a connectivity line has up to a thousand, so
    /// the path is written in one buffer rather than number by number.
    mutating func polyline(_ points: [(Int, Int)]) {
        let capacity = 1 + points.count * (2 * Self.tenthsBytes + 2)
        let path = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
            buffer[0] = UInt8(ascii: "M")
            var position = 1
            for (index, point) in points.enumerated() {
                if index > 0 {
                    buffer[position] = UInt8(ascii: " ")
                    position += 1
                }
                position = Self.putTenths(point.0, into: buffer, at: position)
                buffer[position] = UInt8(ascii: " ")
                position = Self.putTenths(point.1, into: buffer, at: position + 1)
            }
            count = position
        }
        bytes.append(contentsOf: path)
    }

    /// The most bytes `putTenths` writes: a sign, 19 digits, a point and a digit.
    static let tenthsBytes = 22

    /// Writes `value` tenths at `buffer[position...]`; returns the position after it.
    static func putTenths(_ value: Int, into buffer: UnsafeMutableBufferPointer<UInt8>, at position: Int) -> Int {
        var position = position
        if value < 0 {
            buffer[position] = UInt8(ascii: "-")
            position += 1
        }
        let magnitude = value.magnitude
        var whole = magnitude / 10
        let fraction = magnitude % 10
        var digits = 1
        var limit: UInt = 10
        // `whole` is below 10^18, so `limit` stays below UInt.max.
        while whole >= limit {
            digits += 1
            limit *= 10
        }
        var index = position + digits - 1
        repeat {
            buffer[index] = UInt8(ascii: "0") + UInt8(whole % 10)
            whole /= 10
            index -= 1
        } while whole > 0
        position += digits
        if fraction != 0 {
            buffer[position] = UInt8(ascii: ".")
            buffer[position + 1] = UInt8(ascii: "0") + UInt8(fraction)
            position += 2
        }
        return position
    }

    /// Opening tag of the root element, with everything every chart has.
    /// `labelled: false` leaves out aria-labelledby, for standalone .svg files: there the first
    /// <title> names the image, and SVG validators do not accept ARIA attributes.
    /// Returns where the aria-labelledby attribute lies in `bytes` (empty when not written).
    /// `labelID` names the drawing whose `<title>` and `<desc>` label this one (the wide
    /// drawing, for the narrow one beside it on a page); by default its own.
    @discardableResult
    mutating func openSVG(id: String, width: Double, height: Double, className: String, role: Bool = true, labelled: Bool = true,
                          fontSize: Double = 11, labelID: String? = nil) -> Range<Int> {
        raw("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ")
        number(width)
        byte(" ")
        number(height)
        raw("\" width=\"")
        number(width)
        raw("\" height=\"")
        number(height)
        raw("\"")
        if role { raw(" role=\"img\"") }
        let labelStart = count
        if labelled {
            raw(" aria-labelledby=\"")
            raw(labelID ?? id)
            raw("-title ")
            raw(labelID ?? id)
            raw("-desc\"")
        }
        let label = labelStart..<count
        raw(" id=\"")
        raw(id)
        raw("\" class=\"")
        raw(className)
        raw("\" font-family=\"system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif\" font-size=\"")
        number(fontSize)
        raw("\">")
        return label
    }

    /// `<title id="…-title">` and `<desc id="…-desc">`.
    mutating func titleAndDescription(id: String, title: String, description: String) {
        raw("<title id=\"")
        raw(id)
        raw("-title\">")
        text(title)
        raw("</title><desc id=\"")
        raw(id)
        raw("-desc\">")
        text(description)
        raw("</desc>")
    }
}
