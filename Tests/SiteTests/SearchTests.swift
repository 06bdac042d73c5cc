import Diagnostics
import Foundation
import Testing
import Site

/// Search (issue 12, SPEC §7): `search:` in site.yml runs Pagefind over the staging folder
/// before the swap, so the index is part of the all-or-nothing output, and a missing or failing
/// Pagefind leaves the previous site in place.
@Suite struct SearchTests {
    /// The Pagefind `make test` installs (.build-tools/bin, put first on PATH), or one on PATH.
    static var pagefind: String? {
        let onPath = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map { "\($0)/pagefind" }
        let installed = Fixtures.repository.appendingPathComponent(".build-tools/bin/pagefind").path
        return (onPath + [installed]).first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    func requirePagefind() throws -> String {
        try #require(Self.pagefind, "Pagefind is not installed: `make test` installs it into .build-tools/")
    }

    /// The basic fixture, with `search` set as given, in a fresh folder.
    func site(search: String?, in temp: TempFolder) throws -> URL {
        let site = try temp.copy(Fixtures.site("basic"))
        if let search {
            let config = site.appendingPathComponent("site.yml")
            try (String(contentsOf: config, encoding: .utf8) + search).write(to: config, atomically: true, encoding: .utf8)
        }
        return site
    }

    func page(_ path: String, in output: URL) throws -> String {
        try String(contentsOf: output.appendingPathComponent(path), encoding: .utf8)
    }

    @Test func withoutSearchThereIsNoSearchPageLinkOrMark() throws {
        let temp = try TempFolder()
        let output = temp.url.appendingPathComponent("public")
        let log = DiagnosticLog()
        _ = try #require(SiteBuilder(options: BuildOptions(siteRoot: try site(search: nil, in: temp), output: output)).build(into: log))
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("search/index.html").path))
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("pagefind").path))
        let incident = try page("incidents/single/index.html", in: output)
        #expect(!incident.contains("data-pagefind-body") && !incident.contains("data-pagefind-filter"))
        #expect(!incident.contains(">Search</a></li>"))
    }

    @Test func searchIndexesTheIncidentPagesAndEveryPageLinksToIt() throws {
        let pagefind = try requirePagefind()
        let temp = try TempFolder()
        let output = temp.url.appendingPathComponent("public")
        let log = DiagnosticLog()
        let root = try site(search: "search:\n  command: \(pagefind)\n", in: temp)
        let summary = try #require(SiteBuilder(options: BuildOptions(siteRoot: root, output: output)).build(into: log))
        #expect(log.sorted.filter { $0.severity == .error } == [])

        let search = try page("search/index.html", in: output)
        #expect(search.contains("id=\"search-fallback\"") && search.contains("needs JavaScript"))
        for list in ["../incidents/index.html", "../countries/index.html", "../causes/index.html", "../years/index.html"] {
            #expect(search.contains("href=\"\(list)\""), "the fallback does not link \(list)")
        }
        #expect(search.contains("data-bundle=\"../pagefind/\"") && search.contains("src=\"../assets/search.js\""))
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("assets/search.js").path))

        // Every page links to /search/ from its header, through its own relative path.
        #expect(try page("index.html", in: output).contains("<li><a href=\"search/index.html\">Search</a></li>"))
        #expect(try page("incidents/page/2/index.html", in: output).contains("<li><a href=\"../../../search/index.html\">Search</a></li>"))
        #expect(search.contains("<li><a href=\"../search/index.html\" aria-current=\"page\">Search</a></li>"))

        // Incident pages are marked for the index, with their facets; list pages are not.
        let incident = try page("incidents/ongoing/index.html", in: output)
        #expect(incident.contains("data-pagefind-body"))
        for facet in ["country", "cause", "year", "status"] {
            #expect(incident.contains("data-pagefind-filter=\"\(facet)[data-value]\""), "no \(facet) filter")
        }
        #expect(incident.contains("data-pagefind-sort=\"start[data-value]\""))
        #expect(!(try page("incidents/index.html", in: output)).contains("data-pagefind-body"))

        // The index covers the incident pages and nothing else.
        let entry = try JSONSerialization.jsonObject(with: Data(contentsOf: output.appendingPathComponent("pagefind/pagefind-entry.json")))
        let languages = try #require((entry as? [String: Any])?["languages"] as? [String: [String: Any]])
        #expect(languages.values.map { $0["page_count"] as? Int } == [summary.incidents])
        let filters = try FileManager.default.contentsOfDirectory(atPath: output.appendingPathComponent("pagefind/filter").path)
        #expect(filters.count >= 4)
    }

    /// Pagefind writes its filters in a random order each run; the build sorts them, so two
    /// builds of one site are the same bytes, index included.
    @Test func twoBuildsWriteTheSameIndex() throws {
        let pagefind = try requirePagefind()
        let temp = try TempFolder()
        let root = try site(search: "search: { command: \"\(pagefind)\" }\n", in: temp)
        var snapshots: [[String: Data]] = []
        for name in ["one", "two", "three"] {
            let output = temp.url.appendingPathComponent(name)
            let log = DiagnosticLog()
            _ = try #require(SiteBuilder(options: BuildOptions(siteRoot: root, output: output)).build(into: log))
            snapshots.append(snapshot(of: output))
        }
        let index = snapshots[0].keys.filter { $0.hasPrefix("pagefind/") }
        #expect(index.contains { $0.hasPrefix("pagefind/filter/") } && index.contains { $0.hasSuffix(".pf_meta") })
        for other in snapshots.dropFirst() {
            #expect(Set(other.keys).symmetricDifference(snapshots[0].keys).sorted() == [])
            for path in snapshots[0].keys.sorted() { #expect(other[path] == snapshots[0][path], "\(path) differs between builds") }
        }
    }

    @Test func aMissingPagefindFailsTheBuildAndKeepsTheSite() throws {
        let temp = try TempFolder()
        let root = try site(search: nil, in: temp)
        let output = temp.url.appendingPathComponent("public")
        #expect(try CLI.run(["build", "--site", root.path, "--output", output.path, "--quiet"]).status == 0)
        let before = snapshot(of: output)
        let config = root.appendingPathComponent("site.yml")
        let lines = try String(contentsOf: config, encoding: .utf8).split(separator: "\n").count

        // Named, but not there.
        try (String(contentsOf: config, encoding: .utf8) + "search:\n  command: bin/pagefind\n").write(to: config, atomically: true, encoding: .utf8)
        let named = try CLI.run(["build", "--site", root.path, "--output", output.path])
        #expect(named.status == 1)
        #expect(named.diagnostics.first?.hasPrefix("site.yml:\(lines + 2):3: error: search.command \"bin/pagefind\" is not an executable file") == true,
                "\(named.stderr)")

        // Not on PATH: the error names how to install it.
        try (String(contentsOf: config, encoding: .utf8).replacingOccurrences(of: "search:\n  command: bin/pagefind\n", with: "search: true\n"))
            .write(to: config, atomically: true, encoding: .utf8)
        var environment = ProcessInfo.processInfo.environment
        environment["PATH"] = temp.url.path
        let missing = try CLI.run(["build", "--site", root.path, "--output", output.path], environment: environment)
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("site.yml:\(lines + 1):9: error: \"search\" is on, but \"pagefind\" (Pagefind) is not on PATH"), "\(missing.stderr)")
        #expect(missing.stderr.contains("pip install pagefind-bin"))

        #expect(snapshot(of: output) == before)
        #expect(leftovers(beside: output) == [])
    }

    @Test func aFailingPagefindFailsTheBuildAndKeepsTheSite() throws {
        let temp = try TempFolder()
        let root = try site(search: "search:\n  command: ./fake-pagefind.sh\n", in: temp)
        let script = root.appendingPathComponent("fake-pagefind.sh")
        // Writes a partial bundle into the staging folder, then fails, as a crash half-way would.
        try "#!/bin/sh\nmkdir -p \"$2/pagefind\" && echo partial > \"$2/pagefind/pagefind.js\"\necho 'Error: the index ran out of disk' >&2\nexit 3\n"
            .write(to: script, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script.path)
        let output = temp.url.appendingPathComponent("public")
        let config = root.appendingPathComponent("site.yml")
        let withSearch = try String(contentsOf: config, encoding: .utf8)
        try withSearch.replacingOccurrences(of: "search:\n  command: ./fake-pagefind.sh\n", with: "").write(to: config, atomically: true, encoding: .utf8)
        #expect(try CLI.run(["build", "--site", root.path, "--output", output.path, "--quiet"]).status == 0)
        let before = snapshot(of: output)

        try withSearch.write(to: config, atomically: true, encoding: .utf8)
        let failed = try CLI.run(["build", "--site", root.path, "--output", output.path])
        #expect(failed.status == 1)
        #expect(failed.stderr.contains("failed with exit status 3") && failed.stderr.contains("the index ran out of disk"), "\(failed.stderr)")
        #expect(snapshot(of: output) == before)
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("pagefind").path))
        #expect(leftovers(beside: output) == [])
    }

    /// Pagefind refuses to index nothing: a new site with search on and no incident yet still
    /// builds, with a warning, and its search page shows the links.
    @Test func aSiteWithoutIncidentsBuildsWithAWarning() throws {
        let pagefind = try requirePagefind()
        let temp = try TempFolder()
        try temp.write("site/site.yml", "title: New\nsearch:\n  command: \(pagefind)\n")
        try temp.write("site/content/_index.md", "---\ntitle: New\n---\nNothing yet.\n")
        let output = temp.url.appendingPathComponent("public")
        let log = DiagnosticLog()
        _ = try #require(SiteBuilder(options: BuildOptions(siteRoot: temp.url.appendingPathComponent("site"), output: output)).build(into: log))
        #expect(log.sorted.map(\.description) == [
            "site.yml:3:3: warning: \"search\" is on, but there is no incident to index yet: /search/ shows only links to the lists",
        ])
        #expect(try page("search/index.html", in: output).contains("id=\"search-fallback\""))
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("pagefind").path))
    }
}
