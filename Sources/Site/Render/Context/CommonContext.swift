import OutageData

/// Values every HTML template receives (see README, "Template variables"). Built per page
/// because links are relative to the page's own folder.
struct CommonContext {
    let graph: SiteGraph

    /// - Parameters:
    ///   - path: the page's output path ("incidents/north-korea/", "" for home, "404.html").
    ///   - title: the page's own title (the template adds the site title).
    func make(path: String, title: String, description: String, ogType: String = "website",
              jsonLD: JSON? = nil, section: String = "") -> [String: Any] {
        let config = graph.config
        let root = SitePaths.rootPrefix(from: path)
        let canonical = config.baseURL + path
        let menu: [[String: Any]] = graph.menuPages.map { page in
            let target = SitePaths.page(page.slug)
            return ["title": page.title, "href": SitePaths.href(from: path, to: target), "current": target == path]
        }
        let nav: [[String: Any]] = [
            ("Incidents", SitePaths.incidents, "incidents"),
            ("Timeline", SitePaths.timeline, "timeline"),
            ("Countries", SitePaths.countries, "countries"),
            ("Causes", SitePaths.causes, "causes"),
        ].map { name, target, key in
            ["title": name, "href": SitePaths.href(from: path, to: target), "current": section == key]
        }
        let ld = jsonLD ?? .object([
            ("@context", .string("https://schema.org")),
            ("@type", .string(path.isEmpty ? "WebSite" : "WebPage")),
            ("name", .string(path.isEmpty ? config.title : title)),
            ("url", .string(canonical)),
        ])
        return [
            "site": [
                "title": config.title,
                "description": config.description,
                "language": config.language,
                "author": config.author,
                "base_url": config.baseURL,
            ] as [String: Any],
            "root": root,
            "home_href": SitePaths.href(from: path, to: SitePaths.home),
            "feed_href": root + "feed.xml",
            "assets": root + "assets/",
            "nav": nav,
            "menu": menu,
            "has_menu": !menu.isEmpty,
            "page": [
                "title": title,
                "is_home": path.isEmpty,
                "description": description.isEmpty ? config.description : description,
                "canonical": canonical,
                "og_type": ogType,
                "path": path,
                // JSON inside <script>: "<" is escaped by the JSON writer, so this cannot end the element.
                "json_ld": ld.serialized(indent: nil),
            ] as [String: Any],
        ]
    }
}

extension Dictionary where Key == String, Value == Any {
    /// Adds the page-specific values to the common ones.
    func merging(_ other: [String: Any]) -> [String: Any] {
        merging(other) { _, new in new }
    }
}
