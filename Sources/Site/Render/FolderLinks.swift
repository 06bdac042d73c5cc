/// Links written in Markdown to a folder (`[About](../about/)`) get `index.html` added, as the
/// generated links have, so they also work when the site is opened from disk.
enum FolderLinks {
    static func addIndexFiles(_ html: String) -> String {
        guard html.contains("/\"") || html.contains("/#") else { return html }
        var out = ""
        out.reserveCapacity(html.utf8.count + 64)
        var rest = Substring(html)
        while let range = rest.range(of: "href=\"") {
            out += rest[..<range.upperBound]
            rest = rest[range.upperBound...]
            guard let end = rest.firstIndex(of: "\"") else { break }
            out += rewrite(String(rest[..<end]))
            rest = rest[end...]
        }
        out += rest
        return out
    }

    /// "../about/" → "../about/index.html", "x/#y" → "x/index.html#y"; absolute URLs,
    /// root-relative paths and files are left alone.
    static func rewrite(_ link: String) -> String {
        guard !link.isEmpty, !link.hasPrefix("/"), !link.hasPrefix("#"), !LinkChecker.hasScheme(link) else { return link }
        let cut = link.firstIndex { $0 == "#" || $0 == "?" } ?? link.endIndex
        let path = link[..<cut]
        guard path.hasSuffix("/") else { return link }
        return path + "index.html" + link[cut...]
    }
}
