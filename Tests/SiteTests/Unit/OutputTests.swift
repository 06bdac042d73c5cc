import Foundation
import Testing
@testable import Site
@testable import SiteRender

@Suite struct SitePathsTests {
    @Test(arguments: [
        ("", "", "index.html"),
        ("", "incidents/", "incidents/index.html"),
        ("incidents/north-korea/", "", "../../index.html"),
        ("incidents/north-korea/", "countries/kp/", "../../countries/kp/index.html"),
        ("incidents/page/2/", "incidents/", "../../../incidents/index.html"),
        ("404.html", "about/", "about/index.html"),
        ("about/", "feed.xml", "../feed.xml"),
        ("", "tags/блок/", "tags/%D0%B1%D0%BB%D0%BE%D0%BA/index.html"),
    ])
    func linksAreRelativeToThePage(from: String, to: String, expected: String) {
        #expect(SitePaths.href(from: from, to: to) == expected)
    }

    @Test func paginationPaths() {
        #expect(SitePaths.listPage("incidents/", 1) == "incidents/")
        #expect(SitePaths.listPage("incidents/", 3) == "incidents/page/3/")
    }
}

@Suite struct EscapingTests {
    @Test func jsonIsSafeInsideScript() {
        #expect(Escape.json("</script><!-- & \"q\" \\ \n \u{1}") == #""\u003c/script\u003e\u003c!-- \u0026 \"q\" \\ \n \u0001""#)
    }

    /// Every ASCII value and the line separators, each between ordinary characters, against a
    /// reference spelled out case by case.
    @Test func jsonEscapesEveryCharacterThatNeedsIt() {
        var scalars: [Unicode.Scalar] = (0..<128).map { Unicode.Scalar(UInt8($0)) }
        scalars += ["\u{2028}", "\u{2029}", "\u{2027}", "é", "\u{E000}"]
        for scalar in scalars {
            let expected: String = switch scalar {
            case "\"": "\\\""
            case "\\": "\\\\"
            case "\n": "\\n"
            case "\r": "\\r"
            case "\t": "\\t"
            case "<": "\\u003c"
            case ">": "\\u003e"
            case "&": "\\u0026"
            case "\u{2028}": "\\u2028"
            case "\u{2029}": "\\u2029"
            case _ where scalar.value < 0x20: "\\u00" + (scalar.value < 0x10 ? "0" : "") + String(scalar.value, radix: 16)
            default: String(Character(scalar))
            }
            #expect(Escape.json("a\(Character(scalar))b") == "\"a\(expected)b\"", "U+\(String(scalar.value, radix: 16))")
        }
    }

    /// The direct writer lays JSON out byte for byte as the JSON tree does, indented and compact:
    /// empty and nested containers, fields left out, numbers, integers at their limits.
    @Test(arguments: [2, nil] as [Int?])
    func jsonWriterMatchesTheTree(indent: Int?) {
        let tree = JSON.object([
            ("a", .string("x\"<y")), ("gone", nil), ("n", .int(-42)), ("min", .int(.min)), ("max", .int(.max)), ("zero", .int(0)),
            ("pi", .number(3.14159)), ("inf", .number(.infinity)), ("empty", .array([])), ("none", .object([])),
            ("list", .array([.string("p"), .object([("k", .string("v")), ("deep", .array([.object([("z", .int(1))])]))])])),
            ("last", .string("")),
        ])
        var json = JSONWriter(indent: indent)
        json.object { json in
            json.field("a", "x\"<y")
            json.field("gone", nil as String?)
            json.field("n", -42 as Int64)
            json.field("min", Int64.min)
            json.field("max", Int64.max)
            json.field("zero", 0 as Int64)
            json.field("pi", number: 3.14159)
            json.field("inf", number: .infinity)
            json.array("empty") { _ in }
            json.object("none") { _ in }
            json.array("list") { json in
                json.element("p")
                json.object { json in
                    json.field("k", "v")
                    json.array("deep") { json in json.object { json in json.field("z", 1 as Int64) } }
                }
            }
            json.field("last", "")
        }
        #expect(String(decoding: json.bytes, as: UTF8.self) == String(decoding: tree.bytes(indent: indent), as: UTF8.self))
    }

    @Test func xmlDropsControlCharacters() {
        #expect(Escape.xml("a<b>&\"'\u{0}\u{8}c") == "a&lt;b&gt;&amp;&quot;&apos;c")
    }

    @Test func jsonKeepsKeyOrderAndFixedNumbers() {
        let value = JSON.object([("b", .int(2)), ("a", .number(1.23456)), ("n", nil), ("l", .array([.bool(true), .null]))])
        #expect(value.serialized(indent: nil) == #"{"b":2,"a":1.235,"l":[true,null]}"#)
        #expect(JSON.number(3.0).serialized() == "3")
        #expect(JSON.number(.nan).serialized() == "null")
    }

    /// Issue 8: scaling for the fixed precision overflowed 1e306 to "inf".
    @Test func hugeAndNonFiniteNumbersAreValidJSON() {
        #expect(JSON.number(1e306).serialized() == "1e+306")
        #expect(JSON.number(-1.7e308).serialized() == "-1.7e+308")
        #expect(JSON.number(.infinity).serialized() == "null")
        #expect(JSON.number(-.infinity).serialized() == "null")
        #expect(JSON.number(1e-300).serialized() == "0")
    }

    @Test func percentEncodesBundleFileNames() {
        #expect(percentEncodePath("data/a b#1.csv") == "data/a%20b%231.csv")
    }
}

@Suite struct LinkCheckerTests {
    func file(_ path: String, _ html: String) -> (String, OutputFile) {
        (path, OutputFile(path: path, content: .text(html), origin: "content/\(path)"))
    }

    @Test func resolvesRelativeLinks() {
        let checker = LinkChecker(files: [:])
        #expect(checker.resolve("../../countries/kp/index.html#x", from: "incidents/a/index.html")! == ("countries/kp/index.html", "x"))
        #expect(checker.resolve("#timeline", from: "incidents/a/index.html")! == ("incidents/a/index.html", "timeline"))
        #expect(checker.resolve("data.csv?v=1", from: "incidents/a/index.html")! == ("incidents/a/data.csv", nil))
        #expect(checker.resolve("about/", from: "index.html")! == ("about/index.html", nil))
        #expect(checker.resolve("https://example.org/", from: "index.html") == nil)
        #expect(checker.resolve("mailto:a@b", from: "index.html") == nil)
        #expect(checker.resolve("//cdn.example/x", from: "index.html") == nil)
    }

    @Test func reportsBrokenLinksAndAnchors() {
        let files = Dictionary(uniqueKeysWithValues: [
            file("index.html", #"<a href="about/index.html#team">ok</a> <a href="missing/index.html">x</a> <a class="a" href="about/index.html#nope">y</a>"#),
            file("about/index.html", #"<h2 id="team">Team</h2>"#),
        ])
        let log = Diagnostics.DiagnosticLog()
        LinkChecker(files: files).check(into: log)
        #expect(log.sorted.map(\.description) == [
            "content/index.html: error: broken anchor in index.html: \"about/index.html#nope\" has no element with id \"nope\" in about/index.html",
            "content/index.html: error: broken link in index.html: \"missing/index.html\" points to missing/index.html, which the site does not have",
        ])
    }

    @Test func scansOnlyRealAttributes() {
        let html = #"<p title="href='fake'">text href="also-fake"</p><img alt="x" src="a.png"><a data-x="1" href='b.html'>"#
        #expect(HTMLScan.links(in: html) == ["a.png", "b.html"])
    }
}

import Diagnostics
import Synchronization

@Suite struct OutputFolderTests {
    @Test func refusesAFolderBlackoutDidNotMake() throws {
        let temp = try TempFolder()
        try temp.write("site/site.yml", "")
        try temp.write("out/notes.txt", "mine")
        let folder = OutputFolder(url: temp.url.appendingPathComponent("out"))
        let site = temp.url.appendingPathComponent("site")
        #expect(message(folder.claim(siteRoot: site, force: false, waiting: { _ in }))?.contains("was not made by Blackout") == true)
        #expect(message(folder.claim(siteRoot: site, force: true, waiting: { _ in })) == nil)
    }

    @Test func refusesTheSiteFolderItself() throws {
        let temp = try TempFolder()
        let folder = OutputFolder(url: temp.url)
        #expect(message(folder.claim(siteRoot: temp.url.appendingPathComponent("sub"), force: true, waiting: { _ in }))?
            .contains("is the site folder or holds it") == true)
    }

    @Test func commitReplacesThePreviousOutputWhole() throws {
        let temp = try TempFolder()
        try temp.write("site/site.yml", "")
        let folder = OutputFolder(url: temp.url.appendingPathComponent("public"))
        try temp.write("public/.blackout", "")
        try temp.write("public/old.html", "old")
        let claimed = try folder.claim(siteRoot: temp.url.appendingPathComponent("site"), force: false, waiting: { _ in }).get()
        let staging = try claimed.makeStaging()
        try Data("new".utf8).write(to: staging.appendingPathComponent("new.html"))
        try claimed.commit()
        let files = snapshot(of: folder.url)
        #expect(Set(files.keys) == [".blackout", "new.html"])
        #expect(leftovers(beside: folder.url).isEmpty)
    }

    @Test func aSecondClaimWaitsForTheFirst() throws {
        let temp = try TempFolder()
        try temp.write("site/site.yml", "")
        let folder = OutputFolder(url: temp.url.appendingPathComponent("public"))
        let site = temp.url.appendingPathComponent("site")
        var first: ClaimedOutput? = try folder.claim(siteRoot: site, force: false, waiting: { _ in Issue.record("the first claim waited") }).get()
        // flock locks belong to the open file, so a second open in this process contends too.
        let waited = Mutex(false)
        let released = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            let second = folder.claim(siteRoot: site, force: false, waiting: { _ in waited.withLock { $0 = true } })
            #expect(message(second) == nil)
            released.signal()
        }
        usleep(300_000)
        #expect(waited.withLock { $0 })
        first = nil
        #expect(first == nil)
        #expect(released.wait(timeout: .now() + 10) == .success)
    }

    private func message(_ result: Result<ClaimedOutput, Diagnostic>) -> String? {
        if case .failure(let diagnostic) = result { return diagnostic.message }
        return nil
    }
}

@Suite struct FolderLinkTests {
    @Test(arguments: [
        ("../about/", "../about/index.html"),
        ("about/#team", "about/index.html#team"),
        ("x/?a=1", "x/index.html?a=1"),
        ("data.csv", "data.csv"),
        ("https://example.org/", "https://example.org/"),
        ("/root/", "/root/"),
        ("#top", "#top"),
    ])
    func folderLinksGetIndexHTML(link: String, expected: String) {
        #expect(FolderLinks.rewrite(link) == expected)
    }

    @Test func rewritesOnlyHrefValues() {
        let html = #"<p>See <a href="about/">about/</a> and <a href="https://x.org/">x</a>.</p>"#
        #expect(FolderLinks.addIndexFiles(html) == #"<p>See <a href="about/index.html">about/</a> and <a href="https://x.org/">x</a>.</p>"#)
    }

    /// The search stops at the text's ends: a link as the first or last thing, a value left
    /// open, markers cut short, and text with no folder link at all (returned as it was).
    @Test(arguments: [
        (#"<a href="a/">"#, #"<a href="a/index.html">"#),
        (#"x<a href="a/#b">"#, #"x<a href="a/index.html#b">"#),
        (#"<a href="a/"#, #"<a href="a/"#),
        (#"href=""#, #"href=""#),
        ("/\"", "/\""),
        ("/", "/"),
        ("", ""),
        (#"<a href="b.html">b</a> 1/2"#, #"<a href="b.html">b</a> 1/2"#),
        (#"<a href="x/">1</a><a href="y/">2</a>/""#, #"<a href="x/index.html">1</a><a href="y/index.html">2</a>/""#),
    ])
    func rewritesAtTheEdgesOfTheText(html: String, expected: String) {
        #expect(FolderLinks.addIndexFiles(html) == expected)
    }
}
