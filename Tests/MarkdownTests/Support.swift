import Testing

/// Every `<h1>` … `<h6>` opening tag in `html`, with its id attribute if it has exactly that form.
func headingTags(in html: String) -> [(level: Int, id: String?)] {
    html.matches(of: #/<h([1-6])(?: id="([^"]*)")?>/#).map { match in
        (level: Int(match.output.1) ?? 0, id: match.output.2.map(String.init))
    }
}

/// How many times `needle` occurs in `haystack` (non-overlapping).
func occurrences(of needle: String, in haystack: String) -> Int {
    haystack.ranges(of: needle).count
}

/// True if `id` only has letters, combining marks, decimal digits and "-", the characters an id
/// may have; so it is safe inside a double-quoted attribute.
func isAttributeSafeID(_ id: String) -> Bool {
    !id.isEmpty && id.unicodeScalars.allSatisfy { scalar in
        if scalar == "-" { return true }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .nonspacingMark, .spacingMark:
            return true
        default:
            return false
        }
    }
}
