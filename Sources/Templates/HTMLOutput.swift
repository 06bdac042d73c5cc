import Escaping

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

    mutating func append(_ raw: UnsafeBufferPointer<UInt8>) {
        bytes.append(contentsOf: raw)
    }

    mutating func insert(_ raw: [UInt8], at index: Int) {
        bytes.insert(contentsOf: raw, at: index)
    }

    /// Appends `text` with `& < > " '` replaced by references (`'` as `&#39;`, as swift-mustache
    /// and most Mustache implementations write it).
    public mutating func appendEscaped(_ text: String) {
        MarkupEscaper.html.append(text, to: &bytes)
    }

    public mutating func appendEscaped(_ utf8: UnsafeBufferPointer<UInt8>) {
        MarkupEscaper.html.append(utf8, to: &bytes)
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
        MarkupEscaper.html.escape(text)
    }
}
