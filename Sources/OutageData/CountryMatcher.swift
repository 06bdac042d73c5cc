/// How a dataset column writes its countries.
public enum CountryMatchMode: String, Sendable, CaseIterable {
    /// A name: "Democratic Republic of the Congo", "Congo, Dem. Rep.", "DRC", "Türkiye".
    case name
    /// An ISO 3166-1 alpha-2 code in any case: "cd", "CD".
    case alpha2
    /// An ISO 3166-1 alpha-3 code in any case: "cod", "COD".
    case alpha3
}

/// Country names as real tables write them.
///
/// A name matches when its normalised form equals that of a known name: the ISO name, the
/// common name, the official name, or one of the spellings that the World Bank, the UN,
/// Access Now, IODA and everyday English use (`CountryMatcherAliases.swift`). Normalising
/// folds case and Latin diacritics ("Türkiye" = "turkiye"), ignores punctuation and spacing
/// ("Timor Leste" = "Timor-Leste", "Cote dIvoire" = "Côte d'Ivoire") and the words "the",
/// "and" and "of" ("Trinidad & Tobago"), and reads "Dem.", "Rep.", "Fed.", "Sts." and "St."
/// in full. An inverted name is read both ways: "Congo, The Democratic Republic of the" and
/// "Korea (Democratic People's Republic of)" match as "Democratic Republic of the Congo" and
/// "Democratic People's Republic of Korea". Then a trailing parenthesis is dropped, so
/// "Ukraine (Crimea)" is Ukraine; spellings that a parenthesis decides are listed whole
/// ("Congo (Kinshasa)" is CD, though "Congo" alone is CG). Last, when the text before it
/// names nothing, the parenthesis is read as an alternative: a name or alias, or a code in
/// capitals ("Democratic Republic of (DRC)", an export cut short, is CD; so is "… (COD)").
///
/// Kosovo, Somaliland and a few other places that ISO 3166-1 does not list match nothing and
/// get no suggestion (see `unrecognised`); "XK" and "XKX" are not codes either.
public enum CountryMatcher {
    /// The country `cell` names, or nil; surrounding whitespace is ignored.
    ///
    /// In `alpha2` mode "UK", which ISO 3166 reserves for the United Kingdom, is GB as well.
    public static func match(_ cell: String, mode: CountryMatchMode) -> Country? {
        switch mode {
        case .name:
            return matchName(cell)
        case .alpha2:
            let code = CellText.trimmed(cell)
            if code.utf8.count == 2, code.uppercased() == "UK" {
                return Country.lookup(alpha2: "GB")
            }
            return Country.lookup(alpha2: code)
        case .alpha3:
            return lookup(alpha3: CellText.trimmed(cell))
        }
    }

    /// For an unmatched name, the closest known name's country (for "did you mean"), or nil:
    /// a code ("KP", "PRK") in a name column gives its country; otherwise a known name within a
    /// few typing mistakes (1 for names of up to 5 letters, 2 up to 8, 3 beyond), counting a
    /// swap of neighbours as one ("Mynamar" → Myanmar, "Phillipines" → Philippines). When two
    /// countries are equally close there is no suggestion. A name that matches gives its country.
    public static func suggestion(for cell: String) -> Country? {
        if let country = matchName(cell) { return country }
        let key = normalised(cell)
        guard !key.isEmpty, !unrecognisedKeys.contains(key) else { return nil }
        let code = CellText.trimmed(cell)
        if code.utf8.count == 2 || code.utf8.count == 3 {
            if let country = match(code, mode: code.utf8.count == 2 ? .alpha2 : .alpha3) { return country }
        }
        let target = Array(key.utf8)
        guard target.count >= 4 else { return nil }
        let limit = target.count <= 5 ? 1 : target.count <= 8 ? 2 : 3
        var best: (distance: Int, country: Country)?
        var tied = false
        for (candidate, country) in suggestionKeys where abs(candidate.count - target.count) <= limit {
            guard let distance = editDistance(target, candidate, limit: limit) else { continue }
            if let current = best {
                if distance < current.distance {
                    best = (distance, country)
                    tied = false
                } else if distance == current.distance, country != current.country {
                    tied = true
                }
            } else {
                best = (distance, country)
            }
        }
        return tied ? nil : best?.country
    }

    // MARK: - Names

    private static func matchName(_ cell: String) -> Country? {
        let key = normalised(cell)
        guard !key.isEmpty, !unrecognisedKeys.contains(key) else { return nil }
        if let country = byName[key] { return country }
        if let variant = inverted(cell), let country = byName[normalised(variant)] { return country }
        guard let (before, inside) = parenthesis(cell) else { return nil }
        let beforeKey = normalised(before)
        if let country = byName[beforeKey] { return country }
        // "Kosovo (Serbia)": a place that ISO 3166-1 does not list stays unmatched.
        guard !unrecognisedKeys.contains(beforeKey) else { return nil }
        return matchAlternative(inside)
    }

    /// The text inside a trailing parenthesis, as another way to write the country. A code
    /// counts only in capitals, so that a word such as "(in)" or "(me)" is not India or
    /// Montenegro. Not recursive: "(…)" is read as a whole name, its inversion, or a code.
    private static func matchAlternative(_ text: String) -> Country? {
        let key = normalised(text)
        guard !key.isEmpty, !unrecognisedKeys.contains(key) else { return nil }
        if let country = byName[key] { return country }
        if let variant = inverted(text), let country = byName[normalised(variant)] { return country }
        let code = CellText.trimmed(text)
        guard code.utf8.allSatisfy({ (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) }) else { return nil }
        switch code.utf8.count {
        case 2: return match(code, mode: .alpha2)
        case 3: return match(code, mode: .alpha3)
        default: return nil
        }
    }

    /// Normalised name → country. Exact spellings first, then their inversions, then ISO names
    /// without a trailing parenthesis; an earlier entry is never replaced by a later one.
    static let byName: [String: Country] = {
        var isoNames: [(String, Country)] = []
        for country in Country.all {
            isoNames.append((country.name, country))
            if let official = country.officialName {
                isoNames.append((official, country))
            }
        }
        let names = isoNames + aliases.compactMap { alias in
            Country.lookup(alpha2: alias.alpha2).map { (alias.name, $0) }
        }
        var index: [String: Country] = [:]
        func add(_ name: String?, _ country: Country) {
            guard let name else { return }
            let key = normalised(name)
            if !key.isEmpty, index[key] == nil {
                index[key] = country
            }
        }
        for (name, country) in names { add(name, country) }
        for (name, country) in names { add(inverted(name), country) }
        // "Holy See (Vatican City State)" → "Holy See". Only for ISO names: an alias's
        // parenthesis is what distinguishes it ("Virgin Islands (U.S.)").
        for (name, country) in isoNames { add(withoutParenthesis(name), country) }
        return index
    }()

    private static let unrecognisedKeys = Set(unrecognised.map(normalised))

    /// The keys of `byName` as bytes, sorted so that the suggestion does not depend on hashing.
    private static let suggestionKeys: [([UInt8], Country)] = byName
        .filter { $0.key.utf8.count >= 4 }
        .sorted { $0.key < $1.key }
        .map { (Array($0.key.utf8), $0.value) }

    private static let byAlpha3: [String: Country] = {
        var index: [String: Country] = [:]
        for country in Country.all {
            index[country.alpha3] = country
        }
        return index
    }()

    private static func lookup(alpha3: String) -> Country? {
        guard alpha3.utf8.count == 3,
              alpha3.utf8.allSatisfy({ (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0 | 0x20) })
        else { return nil }
        return byAlpha3[alpha3.uppercased()]
    }

    /// "Congo, Dem. Rep." → "Dem. Rep. Congo"; "Bolivia (Plurinational State of)" →
    /// "Plurinational State of Bolivia"; nil for a name with neither form.
    static func inverted(_ name: String) -> String? {
        if let comma = name.firstIndex(of: ",") {
            return String(name[name.index(after: comma)...]) + " " + String(name[..<comma])
        }
        if let (before, inside) = parenthesis(name) {
            return inside + " " + before
        }
        return nil
    }

    /// "Ukraine (Crimea)" → "Ukraine"; nil without a trailing parenthesis.
    static func withoutParenthesis(_ name: String) -> String? {
        parenthesis(name)?.before
    }

    /// The text before a trailing "(…)" and the text inside it.
    private static func parenthesis(_ name: String) -> (before: String, inside: String)? {
        let trimmed = CellText.trimmed(name)
        guard trimmed.hasSuffix(")"), let open = trimmed.lastIndex(of: "("), open > trimmed.startIndex else { return nil }
        let inside = trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)]
        return (String(trimmed[..<open]), String(inside))
    }

    private static let ignoredWords: Set<String> = ["the", "and", "of"]
    private static let abbreviations: [String: String] = [
        "dem": "democratic", "rep": "republic", "fed": "federated", "sts": "states", "st": "saint",
    ]

    /// The comparison form of a name: its words lowercased, Latin letters folded to ASCII,
    /// abbreviations spelt out, "the", "and" and "of" dropped, and the rest run together.
    /// "Congo, The Democratic Republic of the" → "congodemocraticrepublic".
    static func normalised(_ name: String) -> String {
        var key = ""
        var word = ""
        var afterLatinLetter = false
        func endWord() {
            if !word.isEmpty, !ignoredWords.contains(word) {
                key += abbreviations[word] ?? word
            }
            word = ""
        }
        for scalar in name.unicodeScalars {
            if let folded = LatinFolding.fold(scalar) {
                word += folded
                afterLatinLetter = true
            } else if LatinFolding.isCombiningMark(scalar) {
                if !afterLatinLetter && !word.isEmpty {
                    word.unicodeScalars.append(scalar)
                }
            } else if scalar.properties.isAlphabetic || scalar.properties.generalCategory == .decimalNumber {
                word += scalar.properties.lowercaseMapping
                afterLatinLetter = false
            } else {
                endWord()
                afterLatinLetter = false
            }
        }
        endWord()
        return key
    }

    /// The optimal-string-alignment distance (insertions, deletions, substitutions and swaps
    /// of neighbours), or nil when it exceeds `limit`.
    private static func editDistance(_ a: [UInt8], _ b: [UInt8], limit: Int) -> Int? {
        if a.isEmpty || b.isEmpty {
            let distance = max(a.count, b.count)
            return distance <= limit ? distance : nil
        }
        var previousPrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMinimum = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = min(value, previousPrevious[j - 2] + 1)
                }
                current[j] = value
                rowMinimum = min(rowMinimum, value)
            }
            if rowMinimum > limit { return nil }
            swap(&previousPrevious, &previous)
            swap(&previous, &current)
        }
        let distance = previous[b.count]
        return distance <= limit ? distance : nil
    }
}
