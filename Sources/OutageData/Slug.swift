/// URL path segments made from file names and free text.
public enum Slug {
    /// Lowercase `[a-z0-9-]` only, non-empty.
    public static func isValid(_ s: String) -> Bool {
        !s.isEmpty && s.utf8.allSatisfy { byte in
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                || byte == UInt8(ascii: "-")
        }
    }

    /// "2014-12-22-north-korea" → "north-korea": strips one leading `YYYY-MM-DD-` (digits,
    /// not checked as a calendar date) when something remains after it; "about" → "about".
    public static func fromFileName(_ stem: String) -> String {
        let bytes = Array(stem.utf8)
        let pattern = Array("0000-00-00-".utf8)
        guard bytes.count > pattern.count else { return stem }
        for (byte, expected) in zip(bytes, pattern) {
            let matches = expected == UInt8(ascii: "-")
                ? byte == expected
                : (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
            if !matches { return stem }
        }
        return String(decoding: bytes[pattern.count...], as: UTF8.self)
    }

    /// Free text → a slug for tag URLs: "BGP / Routing" → "bgp-routing", "Côte d'Ivoire" →
    /// "cote-d-ivoire", "Straße" → "strasse". Lowercase; Latin letters folded to ASCII; every
    /// run of other characters becomes one "-", trimmed at both ends.
    ///
    /// Letters of other scripts are kept, lowercased, with their combining marks ("Блокировка"
    /// → "блокировка", "इंटरनेट" stays whole): dropping them would make distinct tags collide,
    /// and browsers show such paths readably. Such a slug is not `isValid` (which is ASCII
    /// only); whoever writes it into an href percent-encodes it as any path. Never empty:
    /// text with no letters or digits at all gives "tag".
    public static func slugify(_ text: String) -> String {
        var slug = ""
        var pendingSeparator = false
        var previous = Previous.separator
        for scalar in text.unicodeScalars {
            if let folded = LatinFolding.fold(scalar) {
                append(folded, to: &slug, &pendingSeparator)
                previous = .latin
            } else if LatinFolding.isCombiningMark(scalar), previous != .separator {
                // An accent on a Latin letter is dropped; a mark of another script is part of the letter.
                if previous == .otherScript {
                    slug += String(scalar)
                }
            } else if scalar.properties.isAlphabetic || scalar.properties.generalCategory == .decimalNumber {
                append(scalar.properties.lowercaseMapping, to: &slug, &pendingSeparator)
                previous = .otherScript
            } else {
                pendingSeparator = true
                previous = .separator
            }
        }
        return slug.isEmpty ? "tag" : slug
    }

    /// Like `slugify`, but ASCII only, so the result is `isValid` unless empty: Latin letters
    /// folded ("Título ñ" → "titulo-n"), and letters of other scripts, like every other
    /// character, separate words ("Cable cut in Дагестан" → "cable-cut-in"; "断网" → "").
    public static func latin(_ text: String) -> String {
        var slug = ""
        var pendingSeparator = false
        var afterLatin = false
        for scalar in text.unicodeScalars {
            if let folded = LatinFolding.fold(scalar) {
                append(folded, to: &slug, &pendingSeparator)
                afterLatin = true
            } else if afterLatin && LatinFolding.isCombiningMark(scalar) {
                continue  // an accent on a Latin letter
            } else {
                pendingSeparator = true
                afterLatin = false
            }
        }
        return slug
    }

    private enum Previous {
        case separator, latin, otherScript
    }

    /// Appends, putting one "-" first if separators came since the last letter (never leading).
    private static func append(_ part: String, to slug: inout String, _ pendingSeparator: inout Bool) {
        if pendingSeparator && !slug.isEmpty {
            slug += "-"
        }
        pendingSeparator = false
        slug += part
    }
}
