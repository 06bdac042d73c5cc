import Foundation
import Testing
@testable import Templates

/// The repository's own theme (templates/ and templates/partials/) registered in both engines
/// and rendered over hand-made page data that goes through its sections.
@Suite struct ThemeDifferentialTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Templates by the name the theme registers them under (partials without their folder).
    static func themeTemplates() throws -> [String: String] {
        var templates: [String: String] = [:]
        for folder in ["templates", "templates/partials"] {
            let url = repository.appendingPathComponent(folder)
            for file in try FileManager.default.contentsOfDirectory(atPath: url.path) where file.hasSuffix(".mustache") {
                templates[String(file.dropLast(".mustache".count))] = try String(contentsOf: url.appendingPathComponent(file), encoding: .utf8)
            }
        }
        return templates
    }

    static let row: Tree = ["status": "ongoing", "start_iso": "2024-01-02T03:04Z", "start_utc": "2 Jan 2024 03:04", "duration": "3 h",
                            "place": "Iran & Iraq", "cause": "Government <order>", "href": "incidents/a.html", "title": "Shutdown \"A\"",
                            "status_label": "Ongoing"]

    static let full: Tree = [
        "site": ["title": "Outages & <Co>", "language": "en", "description": "Archive of 'shutdowns'"],
        "page": ["is_home": false, "title": "Title <1>", "description": "Desc \"q\"", "canonical": "https://x/y.html", "og_type": "article",
                 "json_ld": "{\"@type\": \"Article\", \"x\": \"<&>\"}"],
        "base_href": "../../", "assets": "../assets/", "feed_href": "../feed.xml", "home_href": "../index.html", "root": "../",
        "nav": [["href": "a.html", "title": "Incidents", "current": true], ["href": "b.html", "title": "Countries", "current": false]],
        "menu": [["href": "about.html", "title": "About & more"]],
        "intro": ["title": "Welcome", "body": "<p>Hello\nworld</p>\n<ul>\n<li>x</li>\n</ul>"],
        "stats": ["incidents": 12, "countries": 5, "outage_hours": "1,234", "years": 3],
        "has_years": true,
        "years": [["href": "y/2024.html", "percent": 100, "year": 2024, "count": 7, "count_text": "7 incidents",
                   "rows": [row, ["status": "resolved", "title": "B", "href": "b.html", "place": nil, "cause": "Cable"]]],
                  ["href": nil, "percent": 0, "year": 2023, "count": 0, "count_text": "none", "rows": []]],
        "timeline_svg": "<svg>\n  <rect/>\n</svg>", "timeline_href": "timeline.html", "svg": "<svg/>",
        "has_latest": true, "rows": [row, row], "incidents_href": "incidents/index.html",
        "search": ["bundle": "../pagefind/"], "causes_href": "c.html", "years_href": "y.html",
        "taxonomy_href": "countries.html", "taxonomy_heading": "Countries", "heading": "Iran", "count_text": "2 incidents",
        "has_hours_by_year": true, "hours_svg": "<svg>h</svg>",
        "hours_by_year": [["year": 2024, "incidents": 2, "hours": "5.5", "percent": 100], ["year": 2023, "incidents": 0, "hours": "0", "percent": 0]],
        "has_rows": true,
        "pagination": ["prev_href": "page1.html", "next_href": nil,
                       "pages": [["number": 1, "href": "page1.html", "current": false], ["number": 2, "href": "page2.html", "current": true]]],
        "has_terms": true, "terms": [["href": "t.html", "name": "Term <x>", "count": 3, "hours": "1"]],
        "content": ["title": "About", "body": "<p>About us</p>\n<p>More</p>"],
        "incident": [
            "status": "resolved", "status_label": "Resolved", "title": "Cut in \"North\"", "facts_line": "Iran · 3 h",
            "timezone": "Asia/Tehran",
            "start": ["iso": "2024-01-02T03:04Z", "utc": "2 Jan 03:04", "local": "2 Jan 06:34"],
            "end": ["iso": "2024-01-02T06:04Z", "utc": "2 Jan 06:04", "local": nil],
            "show_summary": true, "summary": "A summary & more", "duration": "3 h",
            "has_countries": true, "countries": [["href": "c/ir.html", "name": "Iran", "code": "IR"]],
            "has_regions": true, "regions": ["Tehran", "Fars"],
            "has_networks": true, "networks": [["href": "n/1.html", "asn": "AS1", "name": "Net <1>"], ["href": "n/2.html", "asn": "AS2", "name": nil]],
            "has_prefixes": false, "prefixes": ["10.0.0.0/8"],
            "has_affected": true, "affected": ["mobile", "fixed"],
            "scope": ["label": "National"], "impact": nil,
            "cause": ["href": "causes/gov.html", "label": "Government"],
            "has_tags": true, "tags": [["href": "tags/x.html", "name": "x"]],
            "year": ["href": "y/2024.html", "label": "2024"],
            "has_charts": true,
            "charts": [["svg": "<svg>\n<g/>\n</svg>", "description": "BGP <visibility>", "note": "<em>note</em>", "csv_name": "bgp.csv",
                        "figures": [["label": "BGP", "baseline": "100", "lowest": nil, "lowest_at": "03:10", "drop": "-90%", "window": "03:00–06:00",
                                     "window_duration": "3 h"],
                                    ["label": "Pings", "baseline": nil, "lowest": "2", "drop": nil, "window": nil]],
                        "table": "<table>\n<tr><td>1</td></tr>\n</table>", "svg_href": "a.svg", "csv_href": "a.csv", "rows": 144]],
            "has_timeline": true,
            "timeline": [["number": 1, "status": "start", "iso": "2024-01-02T03:04Z", "utc": "03:04", "local": "06:34", "offset": "+0 h",
                          "status_label": "Started", "html": "<p>It began.</p>"],
                         ["number": 2, "iso": "x", "utc": "04:00", "offset": "+1 h", "html": "<p>Still</p>"]],
            "has_headings": true, "headings": [["level": 2, "id": "why", "text": "Why <it> happened"]],
            "has_body": true, "body": "<h2 id=\"why\">Why</h2>\n<p>Because.</p>",
            "has_sources": true,
            "sources": [["url": "https://a", "title": "A & B", "publisher": "Pub", "date": "2 Jan", "date_iso": "2024-01-02"],
                        ["url": "https://b", "title": "C", "publisher": nil, "date": nil]],
            "downloads": [["href": "a.csv", "label": "CSV", "kind": "text/csv"]],
            "cite": "Outages (2024). \"Cut\".", "updated": ["iso": "2024-02-01", "utc": "1 Feb 2024"], "authors": "Ann & Bob",
        ],
    ]

    /// The same pages with the optional parts absent, false or empty.
    static let sparse: Tree = [
        "site": ["title": "S", "language": "fr"], "page": ["is_home": true, "title": "Home"], "base_href": nil, "assets": "", "nav": [],
        "intro": nil, "stats": [:], "has_years": false, "years": [], "has_latest": false, "rows": [], "has_rows": false,
        "has_hours_by_year": false, "pagination": nil, "has_terms": false, "terms": [], "content": [:],
        "incident": ["status": "ongoing", "status_label": "Ongoing", "title": "T", "start": ["iso": "i", "utc": "u"], "end": nil,
                     "has_countries": false, "has_charts": false, "has_timeline": false, "has_headings": false, "headings": [],
                     "has_body": false, "has_sources": false, "downloads": [], "updated": nil, "authors": "", "scope": nil],
    ]

    static let pages = ["home", "list", "incident", "page", "terms", "timeline", "404", "search"]

    @Test(arguments: pages, [("full", full), ("sparse", sparse)])
    func themePageAgrees(_ page: String, _ data: (String, Tree)) throws {
        var partials = try Self.themeTemplates()
        #expect(partials.count == 13, "all theme templates found: \(partials.keys.sorted())")
        let mainSource = partials.removeValue(forKey: page)
        let main = try #require(mainSource)
        let testCase = Case(name: "\(page) \(data.0)", template: main, partials: partials, data: data.1)
        let rendered = try Differential.render(testCase)
        #expect(rendered.agree, "ours:\n\(visible(rendered.oursText))\nswift-mustache:\n\(visible(rendered.theirsText))")
        #expect(rendered.ours.count > 500, "a whole page is rendered")
    }

    /// The full data really reaches the inner sections (the comparison would be weak otherwise).
    @Test func fullDataReachesTheSections() throws {
        var partials = try Self.themeTemplates()
        let incidentSource = partials.removeValue(forKey: "incident")
        let incident = try #require(incidentSource)
        let text = try Differential.renderOurs(Case(name: "incident", template: incident, partials: partials, data: Self.full))
        for expected in ["Net &lt;1&gt;", "<em>note</em>", "event-start", "Why &lt;it&gt; happened", "Written by Ann &amp; Bob",
                         "aria-current=\"page\"", "<base href=\"../../\">", "{\"@type\": \"Article\", \"x\": \"<&>\"}"] {
            #expect(text.contains(expected), "incident page lacks \(expected)")
        }
        let homeSource = partials.removeValue(forKey: "home")
        let home = try #require(homeSource)
        let homeText = try Differential.renderOurs(Case(name: "home", template: home, partials: partials, data: Self.full))
        for expected in ["class=\"is-empty\"", "<svg>\n  <rect/>", "Shutdown &quot;A&quot;", "Government &lt;order&gt;"] {
            #expect(homeText.contains(expected), "home page lacks \(expected)")
        }
    }
}
