import Testing
import OutageData

struct IPPrefixTests {
    @Test(arguments: [
        ("175.45.176.0/22", "175.45.176.0/22", false, 22),
        ("0.0.0.0/0", "0.0.0.0/0", false, 0),
        ("192.0.2.1/32", "192.0.2.1/32", false, 32),
        ("10.0.0.0/8", "10.0.0.0/8", false, 8),
        ("255.255.255.254/31", "255.255.255.254/31", false, 31),
        ("2001:0DB8:0:0:0:0:0:0/32", "2001:db8::/32", true, 32),
        ("2001:DB8::/32", "2001:db8::/32", true, 32),
        ("::/0", "::/0", true, 0),
        ("0:0:0:0:0:0:0:0/0", "::/0", true, 0),
        ("::1/128", "::1/128", true, 128),
        ("fe80::1:0:0:1/128", "fe80::1:0:0:1/128", true, 128),
        ("fe80:0:0:0:1:0:0:1/128", "fe80::1:0:0:1/128", true, 128),
        ("2001:db8:0:1:1:1:1:1/128", "2001:db8:0:1:1:1:1:1/128", true, 128),
        ("2001:db8::1:1:1:1:1/128", "2001:db8:0:1:1:1:1:1/128", true, 128),
        ("2001:db8:0:0:1:0:0:1/128", "2001:db8::1:0:0:1/128", true, 128),
        ("2001:0:0:1:0:0:0:1/128", "2001:0:0:1::1/128", true, 128),
        ("1:2:3:4:5:6:7::/128", "1:2:3:4:5:6:7:0/128", true, 128),
        ("::2:3:4:5:6:7:8/128", "0:2:3:4:5:6:7:8/128", true, 128),
        ("2001:db8:85a3::8a2e:370:7334/128", "2001:db8:85a3::8a2e:370:7334/128", true, 128),
        ("2001:db8:0000:00ab::/64", "2001:db8:0:ab::/64", true, 64),
        ("1::/16", "1::/16", true, 16),
        ("::ffff:1.2.3.4/128", "::ffff:1.2.3.4/128", true, 128),
        ("::FFFF:102:304/128", "::ffff:1.2.3.4/128", true, 128),
        ("::ffff:0.0.0.0/96", "::ffff:0.0.0.0/96", true, 96),
        ("64:ff9b::192.0.2.33/128", "64:ff9b::c000:221/128", true, 128),
        ("1:2:3:4:5:6:1.2.3.4/128", "1:2:3:4:5:6:102:304/128", true, 128),
        ("2001:db8::8000:0/97", "2001:db8::8000:0/97", true, 97),
    ])
    func normalises(_ text: String, _ canonical: String, _ isIPv6: Bool, _ length: Int) throws {
        let prefix = try IPPrefix.parse(text)
        #expect(prefix.description == canonical)
        #expect(prefix.isIPv6 == isIPv6)
        #expect(prefix.length == length)
        #expect(try IPPrefix.parse(canonical) == prefix)
    }

    @Test(arguments: [
        ("175.45.176.1/22", "175.45.176.0/22"),
        ("10.1.2.3/0", "0.0.0.0/0"),
        ("192.0.2.1/31", "192.0.2.0/31"),
        ("2001:db8::1/32", "2001:db8::/32"),
        ("2001:db8::8000:1/97", "2001:db8::8000:0/97"),
        ("2001:db8:0:0:8000::/64", "2001:db8::/64"),
        ("::1/0", "::/0"),
        ("::ffff:1.2.3.4/96", "::ffff:0.0.0.0/96"),
    ])
    func namesTheRightPrefixWhenHostBitsAreSet(_ text: String, _ network: String) {
        #expect(throws: ValueError("has host bits set: \"\(text)\" (the prefix is \(network))")) {
            try IPPrefix.parse(text)
        }
    }

    @Test(arguments: [
        "", "/", "/24", "175.45.176.0", "2001:db8::", "175.45.176.0/", "175.45.176.0/33", "175.45.176/22",
        "256.0.0.0/8", "01.0.0.0/8", "1.2.3.4/08", "1.2.3.4/-1", "1.2.3.4/+8", "1.2.3.4.5/32",
        "a.b.c.d/8", "1..2.3/8", " 10.0.0.0/8", "10.0.0.0/8 ", "10.0.0.0/8/8", "2001:db8::/129",
        "2001:db8:::/32", "2001::db8::/32", ":1::/16", "1::2:/64", ":/0", ":::/0", "12345::/16",
        "g::/16", "1:2:3:4:5:6:7:8:9/128", "1:2:3:4:5:6:7/128", "1:2:3:4:5:6:7:8::/128",
        "::1.2.3.4:5/128", "1.2.3.4::/128", "::1.2.3/128", "::256.0.0.0/128",
        "1:2:3:4:5:6:7:1.2.3.4/128", "fe80::1%eth0/128", "2001:db8::/1000", "１.2.3.4/32",
    ])
    func rejectsMalformedText(_ text: String) {
        #expect(throws: ValueError(
            "is not a CIDR prefix: \"\(text)\" (expected address/length, such as 192.0.2.0/24 or 2001:db8::/32)"
        )) {
            try IPPrefix.parse(text)
        }
    }

    @Test func ordersIPv4FirstThenAddressThenLength() throws {
        let texts = ["2001:db8::/32", "10.0.0.0/16", "::/0", "9.0.0.0/8", "10.0.0.0/8", "2001:db8::/48"]
        let sorted = try texts.map { try IPPrefix.parse($0) }.sorted().map(\.description)
        #expect(sorted == ["9.0.0.0/8", "10.0.0.0/8", "10.0.0.0/16", "::/0", "2001:db8::/32", "2001:db8::/48"])
    }

    @Test func equalPrefixesHashTheSame() throws {
        let spellings = ["2001:DB8::/32", "2001:0db8:0000::/32", "2001:db8:0:0:0:0:0:0/32"]
        let prefixes = try Set(spellings.map { try IPPrefix.parse($0) })
        #expect(prefixes.count == 1)
        #expect(try IPPrefix.parse("10.0.0.0/8") != IPPrefix.parse("10.0.0.0/16"))
    }
}
