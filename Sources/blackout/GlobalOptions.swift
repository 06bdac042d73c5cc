import ArgumentParser
import Foundation
import Logging

enum ColorChoice: String, ExpressibleByArgument, CaseIterable {
    case auto, always, never
}

/// Options every command takes (SPEC §8).
struct GlobalOptions: ParsableArguments {
    @Flag(name: .long, help: "Print only errors and warnings.")
    var quiet = false

    @Flag(name: .long, help: "Also print per-phase timings.")
    var verbose = false

    @Option(name: .long, help: "Colour diagnostics: auto, always or never.")
    var color: ColorChoice = .auto

    var useColor: Bool {
        switch color {
        case .always: true
        case .never: false
        case .auto: isatty(STDERR_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
        }
    }

    func makeLogger() -> Logger {
        let verbose = self.verbose
        var logger = Logger(label: "blackout") { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = verbose ? .info : .notice
            return handler
        }
        logger.logLevel = verbose ? .info : .notice
        return logger
    }
}

/// A folder argument resolved against the working directory.
func absoluteURL(_ path: String) -> URL {
    URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath)).standardizedFileURL
}
