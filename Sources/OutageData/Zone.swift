import Foundation  // TimeZone only: the IANA rules come from the system's tzdata.

/// An IANA time zone ("Asia/Pyongyang"), for showing local time beside UTC.
public struct Zone: Sendable, Hashable {
    /// The IANA name as written: "Asia/Pyongyang"; "UTC" for UTC and Etc/UTC.
    public let identifier: String
    /// nil for UTC, which needs no lookup.
    private let timeZone: TimeZone?

    /// nil when the identifier is not a known IANA zone.
    ///
    /// Foundation's `TimeZone(identifier:)` also accepts abbreviations and legacy aliases
    /// ("EST", "GMT+3", "ROK", "US/Eastern"); those are refused, since an abbreviation can mean
    /// several zones and "Etc/GMT+3" is three hours *west*. Accepted: the names Foundation lists,
    /// and any "Area/Location" name of tzdata's geographic areas, because Foundation's list
    /// misses current names such as "Asia/Kolkata" and "Asia/Istanbul". Names are
    /// case-sensitive, as in tzdata.
    public init?(identifier: String) {
        if identifier == "UTC" || identifier == "Etc/UTC" {
            self.identifier = "UTC"
            self.timeZone = nil
            return
        }
        guard ZoneNames.known.contains(identifier) || ZoneNames.isGeographic(identifier),
              let timeZone = TimeZone(identifier: identifier)
        else { return nil }
        self.identifier = identifier
        self.timeZone = timeZone
    }

    /// Coordinated Universal Time.
    public static let utc = Zone(utcIdentifier: ())

    private init(utcIdentifier: Void) {
        identifier = "UTC"
        timeZone = nil
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
    static let known = Set(TimeZone.knownTimeZoneIdentifiers)

    /// The areas of tzdata's geographic names (the files africa, asia, europe…).
    private static let areas: Set<Substring> = [
        "Africa", "America", "Antarctica", "Arctic", "Asia", "Atlantic", "Australia", "Europe", "Indian", "Pacific",
    ]

    /// "Area/Location" or "Area/Region/Location", each part made of the characters tzdata uses.
    static func isGeographic(_ identifier: String) -> Bool {
        let parts = identifier.split(separator: "/", omittingEmptySubsequences: false)
        guard (2...3).contains(parts.count), let area = parts.first, areas.contains(area) else { return false }
        return parts.dropFirst().allSatisfy { part in
            !part.isEmpty && part.first != "." && part.utf8.allSatisfy { byte in
                (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
                    || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "_")
                    || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+")
            }
        }
    }
}
