import Testing
import OutageData

struct ASNTests {
    @Test(arguments: [
        ("131279", UInt32(131_279)), ("AS131279", 131_279), ("as131279", 131_279), ("As15169", 15_169),
        ("1", 1), ("4294967295", 4_294_967_295), ("AS4294967295", 4_294_967_295), ("0000123", 123),
    ])
    func acceptsNumbersAndASPrefix(_ text: String, _ value: UInt32) throws {
        #expect(try ASN.parse(text) == ASN(value))
    }

    @Test(arguments: ["0", "AS0", "000", "as00"])
    func rejectsZero(_ text: String) {
        #expect(throws: ValueError("must not be AS0, which is reserved and cannot originate routes (RFC 7607)")) {
            try ASN.parse(text)
        }
    }

    @Test(arguments: [
        "4294967296", "AS4294967296", "-1", "", "AS", "as", "abc", "1.5", " 1", "1 ", "AS-1", "+1",
        "AS 1", "ASN1", "１２", "99999999999999999999999999999999", "0x10", "1e3",
    ])
    func rejectsOtherText(_ text: String) {
        #expect(throws: ValueError("is not an AS number: \"\(text)\" (expected 1…4294967295)")) {
            try ASN.parse(text)
        }
    }

    @Test func descriptionAndOrder() {
        #expect(ASN(131_279).description == "AS131279")
        #expect("\(ASN(4_294_967_295))" == "AS4294967295")
        #expect([ASN(65_000), ASN(3), ASN(131_279)].sorted() == [ASN(3), ASN(65_000), ASN(131_279)])
    }

    @Test(arguments: [
        (UInt32(0), "AS0 is reserved and cannot originate routes (RFC 7607)"),
        (1, nil), (131_279, nil), (23_455, nil),
        (23_456, "AS23456 is AS_TRANS (RFC 6793)"),
        (23_457, nil), (64_495, nil),
        (64_496, "AS64496 is reserved for documentation (RFC 5398)"),
        (64_500, "AS64500 is reserved for documentation (RFC 5398)"),
        (64_511, "AS64511 is reserved for documentation (RFC 5398)"),
        (64_512, "AS64512 is for private use (RFC 6996)"),
        (65_534, "AS65534 is for private use (RFC 6996)"),
        (65_535, "AS65535 is reserved (RFC 7300)"),
        (65_536, "AS65536 is reserved for documentation (RFC 5398)"),
        (65_551, "AS65551 is reserved for documentation (RFC 5398)"),
        (65_552, "AS65552 is reserved by IANA"),
        (131_071, "AS131071 is reserved by IANA"),
        (131_072, nil), (4_199_999_999, nil),
        (4_200_000_000, "AS4200000000 is for private use (RFC 6996)"),
        (4_294_967_294, "AS4294967294 is for private use (RFC 6996)"),
        (4_294_967_295, "AS4294967295 is reserved (RFC 7300)"),
    ] as [(UInt32, String?)])
    func reservedRanges(_ value: UInt32, _ reason: String?) {
        #expect(ASN(value).reservedReason == reason)
    }
}
