/// Dotted-decimal IPv4 text, strict: four parts 0…255 without leading zeros.
enum IPv4Text {
    static func parse(_ bytes: ArraySlice<UInt8>) -> UInt32? {
        let parts = bytes.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        var address: UInt32 = 0
        for part in parts {
            guard let value = decimal(part), value <= 255 else { return nil }
            address = address << 8 | UInt32(value)
        }
        return address
    }

    static func format(_ address: UInt32) -> String {
        [24, 16, 8, 0].map { String(address >> UInt32($0) & 0xFF) }.joined(separator: ".")
    }

    /// One to three decimal digits, no leading zero except "0" itself.
    static func decimal(_ bytes: ArraySlice<UInt8>) -> Int? {
        guard (1...3).contains(bytes.count), bytes.first != UInt8(ascii: "0") || bytes.count == 1 else { return nil }
        var value = 0
        for byte in bytes {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }
}
