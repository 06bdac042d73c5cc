import Foundation
import Testing

/// SPEC §9, atomic output: a build killed at any moment leaves the previous output exactly as it
/// was (or, once the swap is done, the complete new one), and builds running at the same time
/// never mix their files.
@Suite(.serialized) struct InterruptedBuildTests {
    static let incidents = 150

    /// Two reference builds (revisions 1 and 2) of one generated site, each in its own folder.
    private func references(_ temp: TempFolder, site: URL) throws -> [Int: [String: Data]] {
        var result: [Int: [String: Data]] = [:]
        for revision in 1...2 {
            try GeneratedSite.write(to: site, count: Self.incidents, revision: revision)
            let out = temp.url.appendingPathComponent("reference-\(revision)")
            let built = try CLI.run(["build", "--site", site.path, "--output", out.path, "--quiet"])
            try #require(built.status == 0, "\(built.stderr)")
            result[revision] = snapshot(of: out)
        }
        return result
    }

    @Test func killedAtTwentyMomentsTheOutputIsAlwaysOneWholeBuild() throws {
        let temp = try TempFolder()
        let site = temp.url.appendingPathComponent("site")
        let builds = try references(temp, site: site)
        let output = site.appendingPathComponent("public")

        // A first complete build (revision 1), and how long a build takes.
        try GeneratedSite.write(to: site, count: Self.incidents, revision: 1)
        let began = Date()
        try #require(try CLI.run(["build", "--site", site.path, "--quiet"]).status == 0)
        let duration = Date().timeIntervalSince(began)
        var current = 1

        var kills: [String] = []
        for attempt in 0..<20 {
            let next = 3 - current
            try GeneratedSite.write(to: site, count: Self.incidents, revision: next)
            // Moments spread over the whole build, a quarter of them near its end (the swap).
            let fraction = attempt % 4 == 3 ? Double.random(in: 0.85...1.1) : Double.random(in: 0.0...1.0)
            let delay = duration * fraction
            let running = try CLI.start(["build", "--site", site.path, "--quiet"])
            usleep(UInt32(delay * 1_000_000))
            kill(running.pid, SIGKILL)
            _ = try running.finish(timeout: 60)
            let now = snapshot(of: output)
            let whole = builds.first { $0.value == now }?.key
            kills.append(String(format: "%.0f ms → %@", delay * 1000, whole.map { "revision \($0)" } ?? "BROKEN"))
            #expect(whole == current || whole == next, "killed after \(Int(delay * 1000)) ms: public/ is neither build (\(now.count) files)")
            if let whole { current = whole }
        }
        // The next build cleans up whatever the killed ones left, and leaves nothing itself.
        try GeneratedSite.write(to: site, count: Self.incidents, revision: 3 - current)
        let final = try CLI.run(["build", "--site", site.path, "--quiet"])
        #expect(final.status == 0, "\(final.stderr)")
        #expect(snapshot(of: output) == builds[3 - current])
        #expect(leftovers(beside: output).isEmpty, "left behind: \(leftovers(beside: output)); kills: \(kills)")
    }

    @Test(arguments: [2, 5])
    func buildsStartedTogetherLeaveOneWholeBuild(count: Int) throws {
        let temp = try TempFolder()
        let site = temp.url.appendingPathComponent("site")
        let builds = try references(temp, site: site)
        let output = site.appendingPathComponent("public")
        try GeneratedSite.write(to: site, count: Self.incidents, revision: 2)
        let running = try (0..<count).map { _ in try CLI.start(["build", "--site", site.path, "--color", "never"]) }
        let results = try running.map { try $0.finish(timeout: 300) }
        for result in results { #expect(result.status == 0, "\(result.stderr)") }
        #expect(results.filter { $0.stderr.contains("another blackout build is writing") }.count >= 1)
        let now = snapshot(of: output)
        #expect(now == builds[2], "public/ holds \(now.count) files; a whole build has \(builds[2]?.count ?? 0)")
        #expect(leftovers(beside: output).isEmpty)
    }

    /// `public` linked to a folder on another file system (tmpfs under /dev/shm): staging
    /// happens beside the link's target, so the swap stays one rename there and never turns
    /// into a copy that a kill could leave half done.
    @Test func stagingHappensBesideTheRealTargetOnItsFileSystem() throws {
        let temp = try TempFolder()
        let shm = URL(fileURLWithPath: "/dev/shm/blackout-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: shm, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: shm) }
        let site = temp.url.appendingPathComponent("site")
        let builds = try references(temp, site: site)
        let target = shm.appendingPathComponent("current")
        let link = site.appendingPathComponent("public")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: target)
        try GeneratedSite.write(to: site, count: Self.incidents, revision: 1)
        try #require(try CLI.run(["build", "--site", site.path, "--quiet"]).status == 0)

        // Three builds, each killed the moment its staging folder appears (watched, not timed,
        // so the test does not depend on the machine's speed).
        for _ in 0..<3 {
            try GeneratedSite.write(to: site, count: Self.incidents, revision: 2)
            let earlier = Set(leftovers(beside: target))
            let running = try CLI.start(["build", "--site", site.path, "--quiet"])
            var staged: Set<String> = []
            while running.process.isRunning && staged.isEmpty && leftovers(beside: link).isEmpty {
                staged = Set(leftovers(beside: target)).subtracting(earlier)
                usleep(1_000)
            }
            kill(running.pid, SIGKILL)
            _ = try running.finish(timeout: 60)
            #expect(leftovers(beside: link).isEmpty, "a staging folder was made beside the link, on another file system")
            #expect(!staged.isEmpty, "the build ended before its staging folder was seen")
            #expect(snapshot(of: target) == builds[1], "public/ is not the previous build after a kill")
        }
        #expect(try CLI.run(["build", "--site", site.path, "--quiet"]).status == 0)
        #expect(snapshot(of: target) == builds[2])
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == target.path)
        #expect(leftovers(beside: target).isEmpty)
    }
}
