/// Control characters (NUL, ESC, the C1 range…) have no place in an archive's text: in HTML they
/// are parse errors, in XML they are fatal, and on a terminal ESC starts escape sequences a
/// hostile value could use to rewrite what the user sees. Every string read from a user's
/// file passes through here; tab, line feed and carriage return stay.
package enum ControlCharacters {
    @inline(__always)
    static func isControl(_ value: UInt32) -> Bool {
        (value < 0x20 && value != 0x09 && value != 0x0A && value != 0x0D) || (value >= 0x7F && value <= 0x9F)
    }

    package static func removed(from text: String) -> String {
        // Fast path: C0 controls and DEL are single bytes; C1 controls start with 0xC2.
        guard text.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F || $0 == 0xC2 }),
              text.unicodeScalars.contains(where: { isControl($0.value) }) else { return text }
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: text.unicodeScalars.lazy.filter { !isControl($0.value) })
        return String(scalars)
    }

    /// The same for the bytes of a file that is valid UTF-8.
    package static func removed(from bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            let length = controlLength(bytes, at: i)
            if length == 0 { result.append(bytes[i]) }
            i += max(length, 1)
        }
        return result
    }

    package static func removed(from bytes: [UInt8]) -> [UInt8] {
        bytes.withUnsafeBufferPointer { removed(from: $0) }
    }

    package static func contains(in bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in buffer.indices.contains { controlLength(buffer, at: $0) > 0 } }
    }

    /// How many bytes of a control character start at `i`: 1 for C0 and DEL, 2 for a C1
    /// character (0xC2 0x80…0x9F), 0 for anything else.
    @inline(__always)
    private static func controlLength(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
        let b = bytes[i]
        if b < 0x80 { return isControl(UInt32(b)) ? 1 : 0 }
        return b == 0xC2 && i + 1 < bytes.count && bytes[i + 1] >= 0x80 && bytes[i + 1] <= 0x9F ? 2 : 0
    }
}
