import Foundation
import Testing

/// SPEC §9, "never destroys what it did not make": the output may only be an empty folder, a
/// folder Blackout made, or (with --force) another folder; never a file, never the site or
/// its sources, with or without --force.
@Suite struct OutputFolderSafetyTests {
    @Test(arguments: ["some.txt", "site/site.yml", "site/content/incidents/2011-01-02-outage-1.md"])
    func anOutputThatIsAFileIsRefused(path: String) throws {
        let temp = try TempFolder()
        let site = temp.url.appendingPathComponent("site")
        try GeneratedSite.write(to: site, count: 2)
        try temp.write("some.txt", "keep me\n")
        let file = temp.url.appendingPathComponent(path)
        let before = try Data(contentsOf: file)
        for force in [false, true] {
            let result = try CLI.run(["build", "--site", site.path, "--output", file.path, "--color", "never"] + (force ? ["--force"] : []))
            #expect(result.status == 1, "force \(force): \(result.stderr)")
            #expect(result.stderr.contains("; choose another --output"), "\(result.stderr)")
            #expect(try Data(contentsOf: file) == before)
        }
    }

    @Test(arguments: ["site", "site/content", "site/templates", ".", "site/content/incidents", "site/content/new-folder"])
    func theSiteAndItsSourcesAreNeverTheOutput(relative: String) throws {
        let temp = try TempFolder()
        let site = temp.url.appendingPathComponent("site")
        try GeneratedSite.write(to: site, count: 2)
        try temp.write("site/templates/partials/extra.mustache", "extra\n")
        let before = snapshot(of: site)
        let output = temp.url.appendingPathComponent(relative)
        let result = try CLI.run(["build", "--site", site.path, "--output", output.path, "--force", "--color", "never"])
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stderr.contains("choose another --output"), "\(result.stderr)")
        #expect(snapshot(of: site) == before)
    }

    /// The site reached through a link, the output named by its real path: the same folder.
    @Test func aSiteReachedThroughALinkIsStillProtected() throws {
        let temp = try TempFolder()
        let site = temp.url.appendingPathComponent("real-site")
        try GeneratedSite.write(to: site, count: 2)
        let link = temp.url.appendingPathComponent("linked-site")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: site)
        let before = snapshot(of: site)
        for output in [site, site.appendingPathComponent("content"), temp.url] {
            let result = try CLI.run(["build", "--site", link.path, "--output", output.path, "--force", "--color", "never"])
            #expect(result.status == 1, "\(output.path): \(result.stderr)")
            #expect(snapshot(of: site) == before)
        }
    }

    /// `public` as a link: the new site goes where the link points, and the link stays a link.
    @Test func anOutputLinkIsSwappedAtItsTarget() throws {
        let temp = try TempFolder()
        let site = temp.url.appendingPathComponent("site")
        try GeneratedSite.write(to: site, count: 3)
        let elsewhere = temp.url.appendingPathComponent("deploy/current")
        let link = site.appendingPathComponent("public")
        try FileManager.default.createDirectory(at: elsewhere.deletingLastPathComponent(), withIntermediateDirectories: true)
        // The link's target does not exist before the first build.
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: elsewhere)
        for revision in 1...2 {
            try GeneratedSite.write(to: site, count: 3, revision: revision)
            let result = try CLI.run(["build", "--site", site.path, "--color", "never"])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == elsewhere.path)
            let home = try String(contentsOf: elsewhere.appendingPathComponent("index.html"), encoding: .utf8)
            #expect(home.contains("Generated r\(revision)"))
            #expect(leftovers(beside: elsewhere).isEmpty)
            #expect(leftovers(beside: link).isEmpty)
        }
    }

    /// The lock and the per-build staging folders: while one build holds the lock, another
    /// says so and waits, then builds.
    @Test func aBuildWaitsWhileAnotherHoldsTheLock() throws {
        let temp = try TempFolder()
        let site = temp.url.appendingPathComponent("site")
        try GeneratedSite.write(to: site, count: 3)
        let lockPath = site.appendingPathComponent(".public.blackout-lock").path
        let descriptor = open(lockPath, O_RDWR | O_CREAT, 0o644)
        #expect(descriptor >= 0)
        #expect(flock(descriptor, LOCK_EX) == 0)
        let running = try CLI.start(["build", "--site", site.path, "--color", "never"])
        usleep(700_000)
        #expect(running.process.isRunning, "the build did not wait for the lock")
        #expect(!FileManager.default.fileExists(atPath: site.appendingPathComponent("public").path))
        close(descriptor)
        let result = try running.finish(timeout: 60)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("another blackout build is writing"), "\(result.stderr)")
        #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent("public/index.html").path))
    }

    /// The output folder gets the permissions of any new folder (a web server must read it),
    /// not the private mode of a temporary folder.
    @Test func theOutputFolderIsReadableLikeAnyNewFolder() throws {
        let temp = try TempFolder()
        let site = temp.url.appendingPathComponent("site")
        try GeneratedSite.write(to: site, count: 1)
        let result = try CLI.run(["build", "--site", site.path, "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        let plain = temp.url.appendingPathComponent("plain")
        try FileManager.default.createDirectory(at: plain, withIntermediateDirectories: false)
        let mode = { (url: URL) in try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? Int }
        #expect(try mode(site.appendingPathComponent("public")) == mode(plain))
    }
}
