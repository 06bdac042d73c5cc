import Diagnostics
import Foundation

/// Prints the run's diagnostics to stderr once, sorted, compiler style.
struct DiagnosticPrinter {
    let color: Bool

    func print(_ log: DiagnosticLog) {
        var text = ""
        for diagnostic in log.sorted {
            if color {
                let tint = diagnostic.severity == .error ? "\u{1B}[1;31m" : "\u{1B}[1;33m"
                text += "\u{1B}[1m\(terminalSafe(diagnostic.location.description)):\u{1B}[0m \(tint)\(diagnostic.severity.rawValue):\u{1B}[0m \(terminalSafe(diagnostic.message))\n"
            } else {
                text += terminalSafe(diagnostic.description) + "\n"
            }
        }
        if !text.isEmpty { FileHandle.standardError.write(Data(text.utf8)) }
    }

    /// "2 errors, 1 warning"
    static func counts(_ log: DiagnosticLog) -> String {
        let e = log.errorCount
        let w = log.warningCount
        return "\(e) error\(e == 1 ? "" : "s"), \(w) warning\(w == 1 ? "" : "s")"
    }
}

func printNote(_ message: String) {
    FileHandle.standardError.write(Data("note: \(terminalSafe(message))\n".utf8))
}

func printError(_ message: String) {
    FileHandle.standardError.write(Data("error: \(terminalSafe(message))\n".utf8))
}
