/// Heading ids: a slug of the heading's plain text, made unique within a page.
enum HeadingID {
    /// The id used when a heading's text has no letter or digit.
    static let fallback = "section"

    /// Lowercased text; letters and decimal digits kept, with the combining marks that follow them
    /// (so decomposed "é" and scripts that need vowel signs survive); whitespace and "-" → "-";
    /// every other character dropped; runs of "-" collapsed; no "-" at either end; empty → "section".
    static func slug(_ text: String) -> String {
        var slug = String.UnicodeScalarView()
        var pendingHyphen = false
        var lastWasKept = false
        for scalar in text.lowercased().unicodeScalars {
            if isLetterOrDigit(scalar) || (lastWasKept && isCombiningMark(scalar)) {
                if pendingHyphen && !slug.isEmpty {
                    slug.append("-")
                }
                pendingHyphen = false
                slug.append(scalar)
                lastWasKept = true
            } else if scalar == "-" || scalar.properties.isWhitespace {
                pendingHyphen = true
                lastWasKept = false
            } else {
                lastWasKept = false
            }
        }
        return slug.isEmpty ? fallback : String(slug)
    }

    private static func isLetterOrDigit(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter, .decimalNumber:
            return true
        default:
            return false
        }
    }

    private static func isCombiningMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark:
            return true
        default:
            return false
        }
    }

    /// `value` escaped for a double-quoted HTML attribute. Slugs never need it; this keeps the
    /// markup well formed even if the slug rules change.
    static func escapeAttribute(_ value: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(value.utf8.count)
        for scalar in value.unicodeScalars {
            switch scalar {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }
}

/// Hands out ids that are unique among everything taken so far (GitHub style suffixes).
struct HeadingIDAllocator {
    private var taken: Set<String>
    /// The next suffix to try for a base, so n headings with the same text cost O(n), not O(n²).
    private var nextSuffix: [String: Int] = [:]

    init(reserved: Set<String>) {
        taken = reserved
    }

    /// `base` if it is free, else `base-1`, `base-2`, … — the first one nobody has taken.
    mutating func claim(_ base: String) -> String {
        if taken.insert(base).inserted {
            return base
        }
        var suffix = nextSuffix[base, default: 1]
        while taken.contains("\(base)-\(suffix)") {
            suffix += 1
        }
        let id = "\(base)-\(suffix)"
        taken.insert(id)
        nextSuffix[base] = suffix + 1
        return id
    }
}
