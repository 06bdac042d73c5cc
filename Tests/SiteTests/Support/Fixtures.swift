import Foundation
import Testing

/// Paths of the test fixtures and throwaway folders. Every test gets its own temp folder; no
/// test writes into the working tree (except golden files under RECORD=1).
enum Fixtures {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    static func site(_ name: String) -> URL { root.appendingPathComponent("sites/\(name)") }
    static func invalid(_ name: String) -> URL { root.appendingPathComponent("invalid/\(name)") }
    static func golden(_ name: String) -> URL { root.appendingPathComponent("golden/\(name)") }

    /// The repository itself: its content/ and templates/ are the example archive.
    static let repository = root.deletingLastPathComponent().deletingLastPathComponent()

    /// Names of the invalid fixtures (folders holding an expected.txt).
    static var invalidNames: [String] {
        let folder = root.appendingPathComponent("invalid")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { FileManager.default.fileExists(atPath: folder.appendingPathComponent("\($0)/expected.txt").path) }.sorted()
    }
}

/// A fresh temp folder, removed when the value goes away.
final class TempFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("blackout-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    /// Copies a fixture site into the folder and returns where it went.
    func copy(_ source: URL, as name: String = "site") throws -> URL {
        let target = url.appendingPathComponent(name)
        try FileManager.default.copyItem(at: source, to: target)
        return target
    }

    func write(_ path: String, _ text: String) throws {
        let target = url.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: target)
    }
}

/// Every file under a folder (hidden ones included) with its bytes, for comparing trees.
func snapshot(of folder: URL) -> [String: Data] {
    var result: [String: Data] = [:]
    guard let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey]) else { return [:] }
    let base = folder.standardizedFileURL.path
    for case let url as URL in enumerator {
        guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
        let path = String(url.standardizedFileURL.path.dropFirst(base.count + 1))
        result[path] = FileManager.default.contents(atPath: url.path)
    }
    return result
}

/// What an interrupted or concurrent build could leave beside an output folder: staging
/// folders and a site moved aside. A finished build leaves none.
func leftovers(beside output: URL) -> [String] {
    let name = output.lastPathComponent
    let entries = (try? FileManager.default.contentsOfDirectory(atPath: output.deletingLastPathComponent().path)) ?? []
    return entries.filter { $0.hasPrefix(".\(name).blackout-staging") || $0.hasPrefix(".\(name).blackout-previous") }.sorted()
}
