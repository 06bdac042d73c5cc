import Foundation
import OutageData

/// The slug `blackout new incident` puts in a file name: one the build accepts (SPEC §3,
/// lowercase `[a-z0-9-]`) whatever script the title is written in.
enum IncidentSlug {
    /// Longer slugs are cut at a hyphen, so that file names stay well under 255 bytes.
    static let maximumLength = 80

    /// The title's Latin letters and digits, folded to ASCII ("Título ñ" → "titulo-n"; "ﬁ",
    /// "Ⅻ" and "①" through their compatibility forms → "fi", "xii", "1"); the rest (other
    /// scripts, symbols) separates words. Nil when nothing is left ("断网").
    static func from(title: String) -> String? {
        var slug = Slug.latin(title.decomposedStringWithCompatibilityMapping)
        if slug.utf8.count > maximumLength {
            let cut = slug.prefix(maximumLength)
            slug = String(cut.lastIndex(of: "-").map { cut[..<$0] } ?? cut)
        }
        return slug.isEmpty ? nil : slug
    }

    /// For a title with nothing Latin in it: "incident-<n>", the smallest n no incident file
    /// or folder in `existing` (names in content/incidents) has as its slug.
    static func fallback(existing names: [String]) -> String {
        let taken = Set(names.map { name in
            Slug.fromFileName(name.hasSuffix(".md") ? String(name.dropLast(3)) : name)
        })
        var number = 1
        while taken.contains("incident-\(number)") { number += 1 }
        return "incident-\(number)"
    }
}
