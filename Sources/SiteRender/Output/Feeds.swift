import OutageData
import SiteModel

/// Atom feed, sitemap and robots.txt, written directly (not through templates) so they are
/// always well-formed XML whatever the theme does.
package enum Feeds {
    static let feedSize = 50

    /// Atom 1.0 with the newest incidents; an incident's `updated` (or its start) dates its entry.
    package static func atom(_ graph: SiteGraph) -> String {
        let config = graph.config
        let entries = graph.incidents.prefix(feedSize)
        let newest = entries.map { $0.updated ?? $0.start }.max()
        var xml = """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\(Escape.xml(config.language))">
          <title>\(Escape.xml(config.title))</title>

        """
        if !config.description.isEmpty { xml += "  <subtitle>\(Escape.xml(config.description))</subtitle>\n" }
        xml += """
          <id>\(Escape.xml(config.baseURL))</id>
          <link rel="self" type="application/atom+xml" href="\(Escape.xml(config.baseURL))feed.xml"/>
          <link rel="alternate" type="text/html" href="\(Escape.xml(config.baseURL))"/>
          <updated>\((newest ?? Timestamp(seconds: 0)).rfc3339)</updated>
          <author><name>\(Escape.xml(config.author.isEmpty ? config.title : config.author))</name></author>
          <generator>Blackout</generator>

        """
        for incident in entries {
            let url = config.baseURL + SitePaths.incident(incident.slug)
            xml += """
              <entry>
                <title>\(Escape.xml(incident.title))</title>
                <id>\(Escape.xml(url))</id>
                <link rel="alternate" type="text/html" href="\(Escape.xml(url))"/>
                <published>\(incident.start.rfc3339)</published>
                <updated>\((incident.updated ?? incident.start).rfc3339)</updated>
                <summary>\(Escape.xml(incident.factsLine + (incident.summary.isEmpty ? "" : ". " + incident.summary)))</summary>

            """
            for name in incident.authors { xml += "    <author><name>\(Escape.xml(name))</name></author>\n" }
            xml += "    <category term=\"\(Escape.xml(incident.cause.rawValue))\" label=\"\(Escape.xml(incident.cause.label))\"/>\n"
            xml += "  </entry>\n"
        }
        return xml + "</feed>\n"
    }

    /// Every HTML page except 404.html, in the given order.
    /// sitemaps.org allows 50,000 URLs in one file.
    static let sitemapLimit = 50_000

    /// `sitemap.xml`; past `limit` URLs, `sitemap.xml` becomes a sitemap index pointing at
    /// `sitemap-1.xml`, `sitemap-2.xml`, … of at most `limit` URLs each.
    package static func sitemaps(paths: [String], config: SiteConfig, limit: Int = sitemapLimit) -> [(path: String, text: String)] {
        let urls = paths.filter { $0 != "404.html" }
        guard urls.count > limit else { return [("sitemap.xml", urlset(urls, config: config))] }
        var files: [(path: String, text: String)] = []
        var index = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for (number, start) in stride(from: 0, to: urls.count, by: limit).enumerated() {
            let name = "sitemap-\(number + 1).xml"
            files.append((name, urlset(urls[start..<min(start + limit, urls.count)], config: config)))
            index += "  <sitemap><loc>\(Escape.xml(config.baseURL + name))</loc></sitemap>\n"
        }
        return [("sitemap.xml", index + "</sitemapindex>\n")] + files
    }

    private static func urlset(_ paths: some Sequence<String>, config: SiteConfig) -> String {
        var xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for path in paths {
            xml += "  <url><loc>\(Escape.xml(config.baseURL + path))</loc></url>\n"
        }
        return xml + "</urlset>\n"
    }

    package static func robots(config: SiteConfig) -> String {
        "User-agent: *\nAllow: /\n\nSitemap: \(config.baseURL)sitemap.xml\n"
    }
}
