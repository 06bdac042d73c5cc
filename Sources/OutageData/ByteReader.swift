/// Read-only access to the UTF-8 of a string for the hand-written parsers.
///
/// Reading past either end yields 0 instead of trapping, so a parser that mis-steps on
/// hostile input fails to match rather than crashing; 0 never matches anything they accept.
struct ByteReader {
    private let bytes: UnsafeBufferPointer<UInt8>

    var count: Int { bytes.count }

    subscript(index: Int) -> UInt8 {
        index >= 0 && index < bytes.count ? bytes[index] : 0
    }

    /// Bytes the caller already holds (a cell of a series file), valid while `body` of the
    /// caller's own `withUnsafeBufferPointer` runs.
    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// Calls `body` with the UTF-8 of `text`, copying only when the string is not contiguous.
    static func withBytes<Result>(of text: String, _ body: (ByteReader) -> Result) -> Result {
        if let result = text.utf8.withContiguousStorageIfAvailable({ body(ByteReader($0)) }) {
            return result
        }
        return Array(text.utf8).withUnsafeBufferPointer { body(ByteReader($0)) }
    }

    /// The value of `length` decimal digits at `start`, or nil if any of them is not a digit.
    func decimal(at start: Int, length: Int) -> Int64? {
        var value: Int64 = 0
        for index in start..<(start + length) {
            let byte = self[index]
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int64(byte - UInt8(ascii: "0"))
        }
        return value
    }

    func isDigit(at index: Int) -> Bool {
        let byte = self[index]
        return byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }
}
