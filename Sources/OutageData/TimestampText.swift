/// Fixed-width text for timestamps, without Foundation formatters.
enum TimestampText {
    static let monthAbbreviations = ["Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                     "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// "2014-12-22"
    static func date(_ time: CivilTime) -> String {
        year(time.year) + "-" + twoDigits(time.month) + "-" + twoDigits(time.day)
    }

    /// "2014-12-22T16:15:00Z"
    static func dateTime(_ time: CivilTime) -> String {
        date(time) + "T" + twoDigits(time.hour) + ":" + twoDigits(time.minute) + ":"
            + twoDigits(time.second) + "Z"
    }

    /// "16:15"
    static func hoursMinutes(_ time: CivilTime) -> String {
        twoDigits(time.hour) + ":" + twoDigits(time.minute)
    }

    /// "Dec"; the month is always 1…12 as it comes from `CivilCalendar`.
    static func monthAbbreviation(_ month: Int) -> String {
        monthAbbreviations.indices.contains(month - 1) ? monthAbbreviations[month - 1] : "?"
    }

    /// At least four digits, as ISO 8601 wants: "0999", "2014", "-0001", "12345".
    static func year(_ value: Int) -> String {
        let digits = String(value.magnitude)
        let padded = digits.count < 4 ? String(repeating: "0", count: 4 - digits.count) + digits : digits
        return value < 0 ? "-" + padded : padded
    }

    static func twoDigits(_ value: Int) -> String {
        value < 10 && value >= 0 ? "0" + String(value) : String(value)
    }
}
