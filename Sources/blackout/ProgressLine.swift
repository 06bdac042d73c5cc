import Foundation
import Synchronization

/// One updating line on stderr, "writing pages 1200/10000", redrawn at most every 100 ms.
/// Only used when stderr is a terminal, so logs and CI output carry no progress noise.
final class ProgressLine: Sendable {
    private let lastDraw = Mutex<ContinuousClock.Instant?>(nil)

    static func ifTerminal(quiet: Bool) -> ProgressLine? {
        quiet || isatty(STDERR_FILENO) != 1 ? nil : ProgressLine()
    }

    func update(_ phase: String, _ done: Int, _ total: Int) {
        let now = ContinuousClock.now
        let draw = lastDraw.withLock { last -> Bool in
            if let last, now - last < .milliseconds(100), done < total { return false }
            last = now
            return true
        }
        guard draw else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K\(phase) \(done)/\(total)".utf8))
    }

    /// Clears the line before the summary or the diagnostics are printed.
    func finish() {
        if lastDraw.withLock({ $0 != nil }) { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}
