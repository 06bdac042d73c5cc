/// IPv6 address text: RFC 4291 §2.2 forms in, RFC 5952 canonical form out.
enum IPv6Text {
    /// The address as two 64-bit halves, or nil if the text is not an IPv6 address.
    static func parse(_ bytes: ArraySlice<UInt8>) -> (high: UInt64, low: UInt64)? {
        let groups: [UInt16]
        if let gap = doubleColon(in: bytes) {
            let tail = bytes[(gap + 2)...]
            guard doubleColon(in: tail) == nil,
                  let head = pieces(bytes[..<gap], mayEndInIPv4: false),
                  let rest = pieces(tail, mayEndInIPv4: true),
                  head.count + rest.count <= 7
            else { return nil }
            groups = head + Array(repeating: 0, count: 8 - head.count - rest.count) + rest
        } else {
            guard let all = pieces(bytes, mayEndInIPv4: true), all.count == 8 else { return nil }
            groups = all
        }
        let high = groups[0..<4].reduce(UInt64(0)) { $0 << 16 | UInt64($1) }
        let low = groups[4..<8].reduce(UInt64(0)) { $0 << 16 | UInt64($1) }
        return (high, low)
    }

    static func format(high: UInt64, low: UInt64) -> String {
        let groups = [high, low].flatMap { half in
            [48, 32, 16, 0].map { UInt16(truncatingIfNeeded: half >> UInt64($0)) }
        }
        // IPv4-mapped addresses keep the IPv4 in dotted form (RFC 5952 §5).
        if high == 0 && low >> 32 == 0xFFFF {
            return "::ffff:" + IPv4Text.format(UInt32(truncatingIfNeeded: low))
        }
        let run = longestZeroRun(groups)
        let text: (ArraySlice<UInt16>) -> String = { $0.map { String($0, radix: 16) }.joined(separator: ":") }
        guard let run else { return text(groups[...]) }
        return text(groups[..<run.lowerBound]) + "::" + text(groups[run.upperBound...])
    }

    /// The first of the longest runs of zero groups, if one is at least two groups long
    /// (a single zero group is never shortened).
    private static func longestZeroRun(_ groups: [UInt16]) -> Range<Int>? {
        var best: Range<Int>?
        var start: Int?
        for index in 0...groups.count {
            if index < groups.count && groups[index] == 0 {
                if start == nil { start = index }
            } else if let runStart = start {
                if index - runStart >= 2 && index - runStart > (best?.count ?? 0) {
                    best = runStart..<index
                }
                start = nil
            }
        }
        return best
    }

    private static func doubleColon(in bytes: ArraySlice<UInt8>) -> Int? {
        var index = bytes.startIndex
        while index + 1 < bytes.endIndex {
            if bytes[index] == UInt8(ascii: ":") && bytes[index + 1] == UInt8(ascii: ":") { return index }
            index += 1
        }
        return nil
    }

    /// Colon-separated groups of one to four hex digits; the last may be dotted IPv4 (two groups).
    /// An empty text is no groups; an empty group is an error.
    private static func pieces(_ bytes: ArraySlice<UInt8>, mayEndInIPv4: Bool) -> [UInt16]? {
        if bytes.isEmpty { return [] }
        let parts = bytes.split(separator: UInt8(ascii: ":"), omittingEmptySubsequences: false)
        var groups: [UInt16] = []
        for (index, part) in parts.enumerated() {
            if mayEndInIPv4 && index == parts.count - 1 && part.contains(UInt8(ascii: ".")) {
                guard let address = IPv4Text.parse(part) else { return nil }
                groups += [UInt16(truncatingIfNeeded: address >> 16), UInt16(truncatingIfNeeded: address)]
            } else {
                guard let group = hexGroup(part) else { return nil }
                groups.append(group)
            }
        }
        return groups
    }

    private static func hexGroup(_ bytes: ArraySlice<UInt8>) -> UInt16? {
        guard (1...4).contains(bytes.count) else { return nil }
        var value: UInt16 = 0
        for byte in bytes {
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: return nil
            }
            value = value << 4 | UInt16(digit)
        }
        return value
    }
}
