import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `blackout serve` end to end: a real process on a free port over a temporary copy of a site.
@Suite(.serialized) struct ServeTests {
    /// A running `serve` over a copy of the basic fixture; stopped (SIGTERM) by `stop`.
    struct Served {
        let temp: TempFolder
        let site: URL
        let port: Int
        let process: RunningCLI

        init(fixture: String = "basic", port: Int = RawHTTP.freePort(), addToSiteYAML: String? = nil) throws {
            temp = try TempFolder()
            site = temp.url.appendingPathComponent("site")
            try FileManager.default.copyItem(at: Fixtures.site(fixture), to: site)
            if let addToSiteYAML {
                let config = site.appendingPathComponent("site.yml")
                try (String(contentsOf: config, encoding: .utf8) + addToSiteYAML).write(to: config, atomically: true, encoding: .utf8)
            }
            self.port = port
            process = try CLI.start(["serve", "--site", site.path, "--port", String(port), "--color", "never"])
            // The first build (a debug build of the binary) may take a while; poll until it answers.
            let deadline = Date().addingTimeInterval(120)
            while Date() < deadline {
                if (try? RawHTTP.request(port: port, "/", timeout: 5)) != nil { return }
                guard process.process.isRunning else { break }
                usleep(50_000)
            }
            Issue.record("serve did not answer on port \(port)")
        }

        func get(_ target: String, method: String = "GET", headers: [String: String] = [:]) throws -> RawHTTP.Reply {
            try RawHTTP.request(port: port, target, method: method, headers: headers)
        }

        func edit(_ relative: String, _ change: (String) -> String) throws {
            let url = site.appendingPathComponent(relative)
            try change(String(contentsOf: url, encoding: .utf8)).write(to: url, atomically: true, encoding: .utf8)
        }

        func stop() throws -> CLIResult {
            kill(process.pid, SIGTERM)
            return try process.finish(timeout: 30)
        }
    }

    @Test func servesFromMemoryAndReloadsAfterAnEdit() throws {
        let served = try Served()
        let home = try served.get("/")
        #expect(home.status == 200)
        #expect(home.headers["content-type"] == "text/html; charset=utf-8")
        #expect(home.body.contains("new EventSource(\"/__blackout/events\")"))
        #expect(!FileManager.default.fileExists(atPath: served.site.appendingPathComponent("public").path), "serve must not write public/")

        let events = try RawHTTP.EventStream(port: served.port)
        let page = "content/incidents/2021-05-05-single.md"
        try served.edit(page) { $0.replacingOccurrences(of: "title:", with: "title: Edited,", options: [], range: $0.range(of: "title:")) }
        let generation = try events.nextReload()
        #expect(Int(generation) ?? 0 >= 2)
        let list = try served.get("/incidents/")
        #expect(list.body.contains("Edited,"))

        let result = try served.stop()
        #expect(result.stdout.contains("Serving http://127.0.0.1:\(served.port)/"))
        #expect(result.stdout.contains("2021-05-05-single.md") && result.stdout.contains("pages rendered in"), "\(result.stdout)")
    }

    @Test func aBuildErrorKeepsTheLastGoodSiteUnderTheErrorsUntilFixed() throws {
        let served = try Served()
        let before = try served.get("/incidents/")
        let events = try RawHTTP.EventStream(port: served.port)
        let broken = served.site.appendingPathComponent("content/incidents/2024-01-01-broken.md")
        try "---\ntitle: Broken\nstart: 2024-13-01\n---\n".write(to: broken, atomically: true, encoding: .utf8)
        _ = try events.nextReload()
        let failed = try served.get("/incidents/")
        #expect(failed.status == 200)
        #expect(failed.body.contains("id=\"blackout-errors\""))
        #expect(failed.body.contains("content/incidents/2024-01-01-broken.md:3:8: error: &quot;start&quot;"), "\(failed.body.suffix(1_500))")
        // The last good page is still there under the errors.
        #expect(failed.body.replacingOccurrences(of: #"<div id="blackout-errors"[\s\S]*?</div>"#, with: "", options: .regularExpression) == before.body)

        try FileManager.default.removeItem(at: broken)
        _ = try events.nextReload()
        let fixed = try served.get("/incidents/")
        #expect(!fixed.body.contains("blackout-errors"))
        #expect(fixed.body == before.body)
        let result = try served.stop()
        #expect(result.stdout.contains("the build failed (1 error); still serving the last good site"))
    }

    @Test func servingRules() throws {
        let served = try Served()
        // A folder without its slash is redirected; HEAD has the headers and no body.
        let redirect = try served.get("/incidents")
        #expect(redirect.status == 301 && redirect.headers["location"] == "/incidents/")
        let head = try served.get("/incidents/", method: "HEAD")
        #expect(head.status == 200 && head.body.isEmpty && Int(head.headers["content-length"] ?? "") ?? 0 > 1_000)
        // The site's own 404 page, with status 404.
        let missing = try served.get("/no/such/page/")
        #expect(missing.status == 404)
        #expect(missing.body.contains("<html") && missing.body.contains("EventSource"))
        // ETag and If-None-Match.
        let css = try served.get("/assets/style.css")
        let etag = try #require(css.headers["etag"])
        #expect(css.headers["content-type"] == "text/css; charset=utf-8")
        #expect(try served.get("/assets/style.css", headers: ["If-None-Match": etag]).status == 304)
        #expect(try served.get("/assets/style.css", headers: ["If-None-Match": "\"other\""]).status == 200)
        #expect(try served.get("/", method: "POST").status == 405)
        // Nothing outside the site, however the way out is spelled.
        try "secret".write(to: served.temp.url.appendingPathComponent("secret.txt"), atomically: true, encoding: .utf8)
        for target in ["/../secret.txt", "/../../secret.txt", "/%2e%2e/secret.txt", "/%252e%252e/secret.txt", "/..%2fsecret.txt",
                       "/..\\secret.txt", "/%5c..%5csecret.txt", "/site.yml", "/content/", "/index.html%00", "/incidents/..%2f..%2fsecret.txt"] {
            let reply = try served.get(target)
            #expect(reply.status == 404 || reply.status == 400, "\(target) → \(reply.status)")
            #expect(!reply.body.contains("secret") || reply.body.contains("<html"), "\(target)")
        }
        // The only way the source folder could be reached is a link in it; a link to a file outside
        // the site is refused by the loader, so it is not in the site either.
        _ = try served.stop()
    }

    @Test func aTakenPortIsOneLineNamingAFreeOne() throws {
        let port = RawHTTP.freePort()
        let descriptor = RawHTTP.bound(port: port)
        defer { close(descriptor) }
        #expect(descriptor >= 0)
        listen(descriptor, 1)
        let result = try CLI.run(["serve", "--site", Fixtures.site("basic").path, "--port", String(port)], timeout: 60)
        #expect(result.status == 1)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 1)
        #expect(lines.first?.hasPrefix("error: port \(port) on 127.0.0.1 is in use; the next free port is ") == true, "\(result.stderr)")
    }

    @Test func buildOutputHasNoReloadScript() throws {
        let temp = try TempFolder()
        let output = temp.url.appendingPathComponent("public")
        let result = try CLI.run(["build", "--site", Fixtures.site("basic").path, "--output", output.path])
        #expect(result.status == 0)
        let pages = snapshot(of: output).filter { $0.key.hasSuffix(".html") }
        #expect(pages.count > 10)
        #expect(!pages.values.contains { String(decoding: $0, as: UTF8.self).contains("__blackout") })
    }
}
