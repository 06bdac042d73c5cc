import Foundation
import Testing

/// Runs the real `blackout` binary, built beside the test bundle (`make test` builds it first).
struct CLIResult {
    var status: Int32
    var stdout: String
    var stderr: String

    /// The diagnostic lines of stderr (those of the form path:line:col: error|warning: …).
    var diagnostics: [String] {
        stderr.split(separator: "\n").map(String.init).filter { $0.contains(": error: ") || $0.contains(": warning: ") }
            .filter { !$0.hasPrefix("error: ") }
    }
}

enum CLI {
    static var binary: URL? {
        let runner = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var folder = runner.deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent("blackout")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        return nil
    }

    static func run(_ arguments: [String], in directory: URL? = nil) throws -> CLIResult {
        let binary = try #require(CLI.binary, "the blackout binary was not built beside the tests; run `swift build` first (make test does)")
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read before waiting so a full pipe cannot block the child.
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CLIResult(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                         stderr: String(decoding: errData, as: UTF8.self))
    }
}
