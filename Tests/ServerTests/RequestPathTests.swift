import Testing
@testable import Server

/// Only files of the served site are reachable, whatever the request target spells.
struct RequestPathTests {
    static let files: Set<String> = ["index.html", "404.html", "incidents/egypt/index.html", "incidents/egypt/routes.csv",
                                     "assets/style.css", "a b/index.html"]

    func resolve(_ target: String) -> RequestPath {
        RequestPath.resolve(target) { Self.files.contains($0) }
    }

    @Test func filesFoldersAndRedirects() {
        #expect(resolve("/") == .file("index.html"))
        #expect(resolve("/?utm=1") == .file("index.html"))
        #expect(resolve("/incidents/egypt/") == .file("incidents/egypt/index.html"))
        #expect(resolve("/incidents/egypt/routes.csv") == .file("incidents/egypt/routes.csv"))
        #expect(resolve("/incidents/egypt") == .redirect("/incidents/egypt/"))
        #expect(resolve("/a%20b/") == .file("a b/index.html"))
        #expect(resolve("/incidents/") == .notFound)
        #expect(resolve("/missing.html") == .notFound)
    }

    @Test(arguments: [
        "/../site.yml", "/incidents/../index.html", "/./index.html", "/%2e%2e/site.yml", "/%2E%2E/index.html",
        "/incidents/%2e%2e/index.html", "/incidents%2fegypt/index.html", "/incidents%2Fegypt/", "/%252e%252e/index.html",
        "/incidents%5cegypt/", "/incidents\\egypt/", "/index.html%00", "/index.html%00.css", "/%", "/%g1", "/%2",
        "//index.html", "/incidents//egypt/", "index.html", "", "/%c0%ae%c0%ae/index.html", "/\u{1}",
    ])
    func everyWayOutIsNotFound(target: String) {
        #expect(resolve(target) == .notFound, "\(target)")
    }
}

struct LiveReloadTests {
    @Test func theScriptGoesBeforeTheLastBodyEndAndErrorsAreEscaped() {
        let page = Array("<html><body><p>&lt;/body&gt; in text</p></body></html>".utf8)
        let served = String(decoding: LiveReload.inject(into: page, errors: []), as: UTF8.self)
        #expect(served.hasPrefix("<html><body><p>&lt;/body&gt; in text</p><script>"))
        #expect(served.hasSuffix("</script></body></html>"))
        #expect(served.contains("new EventSource(\"/__blackout/events\")"))
        #expect(!served.contains("blackout-errors"))

        let failed = String(decoding: LiveReload.inject(into: page, errors: ["a.md:1:2: error: <script>x</script>"]), as: UTF8.self)
        #expect(failed.contains("id=\"blackout-errors\""))
        #expect(failed.contains("a.md:1:2: error: &lt;script&gt;x&lt;/script&gt;"))
        #expect(!failed.contains("<script>x"))
        // A page without </body> gets the script at its end.
        #expect(String(decoding: LiveReload.inject(into: Array("plain".utf8), errors: []), as: UTF8.self).hasPrefix("plain<script>"))
    }

    @Test func contentTypes() {
        #expect(ContentType.of("incidents/x/index.html") == "text/html; charset=utf-8")
        #expect(ContentType.of("incidents/x/routes.svg") == "image/svg+xml")
        #expect(ContentType.of("incidents.json") == "application/json")
        #expect(ContentType.of("feed.xml") == "application/xml; charset=utf-8")
        #expect(ContentType.of("incidents/x/routes.CSV") == "text/csv; charset=utf-8")
        #expect(ContentType.of("README") == "application/octet-stream")
    }
}
