/// The one escaper for HTML and XML text, used by templates (`{{name}}`), SVG charts and the
/// Atom feed and sitemaps. It works on UTF-8 bytes and copies each run of ordinary bytes in one
/// step, so text with nothing to escape (most of it) is a plain copy.
///
/// `&`, `<`, `>`, `"` and `'` always become references, so one function serves element content
/// and attribute values. The variants differ only where their formats do: how `'` is spelled,
/// and what happens to characters XML 1.0 cannot carry (C0 controls other than tab, LF and CR,
/// U+FFFE and U+FFFF).
public struct MarkupEscaper: Sendable {
    public enum Invalid: Sendable {
        /// HTML pages: kept (the load phase has already removed control characters).
        case keep
        /// Feeds: left out.
        case drop
        /// SVG: replaced by U+FFFD, so a reader sees that something was there.
        case replace
    }

    private let apostrophe: StaticString
    private let invalid: Invalid
    /// Bytes below 64 that may need a reference, one bit each: the five markup characters (all
    /// below 64) and, for the variants that do not keep them, C0 controls other than tab, LF and
    /// CR. Above 63 only 0xEF (the lead byte of U+FFFE and U+FFFF) may, in those variants. A
    /// test on a register tells an ordinary byte (most of them) from one the switch decides (a
    /// table in memory would be reference counted on every call, by every thread).
    private let lowBytes: UInt64

    private static let markup: UInt64 = 1 << 0x26 | 1 << 0x3C | 1 << 0x3E | 1 << 0x22 | 1 << 0x27
    /// C0 controls but tab (0x09), LF (0x0A) and CR (0x0D).
    private static let invalidControls: UInt64 = 0xFFFF_FFFF & ~(1 << 0x09 | 1 << 0x0A | 1 << 0x0D)

    private init(apostrophe: StaticString, invalid: Invalid) {
        self.apostrophe = apostrophe
        self.invalid = invalid
        lowBytes = invalid == .keep ? Self.markup : Self.markup | Self.invalidControls
    }

    /// Templates: `'` as `&#39;`, like swift-mustache and most Mustache implementations.
    public static let html = MarkupEscaper(apostrophe: "&#39;", invalid: .keep)
    public static let svg = MarkupEscaper(apostrophe: "&#39;", invalid: .replace)
    public static let feed = MarkupEscaper(apostrophe: "&apos;", invalid: .drop)

    /// Appends `text`, escaped, to `bytes`.
    public func append(_ text: String, to bytes: inout [UInt8]) {
        var text = text
        text.withUTF8 { append($0, to: &bytes) }
    }

    /// Whether `byte` is one the switch in `append` must look at (`lowBytes`).
    @inline(__always)
    private func mayNeedReference(_ byte: UInt8) -> Bool {
        byte < 64 ? lowBytes & (1 << UInt64(byte)) != 0 : invalid != .keep && byte == 0xEF
    }

    public func append(_ utf8: UnsafeBufferPointer<UInt8>, to bytes: inout [UInt8]) {
        var runStart = 0
        var index = 0
        let count = utf8.count
        while index < count {
            let byte = utf8[index]
            if !mayNeedReference(byte) {
                index += 1
                continue
            }
            var skip = 1
            let replacement: StaticString?
            switch byte {
            case UInt8(ascii: "&"): replacement = "&amp;"
            case UInt8(ascii: "<"): replacement = "&lt;"
            case UInt8(ascii: ">"): replacement = "&gt;"
            case UInt8(ascii: "\""): replacement = "&quot;"
            case UInt8(ascii: "'"): replacement = apostrophe
            case 0x00...0x1F where byte != 0x09 && byte != 0x0A && byte != 0x0D && invalid != .keep:
                replacement = invalid == .replace ? "\u{FFFD}" : ""
            case 0xEF where invalid != .keep && index + 2 < count && utf8[index + 1] == 0xBF && (utf8[index + 2] == 0xBE || utf8[index + 2] == 0xBF):
                replacement = invalid == .replace ? "\u{FFFD}" : ""
                skip = 3
            default:
                index += 1
                continue
            }
            if runStart < index { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index])) }
            replacement?.withUTF8Buffer { bytes.append(contentsOf: $0) }
            index += skip
            runStart = index
        }
        if runStart < count { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<count])) }
    }

    /// `text` escaped; the same String back when there is nothing to escape.
    public func escape(_ text: String) -> String {
        var copy = text
        let escaped: [UInt8]? = copy.withUTF8 { utf8 in
            guard utf8.contains(where: mayNeedReference) else { return nil }
            var bytes: [UInt8] = []
            bytes.reserveCapacity(utf8.count + 16)
            append(utf8, to: &bytes)
            return bytes
        }
        return escaped.map { String(decoding: $0, as: UTF8.self) } ?? text
    }
}
