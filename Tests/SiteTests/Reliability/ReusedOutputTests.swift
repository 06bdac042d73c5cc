import Foundation
import Testing

/// The site before last is kept beside the output and updated as the next staging folder
/// (PreviousOutput). Whatever it held, the result must be exactly what a build into an empty
/// folder gives, and nothing a user put in the served site may be written through.
@Suite struct ReusedOutputTests {
    private func build(_ site: URL, into output: URL) throws {
        let result = try CLI.run(["build", "--site", site.path, "--output", output.path, "--color", "never"])
        #expect(result.status == 0, "stderr:\n\(result.stderr)")
    }

    /// A fresh build of the same site, to compare with.
    private func fresh(_ site: URL, in temp: TempFolder) throws -> [String: Data] {
        let output = temp.url.appendingPathComponent("fresh-\(UUID().uuidString)")
        try build(site, into: output)
        return snapshot(of: output)
    }

    @Test func rebuildsAfterEveryKindOfChangeEqualAFreshBuild() throws {
        let temp = try TempFolder()
        let site = temp.url.appendingPathComponent("site")
        let output = temp.url.appendingPathComponent("public")
        // Growing, shrinking, changing every page, and back: incidents, tags and years appear
        // and disappear, so files and whole folders come and go in the kept site.
        for (count, revision) in [(12, 1), (12, 1), (30, 1), (5, 2), (5, 2), (18, 3), (12, 1)] {
            try? FileManager.default.removeItem(at: site)
            try GeneratedSite.write(to: site, count: count, revision: revision)
            try build(site, into: output)
            let got = snapshot(of: output)
            let want = try fresh(site, in: temp)
            #expect(Set(got.keys) == Set(want.keys), "\(count) incidents r\(revision): extra \(Set(got.keys).subtracting(want.keys).sorted()), missing \(Set(want.keys).subtracting(got.keys).sorted())")
            for path in want.keys.sorted() where got[path] != want[path] {
                Issue.record("\(count) incidents r\(revision): \(path) differs from a fresh build")
            }
            #expect(leftovers(beside: output).isEmpty)
        }
    }

    /// A bundle file is copied again when it changed, even to the same size; an unchanged one is
    /// recognised by size and modification time, as rsync does, and left alone.
    @Test func bundleFilesFollowTheirSource() throws {
        let temp = try TempFolder()
        let site = temp.url.appendingPathComponent("site")
        let output = temp.url.appendingPathComponent("public")
        try GeneratedSite.write(to: site, count: 3)
        let fm = FileManager.default
        let bundle = try fm.contentsOfDirectory(atPath: site.appendingPathComponent("content/incidents").path).first { !$0.hasSuffix(".md") }
        let folder = try #require(bundle)
        let csv = site.appendingPathComponent("content/incidents/\(folder)/connectivity.csv")
        for _ in 0..<3 { try build(site, into: output) }
        let copied = { () throws -> URL in
            let incidents = output.appendingPathComponent("incidents")
            let slug = try #require(try fm.contentsOfDirectory(atPath: incidents.path).first {
                fm.fileExists(atPath: incidents.appendingPathComponent("\($0)/connectivity.csv").path)
            })
            return incidents.appendingPathComponent("\(slug)/connectivity.csv")
        }
        let before = try fm.attributesOfItem(atPath: try copied().path)[.systemFileNumber] as? UInt64
        try build(site, into: output)
        try build(site, into: output)
        #expect(try fm.attributesOfItem(atPath: try copied().path)[.systemFileNumber] as? UInt64 == before)
        // Same length, other bytes (and a new modification time): copied again.
        var text = try String(contentsOf: csv, encoding: .utf8)
        text = text.replacingOccurrences(of: ",5\n", with: ",6\n")
        try Data(text.utf8).write(to: csv)
        try build(site, into: output)
        try build(site, into: output)
        #expect(try Data(contentsOf: try copied()) == Data(contentsOf: csv))
    }

    /// An unchanged file is not rewritten: same inode, same modification time.
    @Test func unchangedFilesAreLeftAlone() throws {
        let temp = try TempFolder()
        let site = temp.url.appendingPathComponent("site")
        let output = temp.url.appendingPathComponent("public")
        try GeneratedSite.write(to: site, count: 6)
        try build(site, into: output)
        try build(site, into: output)
        let page = output.appendingPathComponent("incidents/index.html").path
        let before = try FileManager.default.attributesOfItem(atPath: page)
        try build(site, into: output)
        try build(site, into: output)
        let after = try FileManager.default.attributesOfItem(atPath: page)
        #expect(before[.systemFileNumber] as? UInt64 == after[.systemFileNumber] as? UInt64)
        #expect(before[.modificationDate] as? Date == after[.modificationDate] as? Date)
    }

    /// Links, a folder where a page goes and a file where a folder goes, planted in the served
    /// site: two builds later that tree is the staging folder. Nothing is written through the
    /// links, their targets are untouched, and the output equals a fresh build.
    @Test func whatUsersPutInTheServedSiteIsNeitherFollowedNorKept() throws {
        let temp = try TempFolder()
        let site = temp.url.appendingPathComponent("site")
        let output = temp.url.appendingPathComponent("public")
        let outside = temp.url.appendingPathComponent("outside")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        let secret = outside.appendingPathComponent("secret.html")
        try Data("keep me".utf8).write(to: secret)
        try GeneratedSite.write(to: site, count: 6)
        try build(site, into: output)
        let fm = FileManager.default
        try fm.removeItem(at: output.appendingPathComponent("incidents/index.html"))
        try fm.createSymbolicLink(at: output.appendingPathComponent("incidents/index.html"), withDestinationURL: secret)
        try fm.removeItem(at: output.appendingPathComponent("timeline"))
        try fm.createSymbolicLink(at: output.appendingPathComponent("timeline"), withDestinationURL: outside)
        try fm.removeItem(at: output.appendingPathComponent("feed.xml"))
        try fm.createDirectory(at: output.appendingPathComponent("feed.xml/inside"), withIntermediateDirectories: true)
        try fm.removeItem(at: output.appendingPathComponent("countries"))
        try Data("not a folder".utf8).write(to: output.appendingPathComponent("countries"))
        // A file where folders two levels deep go (years/2020/): whichever page is written
        // first, the folder above must be cleared.
        try fm.removeItem(at: output.appendingPathComponent("years"))
        try Data("not a folder either".utf8).write(to: output.appendingPathComponent("years"))
        try Data("extra".utf8).write(to: output.appendingPathComponent("extra.html"))
        // A hard link from the served site to a file outside: a changed page must not be
        // written through it.
        let linked = outside.appendingPathComponent("linked.html")
        try Data("keep me too".utf8).write(to: linked)
        try fm.removeItem(at: output.appendingPathComponent("robots.txt"))
        try fm.linkItem(at: linked, to: output.appendingPathComponent("robots.txt"))

        try build(site, into: output)  // the tampered site is now the kept one
        try build(site, into: output)  // and this build starts from it
        #expect(try String(contentsOf: secret, encoding: .utf8) == "keep me")
        #expect(try String(contentsOf: linked, encoding: .utf8) == "keep me too")
        #expect(try fm.contentsOfDirectory(atPath: outside.path).sorted() == ["linked.html", "secret.html"])
        let got = snapshot(of: output)
        let want = try fresh(site, in: temp)
        #expect(got == want)
        for path in ["incidents/index.html", "timeline"] {
            let type = try fm.attributesOfItem(atPath: output.appendingPathComponent(path).path)[.type] as? FileAttributeType
            #expect(type != .typeSymbolicLink, "\(path) is a link")
        }
    }

    /// Changes deep in the served site, under folders the manifest records: the folders changed
    /// are read again (their identity moved), the others are listed from their records, and the
    /// result equals a fresh build, with nothing written through a link or kept that a user
    /// added.
    @Test func changesInsideRecordedFoldersAreSeen() throws {
        let temp = try TempFolder()
        let site = temp.url.appendingPathComponent("site")
        let output = temp.url.appendingPathComponent("public")
        let outside = temp.url.appendingPathComponent("outside")
        let fm = FileManager.default
        try fm.createDirectory(at: outside.appendingPathComponent("folder"), withIntermediateDirectories: true)
        let secret = outside.appendingPathComponent("secret.html")
        try Data("keep me".utf8).write(to: secret)
        try GeneratedSite.write(to: site, count: 8)
        // Three builds: the site in place now has folder records, and so will the kept one.
        for _ in 0..<3 { try build(site, into: output) }
        let incidents = output.appendingPathComponent("incidents")
        let slugs = try fm.contentsOfDirectory(atPath: incidents.path).filter { !$0.contains(".") && $0 != "page" }.sorted()
        try #require(slugs.count >= 4)
        try Data("extra".utf8).write(to: incidents.appendingPathComponent("\(slugs[0])/extra.html"))
        try fm.createDirectory(at: incidents.appendingPathComponent("\(slugs[0])/empty/deeper"), withIntermediateDirectories: true)
        try fm.createSymbolicLink(at: incidents.appendingPathComponent("\(slugs[1])/link.html"), withDestinationURL: secret)
        try fm.removeItem(at: incidents.appendingPathComponent("\(slugs[2])/index.html"))
        try fm.createDirectory(at: incidents.appendingPathComponent("\(slugs[2])/index.html"), withIntermediateDirectories: true)
        try fm.removeItem(at: incidents.appendingPathComponent(slugs[3]))
        try fm.createSymbolicLink(at: incidents.appendingPathComponent(slugs[3]), withDestinationURL: outside.appendingPathComponent("folder"))

        try build(site, into: output)  // the changed site is now the kept one
        let result = try CLI.run(["build", "--site", site.path, "--output", output.path, "--color", "never", "--verbose"])
        #expect(result.status == 0, "stderr:\n\(result.stderr)")
        // The build did list folders from their records (the check below would pass without).
        let listed = try #require(result.stderr.firstMatch(of: /(\d+) of (\d+) folders listed from the manifest/))
        #expect(Int(listed.1) ?? 0 > 0 && Int(listed.1) ?? 0 < Int(listed.2) ?? 0, "\(result.stderr)")
        #expect(try String(contentsOf: secret, encoding: .utf8) == "keep me")
        #expect(try fm.contentsOfDirectory(atPath: outside.appendingPathComponent("folder").path).isEmpty)
        #expect(snapshot(of: output) == (try fresh(site, in: temp)))
        #expect(symbolicLinks(under: output).isEmpty)
        // Nor an empty folder a user made: the tree holds exactly the fresh build's folders.
        let fresh = temp.url.appendingPathComponent("fresh-tree")
        try build(site, into: fresh)
        #expect(folders(under: output) == folders(under: fresh))
    }

    private func folders(under root: URL) -> Set<String> {
        var found: Set<String> = []
        let base = root.standardizedFileURL.path
        guard let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isDirectoryKey]) else { return [] }
        for case let url as URL in enumerator where (try? url.resourceValues(forKeys: [.isDirectoryKey]).isDirectory) == true {
            found.insert(String(url.standardizedFileURL.path.dropFirst(base.count + 1)))
        }
        return found
    }
}
