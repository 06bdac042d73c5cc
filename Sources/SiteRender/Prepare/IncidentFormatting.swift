import Foundation
import OutageData
import SiteModel

/// Human-readable pieces of an incident shared by lists, pages and feeds.
extension Incident {
    var startUTC: String { Self.utc(start) }

    /// The end as shown next to the start: the year is left out when it is the start's.
    var endUTC: String? {
        end.map { Self.utc($0, relativeTo: start) }
    }

    /// "22 Dec 2014 16:15 UTC"; a bare date stays a date, without a zone.
    package static func utc(_ t: Timestamp, relativeTo reference: Timestamp? = nil) -> String {
        let text = reference.map { t.display(relativeTo: $0) } ?? t.display()
        return t.isDateOnly ? text : text + " UTC"
    }

    /// The time in the incident's own zone, shown beside UTC; the year is left out when it is
    /// the reference's, as in the UTC column.
    func localTime(_ t: Timestamp, relativeTo reference: Timestamp? = nil) -> String? {
        guard let zone = timezone, !t.isDateOnly else { return nil }
        let offset = zone.offsetSeconds(at: t)
        let text = reference.map { t.display(offsetSeconds: offset, relativeTo: $0, referenceOffset: zone.offsetSeconds(at: $0)) }
            ?? t.display(offsetSeconds: offset)
        return text + " " + zone.abbreviation(at: t)
    }

    /// "Africa/Addis Ababa": the zone name as a reader would write it.
    var timezoneLabel: String? {
        timezone.map { $0.identifier.replacingOccurrences(of: "_", with: " ") }
    }

    /// The offset of a timeline entry from the start, "T+2h14m"; whole days when either is a
    /// bare date, since hours would claim a precision the date does not have.
    func offsetLabel(_ t: Timestamp) -> String {
        guard t.isDateOnly || start.isDateOnly else { return formatOffset(seconds: t.seconds - start.seconds) }
        let days = t.seconds.dividedRoundingDown(by: 86_400) - start.seconds.dividedRoundingDown(by: 86_400)
        return formatOffset(seconds: days * 86_400)
    }

    /// "9 h 31 min", "ongoing", or "end unknown".
    var durationText: String {
        if let seconds = durationSeconds { return formatDuration(seconds: seconds) }
        return status == .ongoing ? "ongoing" : "end unknown"
    }

    var displayStatus: DisplayStatus {
        DisplayStatus(status: status, hasEnd: end != nil)
    }

    /// "North Korea", "Egypt, Libya", or "" when no country is given.
    var placeText: String {
        let names = countries.map(\.name)
        if names.count > 3 { return names.prefix(3).joined(separator: ", ") + " +\(names.count - 3)" }
        if names.isEmpty, let first = affected.first { return first }
        return names.joined(separator: ", ")
    }

    var causeText: String {
        cause == .unknown ? "cause unknown" : cause.label.lowercased()
    }

    /// The one line of facts a reader can quote (SPEC §7):
    /// `22 Dec 2014 16:15 UTC → 23 Dec 01:46 UTC · 9 h 31 min · North Korea · AS131279 · cause unknown`
    var factsLine: String {
        var parts: [String] = []
        if let endUTC {
            parts.append("\(startUTC) → \(endUTC)")
        } else {
            parts.append("\(startUTC) → \(status == .ongoing ? "ongoing" : "end unknown")")
        }
        if let seconds = durationSeconds { parts.append(formatDuration(seconds: seconds)) }
        if !placeText.isEmpty { parts.append(placeText) }
        // The ASNs the incident is about, as the author listed them; `networks` only names them.
        let asnList = asns.isEmpty ? allASNs : asns
        if !asnList.isEmpty {
            parts.append(asnList.prefix(3).map(\.description).joined(separator: ", ") + (asnList.count > 3 ? " +\(asnList.count - 3)" : ""))
        }
        parts.append(causeText)
        return parts.joined(separator: " · ")
    }
}

extension Int64 {
    /// Floor division: −1 second is day −1, not day 0.
    func dividedRoundingDown(by divisor: Int64) -> Int64 {
        let quotient = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }
}
