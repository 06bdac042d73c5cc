import Foundation
import Testing

/// SPEC §9: a build reads only the site. A symbolic link that leads outside the site folder is
/// refused with a diagnostic wherever it stands; a link inside the site is read, and its
/// content copied; nothing in the output is ever a link; a FIFO never hangs a build.
@Suite struct InputBoundaryTests {
    /// A secret outside the site, and the site beside it.
    private func setUp() throws -> (TempFolder, site: URL, secret: URL, bundle: URL) {
        let temp = try TempFolder()
        let site = temp.url.appendingPathComponent("site")
        try GeneratedSite.write(to: site, count: 3)
        try temp.write("secret/passwd", "root:x:0:0:SECRET-MARKER:/root:/bin/bash\n")
        try temp.write("secret/data.csv", "time,x\n1300000000,1\n1300000300,2\n")
        try temp.write("secret/folder/inner.txt", "SECRET-MARKER\n")
        let bundle = site.appendingPathComponent("content/incidents/2010-01-01-outage-0")
        return (temp, site, temp.url.appendingPathComponent("secret"), bundle)
    }

    private func link(_ path: URL, to target: URL) throws {
        try FileManager.default.createDirectory(at: path.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: path, withDestinationURL: target)
    }

    @Test(arguments: [
        "bundle-file", "bundle-folder", "theme-asset", "template", "home-text", "page", "single-incident",
        "dataset-source", "dataset-mapping", "series-csv", "site-yml", "content-folder",
    ])
    func aLinkOutOfTheSiteIsRefused(place: String) throws {
        let (temp, site, secret, bundle) = try setUp()
        _ = temp
        let passwd = secret.appendingPathComponent("passwd")
        switch place {
        case "bundle-file": try link(bundle.appendingPathComponent("passwd.txt"), to: passwd)
        case "bundle-folder": try link(bundle.appendingPathComponent("more"), to: secret.appendingPathComponent("folder"))
        case "theme-asset": try link(site.appendingPathComponent("templates/assets/x.css"), to: passwd)
        case "template": try link(site.appendingPathComponent("templates/partials/x.mustache"), to: passwd)
        case "home-text": try link(site.appendingPathComponent("content/_index.md"), to: passwd)
        case "page": try link(site.appendingPathComponent("content/pages/about.md"), to: passwd)
        case "single-incident": try link(site.appendingPathComponent("content/incidents/2020-05-05-x.md"), to: passwd)
        case "dataset-source":
            try Data("source: t.csv\ntitle: \"{x}\"\nfields:\n  start: { column: time }\n".utf8)
                .write(to: createFolder(site.appendingPathComponent("content/datasets")).appendingPathComponent("t.yml"))
            try link(site.appendingPathComponent("content/datasets/t.csv"), to: secret.appendingPathComponent("data.csv"))
        case "dataset-mapping":
            try link(site.appendingPathComponent("content/datasets/t.yml"), to: passwd)
        case "series-csv":
            try FileManager.default.removeItem(at: bundle.appendingPathComponent("connectivity.csv"))
            try link(bundle.appendingPathComponent("connectivity.csv"), to: secret.appendingPathComponent("data.csv"))
        case "site-yml":
            try FileManager.default.removeItem(at: site.appendingPathComponent("site.yml"))
            try link(site.appendingPathComponent("site.yml"), to: passwd)
        case "content-folder":
            let moved = secret.appendingPathComponent("content")
            try FileManager.default.moveItem(at: site.appendingPathComponent("content"), to: moved)
            try link(site.appendingPathComponent("content"), to: moved)
        default: Issue.record("unknown place \(place)")
        }
        let output = site.appendingPathComponent("public")
        let result = try CLI.run(["build", "--site", site.path, "--color", "never"], timeout: 60)
        #expect(result.status == 1, "\(place): \(result.stderr)")
        #expect(result.stderr.contains("outside the site folder"), "\(place): \(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: output.path), "\(place): a failed build wrote an output")
    }

    @Test func aLinkInsideTheSiteIsCopiedAsAFile() throws {
        let (temp, site, _, bundle) = try setUp()
        _ = temp
        try Data("shared map\n".utf8).write(to: site.appendingPathComponent("content/shared.txt"))
        try link(bundle.appendingPathComponent("map.txt"), to: site.appendingPathComponent("content/shared.txt"))
        let result = try CLI.run(["build", "--site", site.path, "--color", "never"], timeout: 60)
        #expect(result.status == 0, "\(result.stderr)")
        let copied = site.appendingPathComponent("public/incidents/outage-0/map.txt")
        #expect(try String(contentsOf: copied, encoding: .utf8) == "shared map\n")
        #expect(symbolicLinks(under: site.appendingPathComponent("public")).isEmpty)
    }

    @Test func aFIFOInABundleIsSkippedWithAWarning() throws {
        let (temp, site, _, bundle) = try setUp()
        _ = temp
        #expect(mkfifo(bundle.appendingPathComponent("pipe.csv").path, 0o644) == 0)
        #expect(mkfifo(bundle.appendingPathComponent("notes.txt").path, 0o644) == 0)
        let result = try CLI.run(["build", "--site", site.path, "--color", "never"], timeout: 60)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.diagnostics.filter { $0.contains("is a FIFO (named pipe), not a regular file; it is skipped") }.count == 2, "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: site.appendingPathComponent("public/incidents/outage-0/notes.txt").path))
        #expect(leftovers(beside: site.appendingPathComponent("public")).isEmpty)
    }

    /// Files named like what the build writes beside a page are not silently dropped.
    @Test func bundleFilesWithGeneratedNamesAreReported() throws {
        let (temp, site, _, bundle) = try setUp()
        _ = temp
        for name in ["index.html", "incident.json", "connectivity.svg"] {
            try Data("user file\n".utf8).write(to: bundle.appendingPathComponent(name))
        }
        let result = try CLI.run(["build", "--site", site.path, "--color", "never"], timeout: 60)
        #expect(result.status == 0, "\(result.stderr)")
        for name in ["index.html", "incident.json", "connectivity.svg"] {
            #expect(result.diagnostics.contains { $0.hasPrefix("content/incidents/2010-01-01-outage-0/\(name): warning: ") }, "\(name): \(result.stderr)")
            let written = try String(contentsOf: site.appendingPathComponent("public/incidents/outage-0/\(name)"), encoding: .utf8)
            #expect(written != "user file\n")
        }
    }

    private func createFolder(_ url: URL) throws -> URL {
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

/// Every symbolic link under a folder (relative paths).
func symbolicLinks(under folder: URL) -> [String] {
    var links: [String] = []
    guard let enumerator = FileManager.default.enumerator(atPath: folder.path) else { return [] }
    while let path = enumerator.nextObject() as? String {
        if FileWalkerProbe.isLink(folder.appendingPathComponent(path).path) { links.append(path) }
    }
    return links
}

enum FileWalkerProbe {
    static func isLink(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK
    }
}
