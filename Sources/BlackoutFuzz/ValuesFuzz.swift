#if BLACKOUT_FUZZ
import OutageData

/// The first byte picks the value parser; the rest is the text: 0 a CIDR prefix, 1 an http(s)
/// URL, 2 a slug (slugify, isValid, fromFileName), 3 an ASN.
enum ValuesFuzz {
    static func run(_ bytes: [UInt8]) {
        guard let selector = bytes.first else { return }
        let text = String(decoding: bytes.dropFirst(), as: UTF8.self)
        switch selector % 4 {
        case 0: prefix(text)
        case 1: url(text)
        case 2: slug(text)
        default: asn(text)
        }
    }

    static func prefix(_ text: String) {
        guard let prefix = try? IPPrefix.parse(text) else { return }
        let canonical = prefix.description
        let again = try? IPPrefix.parse(canonical)
        check(again == prefix, "\(text) → \(canonical) does not read back")
        check(again?.description == canonical, "\(canonical) is not canonical")
    }

    static func url(_ text: String) {
        let valid = (try? validateHTTPURL(text)) != nil
        let host = urlHost(text)
        check(valid == (host != nil), "validateHTTPURL and urlHost disagree on \(text)")
        if let host {
            check(!host.isEmpty, "empty host for \(text)")
            check(!host.unicodeScalars.contains { $0.value <= 0x20 }, "host with spaces or controls for \(text)")
        }
    }

    static func slug(_ text: String) {
        let slug = Slug.slugify(text)
        check(!slug.isEmpty, "empty slug")
        check(!slug.hasPrefix("-") && !slug.hasSuffix("-"), "slug \(slug) starts or ends with -")
        check(!slug.contains("--"), "slug \(slug) has --")
        for byte in slug.utf8 where byte < 0x80 {
            let ok = (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                || byte == UInt8(ascii: "-")
            check(ok, "slug \(slug) of \(text) has ASCII byte \(byte)")
        }
        if slug.utf8.allSatisfy({ $0 < 0x80 }) { check(Slug.isValid(slug), "ASCII slug \(slug) is not valid") }
        let fromFile = Slug.fromFileName(text)
        // In bytes: "2014-12-22-\u{301}n" gives "\u{301}n", which is not a suffix in Characters.
        check(Array(text.utf8).suffix(fromFile.utf8.count).elementsEqual(fromFile.utf8), "fromFileName \(fromFile) is not a suffix of \(text)")
    }

    static func asn(_ text: String) {
        guard let asn = try? ASN.parse(text) else { return }
        _ = asn.reservedReason
        _ = asn.description
    }
}
#endif
