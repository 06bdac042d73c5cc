/// A 128-bit fingerprint of a file's bytes, for the output manifest: it tells whether a page a
/// build is about to write is the one the kept site already has, without reading that file.
///
/// Not cryptographic, and not meant to be: the manifest is the build's own note to itself,
/// beside the output. Two lanes each take every 8-byte word through `h = rotl((h ^ w) · P, r)`,
/// which is a bijection of `h` for a fixed word, so two inputs of the same length that differ in
/// one word always give different lanes; inputs that differ in more words collide with a
/// probability near 2⁻¹²⁸. The length is compared beside it.
struct Fingerprint: Equatable, Sendable {
    var low: UInt64
    var high: UInt64

    init(low: UInt64, high: UInt64) {
        self.low = low
        self.high = high
    }

    init(_ bytes: UnsafeRawBufferPointer) {
        var a: UInt64 = 0x243F_6A88_85A3_08D3
        var b: UInt64 = 0x1319_8A2E_0370_7344
        let count = bytes.count
        var offset = 0
        @inline(__always) func mix(_ word: UInt64) {
            a = ((a ^ word) &* 0x9E37_79B9_7F4A_7C15).rotatedLeft(by: 31)
            b = ((b ^ word) &* 0xC2B2_AE3D_27D4_EB4F).rotatedLeft(by: 27)
        }
        if let base = bytes.baseAddress {
            while offset + 8 <= count {
                mix(base.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
                offset += 8
            }
            // The last 1…7 bytes, with a marker byte so that trailing zeros count.
            if offset < count {
                var word: UInt64 = 0
                var shift: UInt64 = 0
                while offset < count {
                    word |= UInt64(base.load(fromByteOffset: offset, as: UInt8.self)) << shift
                    shift += 8
                    offset += 1
                }
                mix(word | (1 << shift))
            }
        }
        mix(UInt64(count))
        low = a
        high = b
    }
}

extension UInt64 {
    @inline(__always)
    fileprivate func rotatedLeft(by count: UInt64) -> UInt64 {
        (self << count) | (self >> (64 - count))
    }
}
