import Diagnostics
import OutageData
import SiteModel

/// `blackout check` warns when the data tells a different story from the front matter: the
/// window in which a signal shows the outage starts or ends more than 30 minutes away from the
/// stated `start`/`end` (SPEC §6). Measured series only.
enum DataWindowCheck {
    static let tolerance: Int64 = 30 * 60

    static func check(_ incidents: [Incident], into log: DiagnosticLog) {
        for incident in incidents {
            // A reconstruction is drawn from the very times it would be checked against.
            for series in incident.seriesData where series.reference.provenance == .measured {
                for signal in series.signals {
                    guard let window = signal.figures.outageWindow else { continue }
                    var differences: [String] = []
                    let startGap = window.start - incident.start.seconds
                    if abs(startGap) > tolerance && !incident.start.isDateOnly {
                        differences.append("starts \(formatDuration(seconds: abs(startGap))) \(startGap < 0 ? "before" : "after") \"start\"")
                    }
                    if let end = incident.end, !end.isDateOnly {
                        let endGap = window.end - end.seconds
                        if abs(endGap) > tolerance {
                            differences.append("ends \(formatDuration(seconds: abs(endGap))) \(endGap < 0 ? "before" : "after") \"end\"")
                        }
                    }
                    guard !differences.isEmpty else { continue }
                    let shown = "\(Incident.utc(Timestamp(seconds: window.start))) to \(Incident.utc(Timestamp(seconds: window.end)))"
                    log.warning("\(series.reference.file): \"\(signal.label)\" shows the outage from \(shown), which "
                                + differences.joined(separator: " and "), at: series.reference.location)
                }
            }
        }
    }
}
