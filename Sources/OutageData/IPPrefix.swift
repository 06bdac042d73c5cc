/// An IPv4 or IPv6 network in CIDR notation, normalised.
public struct IPPrefix: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let isIPv6: Bool
    public let length: Int
    /// The address as a 128-bit number; an IPv4 address is the low 32 bits, `high` is 0.
    let high: UInt64
    let low: UInt64

    init(isIPv6: Bool, high: UInt64, low: UInt64, length: Int) {
        self.isIPv6 = isIPv6
        self.high = high
        self.low = low
        self.length = length
    }

    /// "175.45.176.0/22", "2001:db8::/32": any valid IPv6 text form, hex in any case, an IPv4
    /// tail ("::ffff:1.2.3.4/128"). IPv4 parts and lengths with leading zeros ("010.0.0.0/8")
    /// are refused, since some tools read them as octal. A bare address without "/len" is an error.
    public static func parse(_ text: String) throws(ValueError) -> IPPrefix {
        guard let prefix = scan(Array(text.utf8)) else {
            throw ValueError(
                "is not a CIDR prefix: \(quoted(text)) "
                    + "(expected address/length, such as 192.0.2.0/24 or 2001:db8::/32)")
        }
        let network = prefix.masked
        guard network == prefix else {
            throw ValueError("has host bits set: \(quoted(text)) (the prefix is \(network))")
        }
        return prefix
    }

    /// IPv4 before IPv6, then by address, then shorter prefixes first.
    public static func < (lhs: IPPrefix, rhs: IPPrefix) -> Bool {
        (lhs.isIPv6 ? 1 : 0, lhs.high, lhs.low, lhs.length) < (rhs.isIPv6 ? 1 : 0, rhs.high, rhs.low, rhs.length)
    }

    /// Canonical text: dotted decimal for IPv4; RFC 5952 for IPv6 (lowercase, no leading
    /// zeros, the longest run of two or more zero groups as "::", IPv4-mapped as ::ffff:a.b.c.d).
    public var description: String {
        let address = isIPv6 ? IPv6Text.format(high: high, low: low) : IPv4Text.format(UInt32(truncatingIfNeeded: low))
        return address + "/" + String(length)
    }

    /// The same prefix with every bit after `length` cleared.
    var masked: IPPrefix {
        if isIPv6 {
            return IPPrefix(isIPv6: true, high: high & Self.mask(length), low: low & Self.mask(length - 64), length: length)
        }
        return IPPrefix(isIPv6: false, high: 0, low: low & Self.mask(length + 32), length: length)
    }

    /// A 64-bit mask of `bits` leading ones (clamped to 0…64).
    private static func mask(_ bits: Int) -> UInt64 {
        if bits <= 0 { return 0 }
        if bits >= 64 { return UInt64.max }
        return UInt64.max << UInt64(64 - bits)
    }

    private static func scan(_ bytes: [UInt8]) -> IPPrefix? {
        guard let slash = bytes.firstIndex(of: UInt8(ascii: "/")) else { return nil }
        let address = bytes[..<slash]
        let isIPv6 = address.contains(UInt8(ascii: ":"))
        guard let length = prefixLength(bytes[(slash + 1)...], maximum: isIPv6 ? 128 : 32) else { return nil }
        if isIPv6 {
            guard let (high, low) = IPv6Text.parse(address) else { return nil }
            return IPPrefix(isIPv6: true, high: high, low: low, length: length)
        }
        guard let value = IPv4Text.parse(address) else { return nil }
        return IPPrefix(isIPv6: false, high: 0, low: UInt64(value), length: length)
    }

    private static func prefixLength(_ bytes: ArraySlice<UInt8>, maximum: Int) -> Int? {
        guard let value = IPv4Text.decimal(bytes), value <= maximum else { return nil }
        return value
    }
}
