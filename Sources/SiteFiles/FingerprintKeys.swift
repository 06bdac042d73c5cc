/// A 128-bit key made of a few values (what a cached page or parse was made from), without
/// the allocations of `Fingerprint.Hasher`, which is built for long byte runs: `serve` makes
/// tens of thousands of keys on every rebuild. Not for adversaries, only for telling versions
/// apart.
package struct KeyHasher {
    private var a: UInt64 = 0x9E37_79B9_7F4A_7C15
    private var b: UInt64 = 0xC2B2_AE3D_27D4_EB4F
    private var count: UInt64 = 0

    package init() {}

    package mutating func add(_ value: UInt64) {
        count &+= 1
        a = ((a ^ value) &* 0xFF51_AFD7_ED55_8CCD).rotatedLeft(31) &+ b
        b = ((b ^ value ^ count) &* 0xC4CE_B9FE_1A85_EC53).rotatedLeft(27) ^ a
    }

    package mutating func add(_ value: Int) { add(UInt64(bitPattern: Int64(value))) }

    package mutating func add(_ print: Fingerprint) {
        add(print.low)
        add(print.high)
    }

    /// A text with its length, so that ("ab", "c") and ("a", "bc") differ.
    package mutating func add(_ text: String) {
        var text = text
        add(UInt64(text.utf8.count))
        text.withUTF8 { bytes in
            let raw = UnsafeRawBufferPointer(bytes)
            guard let base = raw.baseAddress else { return }
            var offset = 0
            while offset + 8 <= raw.count {
                add(UInt64(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt64.self)))
                offset += 8
            }
            var word: UInt64 = 0
            var shift: UInt64 = 0
            while offset < raw.count {
                word |= UInt64(raw[offset]) << shift
                shift += 8
                offset += 1
            }
            if shift > 0 { add(word) }
        }
    }

    package func finish() -> Fingerprint {
        Fingerprint(low: Self.mix(a ^ count), high: Self.mix(b &+ a))
    }

    /// MurmurHash3's 64-bit finaliser: every input bit reaches every output bit.
    private static func mix(_ value: UInt64) -> UInt64 {
        var x = value
        x ^= x >> 33
        x &*= 0xFF51_AFD7_ED55_8CCD
        x ^= x >> 33
        x &*= 0xC4CE_B9FE_1A85_EC53
        x ^= x >> 33
        return x
    }
}

private extension UInt64 {
    func rotatedLeft(_ count: UInt64) -> UInt64 { (self << count) | (self >> (64 - count)) }
}
