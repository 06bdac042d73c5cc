/// The bytes of a page being rendered, appended in place. Escaping works on UTF-8 bytes and
/// copies a run without special characters in one step, so text that needs no escaping (most
/// of it) is a plain copy.
public struct HTMLOutput {
    public private(set) var bytes: [UInt8] = []

    public init(capacity: Int = 16_384) {
        bytes.reserveCapacity(capacity)
    }

    public var count: Int { bytes.count }
    var last: UInt8? { bytes.last }

    public mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { bytes.append(contentsOf: $0) }
    }

    public mutating func append(_ raw: [UInt8]) {
        bytes.append(contentsOf: raw)
    }

    mutating func append(_ raw: ArraySlice<UInt8>) {
        bytes.append(contentsOf: raw)
    }

    mutating func insert(_ raw: [UInt8], at index: Int) {
        bytes.insert(contentsOf: raw, at: index)
    }

    /// Appends `text` with `& < > " '` replaced by entities (the same five as swift-mustache and
    /// most Mustache implementations).
    public mutating func appendEscaped(_ text: String) {
        var text = text
        text.withUTF8 { appendEscaped($0) }
    }

    public mutating func appendEscaped(_ utf8: UnsafeBufferPointer<UInt8>) {
        var runStart = 0
        var index = 0
        let count = utf8.count
        while index < count {
            let entity: StaticString
            switch utf8[index] {
            case UInt8(ascii: "&"): entity = "&amp;"
            case UInt8(ascii: "<"): entity = "&lt;"
            case UInt8(ascii: ">"): entity = "&gt;"
            case UInt8(ascii: "\""): entity = "&quot;"
            case UInt8(ascii: "'"): entity = "&#39;"
            default:
                index += 1
                continue
            }
            if runStart < index { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index])) }
            entity.withUTF8Buffer { bytes.append(contentsOf: $0) }
            index += 1
            runStart = index
        }
        if runStart < count { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<count])) }
    }

    public mutating func append(_ number: Int) {
        append(String(number))
    }

    /// Hands the bytes over without a copy; the output is empty afterwards.
    public mutating func take() -> [UInt8] {
        defer { bytes = [] }
        return bytes
    }
}

public enum HTMLEscape {
    /// `text` with `& < > " '` escaped; the same String back when there is nothing to escape.
    public static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">")
            || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "'") }) else { return text }
        var out = HTMLOutput(capacity: text.utf8.count + 16)
        out.appendEscaped(text)
        return String(decoding: out.bytes, as: UTF8.self)
    }
}
