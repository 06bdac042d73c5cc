import Diagnostics
import OutageData

extension YAMLReader {
    /// The slug of an incident or page: `slug:` when given, else the one from the file name,
    /// with the location to blame in a collision. Nil (with an error) when it is not valid.
    mutating func slug(in mapping: YAMLMapping, defaultSlug: String) -> (slug: String, location: SourceLocation)? {
        if let node = value("slug", in: mapping) {
            guard let text = scalarText(node, key: "slug", expected: "a string") else { return nil }
            guard Slug.isValid(text) else {
                error("\"slug\" must use only lowercase letters, digits and hyphens: \"\(text)\"\(Self.suggestion(for: text))", at: node)
                return nil
            }
            return (text, location(of: node))
        }
        let fileStart = SourceLocation(file: file, line: 1, column: 1)
        guard Slug.isValid(defaultSlug) else {
            error("the file name gives the slug \"\(defaultSlug)\", which is not lowercase letters, digits and hyphens: "
                  + "rename the file or set \"slug\"\(Self.suggestion(for: defaultSlug))", at: fileStart)
            return nil
        }
        return (defaultSlug, fileStart)
    }

    /// " (try "…")" with a valid slug made of the text's Latin letters and digits, or nothing
    /// when it has none (a suggestion the next build rejects would not help).
    static func suggestion(for text: String) -> String {
        let latin = Slug.latin(text)
        return Slug.isValid(latin) ? " (try \"\(latin)\")" : ""
    }
}
