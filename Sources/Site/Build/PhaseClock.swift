import Foundation
import Logging

/// Per-phase timings and memory, logged at --verbose: how long the phase took, the memory
/// the process holds at its end and the most it has held so far (from /proc on Linux).
struct PhaseClock {
    let logger: Logger
    private var last = ContinuousClock.now

    init(logger: Logger) { self.logger = logger }

    mutating func lap(_ phase: String) {
        let now = ContinuousClock.now
        logger.info("\(phase): \(now - last)\(Self.memory())")
        last = now
    }

    /// ", resident 85 MB, peak 120 MB", or nothing where /proc/self/status cannot be read.
    static func memory() -> String {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return "" }
        func megabytes(_ key: String) -> String? {
            guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix(key + ":") }),
                  let kilobytes = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).dropFirst().first.flatMap({ Int($0) }) else { return nil }
            return "\(kilobytes / 1_024) MB"
        }
        guard let resident = megabytes("VmRSS"), let peak = megabytes("VmHWM") else { return "" }
        return ", resident \(resident), peak \(peak)"
    }
}
