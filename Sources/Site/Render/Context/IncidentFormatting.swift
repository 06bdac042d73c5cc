import OutageData

/// Human-readable pieces of an incident shared by lists, pages and feeds.
extension Incident {
    var startUTC: String { start.display() + " UTC" }

    /// The end as shown next to the start: the year is left out when it is the start's.
    var endUTC: String? {
        end.map { $0.display(relativeTo: start) + " UTC" }
    }

    func localTime(_ t: Timestamp) -> String? {
        guard let zone = timezone, !t.isDateOnly else { return nil }
        let offset = zone.offsetSeconds(at: t)
        return t.display(offsetSeconds: offset) + " " + zone.abbreviation(at: t)
    }

    /// "9 h 31 min", "ongoing", or "end unknown".
    var durationText: String {
        if let seconds = durationSeconds { return formatDuration(seconds: seconds) }
        return status == .ongoing ? "ongoing" : "end unknown"
    }

    var statusKey: String {
        if status == .ongoing { return "ongoing" }
        return end == nil ? "end-unknown" : "resolved"
    }

    var statusLabel: String {
        switch statusKey {
        case "ongoing": "Ongoing"
        case "end-unknown": "Resolved, end unknown"
        default: "Resolved"
        }
    }

    /// "North Korea", "Egypt, Libya", or "" when no country is given.
    var placeText: String {
        let names = countries.map(\.name)
        if names.count > 3 { return names.prefix(3).joined(separator: ", ") + " +\(names.count - 3)" }
        if names.isEmpty, let first = affected.first { return first }
        return names.joined(separator: ", ")
    }

    var causeText: String {
        cause == .unknown ? "cause unknown" : cause.label
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
