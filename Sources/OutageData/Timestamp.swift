/// An instant in UTC, to the second, or a whole day when the author wrote only a date.
public struct Timestamp: Sendable, Hashable, Comparable {
    /// Unix seconds, UTC.
    public let seconds: Int64
    /// Written as a bare date ("2014-12-22"): day precision, `seconds` is that day's 00:00 UTC.
    public let isDateOnly: Bool

    /// 9999-12-31T23:59:59Z: the last instant a four-digit ISO 8601 year can name.
    public static let latestSeconds: Int64 = 253_402_300_799

    public init(seconds: Int64, isDateOnly: Bool = false) {
        self.seconds = seconds
        self.isDateOnly = isDateOnly
    }

    /// Ordered by instant; a bare date sorts before the date-time naming the same second,
    /// so that `<` stays consistent with `==`.
    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool {
        if lhs.seconds != rhs.seconds { return lhs.seconds < rhs.seconds }
        return lhs.isDateOnly && !rhs.isDateOnly
    }

    /// Broken-down local time at a UTC offset (seconds east of Greenwich).
    public func civil(offsetSeconds: Int = 0) -> CivilTime {
        CivilTime(localSeconds: localSeconds(offsetSeconds))
    }

    /// The UTC year.
    public var year: Int {
        Int(CivilCalendar.date(days: CivilCalendar.floorDivide(seconds, CivilCalendar.secondsPerDay)).year)
    }

    /// "2014-12-22T16:15:00Z", or "2014-12-22" for a bare date.
    public var iso8601: String {
        let time = civil()
        return isDateOnly ? TimestampText.date(time) : TimestampText.dateTime(time)
    }

    /// Always a full date-time, "2014-12-22T00:00:00Z" for a bare date (Atom, sitemap).
    public var rfc3339: String {
        TimestampText.dateTime(civil())
    }

    /// Seconds since the epoch on a local clock; saturates instead of trapping for the
    /// extreme values a hostile file may contain.
    func localSeconds(_ offsetSeconds: Int) -> Int64 {
        let (sum, overflow) = seconds.addingReportingOverflow(Int64(offsetSeconds))
        if overflow { return offsetSeconds > 0 ? Int64.max : Int64.min }
        return sum
    }
}
