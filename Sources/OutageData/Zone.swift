import Foundation  // TimeZone only: the IANA rules come from the system's tzdata.

/// An IANA time zone ("Asia/Pyongyang"), for showing local time beside UTC.
public struct Zone: Sendable, Hashable {
    /// The IANA spelling, whatever the case the author wrote it in: "Asia/Pyongyang".
    public let identifier: String
    /// nil for UTC, which needs no lookup.
    private let timeZone: TimeZone?

    /// nil when the identifier is not a known IANA zone. Foundation's `TimeZone(identifier:)`
    /// also accepts abbreviations ("EST") and offsets ("GMT+3"); those are refused here, since
    /// an abbreviation can mean several zones and neither follows daylight saving rules.
    /// Matching ignores case: "asia/pyongyang" is "Asia/Pyongyang".
    public init?(identifier: String) {
        if identifier.lowercased() == "utc" {
            self.identifier = "UTC"
            self.timeZone = nil
            return
        }
        guard let canonical = ZoneNames.canonical[identifier.lowercased()],
              let timeZone = TimeZone(identifier: canonical)
        else { return nil }
        self.identifier = canonical
        self.timeZone = timeZone
    }

    public static func == (lhs: Zone, rhs: Zone) -> Bool {
        lhs.identifier == rhs.identifier
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(identifier)
    }

    /// Seconds east of UTC in effect at `t`, daylight saving included.
    public func offsetSeconds(at t: Timestamp) -> Int {
        guard let timeZone else { return 0 }
        return timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(t.seconds)))
    }

    /// The offset in effect at `t` as a label: "UTC", "UTC+9", "UTC+5:30", "UTC−3".
    ///
    /// Always numeric: Foundation on Linux only knows "GMT+9"-style names, and on other
    /// platforms its letters ("EST") depend on the locale, so output would differ between machines.
    public func abbreviation(at t: Timestamp) -> String {
        offsetLabel(offsetSeconds(at: t))
    }
}

/// "UTC", "UTC+9", "UTC+5:30", "UTC−3", "UTC+0:19:32" (historical local mean time).
func offsetLabel(_ offsetSeconds: Int) -> String {
    if offsetSeconds == 0 { return "UTC" }
    let magnitude = offsetSeconds.magnitude
    let hours = magnitude / 3_600
    let minutes = magnitude % 3_600 / 60
    let seconds = magnitude % 60
    var label = "UTC" + (offsetSeconds < 0 ? minusSign : "+") + String(hours)
    if minutes != 0 || seconds != 0 {
        label += ":" + TimestampText.twoDigits(Int(minutes))
    }
    if seconds != 0 {
        label += ":" + TimestampText.twoDigits(Int(seconds))
    }
    return label
}

private enum ZoneNames {
    /// Lowercased identifier → IANA spelling, for every zone of the system's tzdata.
    static let canonical: [String: String] = {
        var names: [String: String] = [:]
        for identifier in TimeZone.knownTimeZoneIdentifiers {
            names[identifier.lowercased()] = identifier
        }
        return names
    }()
}
