import Foundation
import Testing
@testable import SiteModel
@testable import SiteRender

/// sitemaps.org: at most 50,000 URLs per file; past that, sitemap.xml is an index.
@Suite struct SitemapTests {
    private func count(_ text: String, _ tag: String) -> Int {
        text.components(separatedBy: "<\(tag)>").count - 1
    }

    @Test func upToTheLimitOneFile() {
        let paths = (0..<50_000).map { "incidents/i\($0)/" } + ["404.html"]
        let files = Feeds.sitemaps(paths: paths, config: SiteConfig())
        #expect(files.map(\.path) == ["sitemap.xml"])
        #expect(count(files[0].text, "url") == 50_000)
    }

    @Test func pastTheLimitAnIndexAndParts() {
        let paths = (0..<100_001).map { "incidents/i\($0)/" }
        var config = SiteConfig()
        config.baseURL = "https://example.org/archive/"
        let files = Feeds.sitemaps(paths: paths, config: config)
        #expect(files.map(\.path) == ["sitemap.xml", "sitemap-1.xml", "sitemap-2.xml", "sitemap-3.xml"])
        #expect(files[0].text.contains("<sitemapindex "))
        #expect(count(files[0].text, "sitemap") == 3)
        #expect(files[0].text.contains("<loc>https://example.org/archive/sitemap-3.xml</loc>"))
        #expect(files.dropFirst().map { count($0.text, "url") } == [50_000, 50_000, 1])
        #expect(files[3].text.contains("<loc>https://example.org/archive/incidents/i100000/</loc>"))
    }
}
