import Diagnostics
import Foundation
import Testing
import Site

/// The repository's own example archive: it builds without warnings, deterministically, and
/// every internal link in it is relative.
@Suite struct ExampleSiteTests {
    func build(to output: URL) -> (BuildSummary?, DiagnosticLog) {
        let log = DiagnosticLog()
        let summary = SiteBuilder(options: BuildOptions(siteRoot: Fixtures.repository, output: output)).build(into: log)
        return (summary, log)
    }

    @Test func buildsWithoutDiagnostics() throws {
        let temp = try TempFolder()
        let (summary, log) = build(to: temp.url.appendingPathComponent("public"))
        #expect(log.sorted.map(\.description) == [])
        let built = try #require(summary)
        #expect(built.incidents >= 6)
    }

    /// Two separate processes with different time zones, locales and working folders (one
    /// naming the site by a relative path) write byte-identical sites.
    @Test func twoProcessesInDifferentSettingsBuildByteIdenticalSites() throws {
        let temp = try TempFolder()
        let first = temp.url.appendingPathComponent("one")
        let second = temp.url.appendingPathComponent("two")
        var base = ProcessInfo.processInfo.environment
        base["TZ"] = "UTC"
        base["LANG"] = "C.UTF-8"
        base["LC_ALL"] = "C.UTF-8"
        var other = base
        other["TZ"] = "Pacific/Chatham"
        other["LANG"] = "de_DE.UTF-8"
        other["LC_ALL"] = "tr_TR.UTF-8"
        let a = try CLI.run(["build", "--site", Fixtures.repository.path, "--output", first.path, "--quiet"], in: temp.url, environment: base)
        let b = try CLI.run(["build", "--site", ".", "--output", second.path, "--quiet"], in: Fixtures.repository, environment: other)
        #expect(a.status == 0, "\(a.stderr)")
        #expect(b.status == 0, "\(b.stderr)")
        let one = snapshot(of: first)
        let two = snapshot(of: second)
        #expect(one.count > 50)
        #expect(Set(one.keys) == Set(two.keys))
        for path in one.keys.sorted() {
            #expect(one[path] == two[path], "\(path) differs between the two processes")
        }
    }

    @Test func internalLinksAreRelative() throws {
        let temp = try TempFolder()
        let output = temp.url.appendingPathComponent("public")
        let (summary, _) = build(to: output)
        _ = try #require(summary)
        let files = snapshot(of: output).filter { $0.key.hasSuffix(".html") }
        #expect(files.count > 20)
        var offenders: [String] = []
        for (path, data) in files {
            let html = String(decoding: data, as: UTF8.self)
            for link in linkValues(in: html) where isAbsoluteInternal(link) {
                offenders.append("\(path): \(link)")
            }
        }
        #expect(offenders == [])
    }

    /// href/src values of elements that navigate or load (canonical and og:url are meant to be absolute).
    func linkValues(in html: String) -> [String] {
        var values: [String] = []
        for tag in html.split(separator: "<").dropFirst() {
            if tag.hasPrefix("link rel=\"canonical\"") { continue }
            // 404.html's <base> points at the site's root path: hosts serve it at any depth.
            if tag.hasPrefix("base ") { continue }
            for attribute in ["href=\"", "src=\""] {
                guard let range = tag.range(of: " " + attribute) else { continue }
                let rest = tag[range.upperBound...]
                if let end = rest.firstIndex(of: "\"") { values.append(String(rest[..<end])) }
            }
        }
        return values
    }

    func isAbsoluteInternal(_ link: String) -> Bool {
        link.hasPrefix("/") || link.hasPrefix("https://example.org") || link.hasPrefix("http://localhost")
    }
}
