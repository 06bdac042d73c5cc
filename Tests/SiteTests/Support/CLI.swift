import Foundation
import Synchronization
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

    /// Runs the binary to the end. stdout and stderr are drained at the same time, so a child
    /// that fills one pipe (64 KB of diagnostics) while we read the other cannot block.
    /// A child still running after `timeout` seconds is killed and the test fails, instead of
    /// hanging the suite.
    static func run(_ arguments: [String], in directory: URL? = nil, environment: [String: String]? = nil,
                    timeout: Double = 300) throws -> CLIResult {
        let process = try start(arguments, in: directory, environment: environment)
        return try process.finish(timeout: timeout)
    }

    /// Starts the binary and returns at once (for tests that kill it or run several together).
    static func start(_ arguments: [String], in directory: URL? = nil, environment: [String: String]? = nil) throws -> RunningCLI {
        let binary = try #require(CLI.binary, "the blackout binary was not built beside the tests; run `swift build` first (make test does)")
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        if let environment { process.environment = environment }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        return RunningCLI(process: process, out: PipeDrain(out), err: PipeDrain(err))
    }
}

/// A started `blackout` process whose output is being collected.
struct RunningCLI {
    let process: Process
    let out: PipeDrain
    let err: PipeDrain

    var pid: Int32 { process.processIdentifier }

    func finish(timeout: Double = 300) throws -> CLIResult {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { usleep(5_000) }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            Issue.record("blackout \(process.arguments ?? []) did not finish within \(timeout) s and was killed")
        }
        process.waitUntilExit()
        return CLIResult(status: process.terminationStatus, stdout: out.text(), stderr: err.text())
    }
}

/// Reads a pipe to its end on a thread of its own.
final class PipeDrain: Sendable {
    private let data = Mutex(Data())
    private let done = DispatchSemaphore(value: 0)

    init(_ pipe: Pipe) {
        let handle = pipe.fileHandleForReading
        Thread.detachNewThread { [self] in
            let bytes = handle.readDataToEndOfFile()
            data.withLock { $0 = bytes }
            done.signal()
        }
    }

    /// Waits for end of file (the child and its children closed the pipe) and returns the text.
    func text() -> String {
        done.wait()
        done.signal()
        return data.withLock { String(decoding: $0, as: UTF8.self) }
    }
}
