import Foundation
import Testing

/// `serve` with `search: true` (issue 12): the index is rebuilt after edits pause, served from
/// memory, and the search page is marked stale in between.
@Suite(.serialized) struct ServeSearchTests {
    func pageCount(_ entry: String) -> Int? {
        guard let json = try? JSONSerialization.jsonObject(with: Data(entry.utf8)) as? [String: Any],
              let languages = json["languages"] as? [String: [String: Any]] else { return nil }
        return languages.values.compactMap { $0["page_count"] as? Int }.reduce(0, +)
    }

    @Test func theIndexFollowsEditsAndTheSearchPageSaysWhenItIsStale() throws {
        let pagefind = try #require(SearchTests.pagefind, "Pagefind is not installed: `make test` installs it into .build-tools/")
        let served = try ServeTests.Served(addToSiteYAML: "search:\n  command: \(pagefind)\n")
        let events = try RawHTTP.EventStream(port: served.port)
        // The first index follows the first build.
        var entry = try served.get("/pagefind/pagefind-entry.json")
        let deadline = Date().addingTimeInterval(60)
        while entry.status != 200 && Date() < deadline {
            usleep(100_000)
            entry = try served.get("/pagefind/pagefind-entry.json")
        }
        let before = try #require(pageCount(entry.body))
        #expect(before >= 4)
        #expect(try served.get("/pagefind/pagefind.js").status == 200)

        try "---\ntitle: Added while serving\nstart: 2024-06-01T00:00:00Z\nend: 2024-06-01T02:00:00Z\ncountries: [IR]\n---\nA new incident.\n"
            .write(to: served.site.appendingPathComponent("content/incidents/2024-06-01-added.md"), atomically: true, encoding: .utf8)
        _ = try events.nextReload()
        // Rebuilt, not yet indexed: the search page says so (the mark its script reads).
        #expect(try served.get("/search/").body.contains("document.documentElement.dataset.blackoutSearch = \"stale\""))
        try events.nextSearchReady()
        #expect(pageCount(try served.get("/pagefind/pagefind-entry.json").body) == before + 1)
        #expect(!(try served.get("/search/").body.contains("blackoutSearch")))

        let result = try served.stop()
        #expect(result.stdout.contains("search index: "), "\(result.stdout)")
    }
}
