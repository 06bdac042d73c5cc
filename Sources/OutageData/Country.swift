/// A country or territory of ISO 3166-1 (the table is generated from Debian's iso-codes).
public struct Country: Sendable, Hashable, Comparable {
    /// "KP"
    public let alpha2: String
    /// "PRK"
    public let alpha3: String
    /// The common name when iso-codes has one, else the ISO name: "North Korea", "Egypt", "Iran".
    public let name: String
    public let officialName: String?
    /// `name` with diacritics folded and lowercased, so "Åland Islands" sorts among the A's.
    private let sortKey: String

    init(alpha2: String, alpha3: String, name: String, officialName: String?) {
        self.alpha2 = alpha2
        self.alpha3 = alpha3
        self.name = name
        self.officialName = officialName
        self.sortKey = LatinFolding.sortKey(name)
    }

    /// Ordered by name as a reader expects, ignoring accents and case.
    public static func < (lhs: Country, rhs: Country) -> Bool {
        if lhs.sortKey != rhs.sortKey { return lhs.sortKey < rhs.sortKey }
        return lhs.alpha2 < rhs.alpha2
    }

    /// Two ASCII letters in any case ("kp", "KP"); the entry, or nil if ISO 3166-1 has none.
    public static func lookup(alpha2: String) -> Country? {
        let bytes = Array(alpha2.utf8)
        guard bytes.count == 2, bytes.allSatisfy(isASCIILetter) else { return nil }
        return byAlpha2[alpha2.uppercased()]
    }

    /// Every entry, sorted by alpha-2 code.
    public static var all: [Country] { table }

    private static let byAlpha2: [String: Country] = {
        var index: [String: Country] = [:]
        for country in table {
            index[country.alpha2] = country
        }
        return index
    }()

    private static func isASCIILetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
    }
}
