/// An autonomous system number (32-bit, RFC 6793).
public struct ASN: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let value: UInt32

    public init(_ value: UInt32) {
        self.value = value
    }

    public static func < (lhs: ASN, rhs: ASN) -> Bool {
        lhs.value < rhs.value
    }

    /// "AS131279"
    public var description: String {
        "AS\(value)"
    }

    /// An integer as YAML gives it ("131279") or a string "AS131279" / "as131279".
    /// Leading zeros are accepted; signs, spaces and the dotted "1.10" notation are not.
    public static func parse(_ text: String) throws(ValueError) -> ASN {
        var digits = Substring(text)
        if digits.utf8.count > 2, digits.prefix(2).lowercased() == "as" {
            digits = digits.dropFirst(2)
        }
        var number: UInt64 = 0
        for byte in digits.utf8 {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { throw notANumber(text) }
            number = number * 10 + UInt64(byte - UInt8(ascii: "0"))
            // Checked at every digit, so a long run of digits cannot overflow.
            guard number <= UInt64(UInt32.max) else { throw notANumber(text) }
        }
        guard !digits.isEmpty else { throw notANumber(text) }
        guard number != 0 else { throw ValueError("must not be AS0, which is reserved and cannot originate routes (RFC 7607)") }
        return ASN(UInt32(number))
    }

    /// Why this number should not appear in routing data, for a warning; nil for ordinary ASNs.
    public var reservedReason: String? {
        switch value {
        case 0:
            return "\(self) is reserved and cannot originate routes (RFC 7607)"
        case 23_456:
            return "\(self) is AS_TRANS (RFC 6793)"
        case 64_496...64_511, 65_536...65_551:
            return "\(self) is reserved for documentation (RFC 5398)"
        case 64_512...65_534, 4_200_000_000...4_294_967_294:
            return "\(self) is for private use (RFC 6996)"
        case 65_535, 4_294_967_295:
            return "\(self) is reserved (RFC 7300)"
        case 65_552...131_071:
            return "\(self) is reserved by IANA"
        default:
            return nil
        }
    }

    private static func notANumber(_ text: String) -> ValueError {
        ValueError("is not an AS number: \(quoted(text)) (expected 1…4294967295)")
    }
}
