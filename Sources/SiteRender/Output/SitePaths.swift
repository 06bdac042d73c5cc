import OutageData

/// Where each kind of page lives in the output, as paths relative to the output root. A path
/// ending in "/" is a folder holding index.html.
package enum SitePaths {
    static let home = ""
    static let incidents = "incidents/"
    static let countries = "countries/"
    static let asns = "asns/"
    static let causes = "causes/"
    static let tags = "tags/"
    static let years = "years/"
    static let timeline = "timeline/"
    static let search = "search/"
    /// Where Pagefind writes its bundle (Site/Search/Pagefind.swift runs it).
    static let searchBundle = "pagefind/"

    package static func incident(_ slug: String) -> String { "incidents/\(slug)/" }
    static func country(_ code: String) -> String { "countries/\(code.lowercased())/" }
    static func asn(_ asn: ASN) -> String { "asns/\(asn.value)/" }
    static func cause(_ cause: Cause) -> String { "causes/\(cause.rawValue)/" }
    static func tag(_ slug: String) -> String { "tags/\(slug)/" }
    static func year(_ year: Int) -> String { "years/\(year)/" }
    static func page(_ slug: String) -> String { "\(slug)/" }

    /// Page `number` (1-based) of a paginated list at `base`.
    static func listPage(_ base: String, _ number: Int) -> String {
        number <= 1 ? base : "\(base)page/\(number)/"
    }

    /// The file written for a path: folders get index.html.
    package static func file(for path: String) -> String {
        path.isEmpty || path.hasSuffix("/") ? path + "index.html" : path
    }

    /// "../" once per folder level of `path`, so links from that page reach the site root.
    static func rootPrefix(from path: String) -> String {
        String(repeating: "../", count: path.count { $0 == "/" })
    }

    /// A link from the page at `from` to `to`, relative, ending in index.html for folders so the
    /// site also works opened from disk (file://), where servers' directory indexes do not exist.
    /// Tag slugs may keep non-Latin letters, so the path is percent-encoded.
    static func href(from: String, to: String) -> String {
        rootPrefix(from: from) + percentEncodePath(file(for: to))
    }
}
