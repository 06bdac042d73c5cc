import OutageData
import SiteModel
import Templates

/// What every page has (README, "Template variables"): the site, links up to the root, the
/// navigation and the page's own metadata. The page's content view is asked first.
final class PageView: TemplateObject {
    let frame: FrameView
    let content: any TemplateObject

    init(frame: FrameView, content: any TemplateObject) {
        self.frame = frame
        self.content = content
    }

    func value(_ key: Int) -> TemplateValue? {
        content.value(key) ?? frame.value(key)
    }
}

/// A class: every page's objects (`page`, nav items) refer to one frame instead of copying it.
final class FrameView: TemplateObject {
    let site: PreparedSite
    /// The page's output path ("incidents/north-korea/", "" for home, "404.html").
    let path: String
    let root: String
    let title: String
    let description: String
    let ogType: String
    let jsonLD: String
    /// Which main section the page belongs to, for `nav[].current`.
    let section: String
    /// Only on 404.html: the path of base_url, for <base>.
    let baseHref: String?

    init(site: PreparedSite, path: String, title: String, description: String, ogType: String = "website", jsonLD: String? = nil,
         section: String = "", baseHref: String? = nil) {
        let config = site.graph.config
        self.site = site
        self.path = path
        self.root = SitePaths.rootPrefix(from: path)
        self.title = title
        self.description = description.isEmpty ? config.description : description
        self.ogType = ogType
        self.section = section
        self.baseHref = baseHref
        self.jsonLD = jsonLD ?? StructuredData.page(path: path, title: title, config: config)
    }

    /// The main sections, in the header's order: (title, site path, section key, encoded file).
    private static let sections: [(String, String, String, String)] = [
        ("Incidents", SitePaths.incidents, "incidents"),
        ("Timeline", SitePaths.timeline, "timeline"),
        ("Countries", SitePaths.countries, "countries"),
        ("Causes", SitePaths.causes, "causes"),
    ].map { ($0.0, $0.1, $0.2, percentEncodePath(SitePaths.file(for: $0.1))) }

    private static let searchSection = ("Search", SitePaths.search, "search", percentEncodePath(SitePaths.file(for: SitePaths.search)))

    func value(_ key: Int) -> TemplateValue? {
        switch Name(key) {
        case .site: .object(site.siteView)
        case .root: .text(root)
        case .homeHref: .link(root, "index.html")
        case .feedHref: .link(root, "feed.xml")
        case .assets: .link(root, "assets/")
        case .nav:
            // Search joins the main sections when site.yml turns it on.
            .list((site.graph.config.search == nil ? Self.sections : Self.sections + [Self.searchSection]).map { title, _, key, target in
                .record([(.title, .text(title)), (.href, .link(root, target)), (.current, .bool(section == key))])
            })
        case .menu:
            .list(site.menu.map { link in
                .record([(.title, .text(link.title)), (.href, .link(root, link.target)), (.current, .bool(link.path == path))])
            })
        case .hasMenu: .bool(!site.menu.isEmpty)
        case .page: .object(PageMetaView(frame: self))
        case .baseHref: baseHref.map(TemplateValue.text)
        // Present only when site.yml turns search on: where Pagefind's bundle is.
        case .search:
            site.graph.config.search == nil ? nil : .record([(.bundle, .text(root + SitePaths.searchBundle))])
        default: nil
        }
    }
}

/// `page.*`: the page's title, description, canonical URL and JSON-LD.
final class PageMetaView: TemplateObject {
    let frame: FrameView

    init(frame: FrameView) { self.frame = frame }

    func value(_ key: Int) -> TemplateValue? {
        switch Name(key) {
        case .title: .text(frame.title)
        case .isHome: .bool(frame.path.isEmpty)
        case .description: .text(frame.description)
        case .canonical: .joined(frame.site.graph.config.baseURL, frame.path)
        case .ogType: .text(frame.ogType)
        case .path: .text(frame.path)
        case .jsonLD: .text(frame.jsonLD)
        default: nil
        }
    }
}

/// `site.*`: from site.yml.
final class SiteView: TemplateObject, Sendable {
    let config: SiteConfig

    init(config: SiteConfig) { self.config = config }

    func value(_ key: Int) -> TemplateValue? {
        switch Name(key) {
        case .title: .text(config.title)
        case .description: .text(config.description)
        case .language: .text(config.language)
        case .author: .text(config.author)
        case .baseURL: .text(config.baseURL)
        default: nil
        }
    }
}
