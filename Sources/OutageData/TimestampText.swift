/// Fixed-width text for timestamps, without Foundation formatters. The ISO forms are
/// assembled as bytes: they are written for every timeline entry and every data download.
public enum TimestampText {
    static let monthAbbreviations = ["Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                     "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// "2014-12-22"
    static func date(_ time: CivilTime) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(10)
        appendDate(time, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// "2014-12-22T16:15:00Z"
    static func dateTime(_ time: CivilTime) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(20)
        appendDateTime(time, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `dateTime` appended to bytes, for writers that build a page without Strings.
    public static func appendDateTime(_ time: CivilTime, to bytes: inout [UInt8]) {
        appendDate(time, to: &bytes)
        bytes.append(UInt8(ascii: "T"))
        appendTwoDigits(time.hour, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        appendTwoDigits(time.minute, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        appendTwoDigits(time.second, to: &bytes)
        bytes.append(UInt8(ascii: "Z"))
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
        var bytes: [UInt8] = []
        appendYear(value, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    static func twoDigits(_ value: Int) -> String {
        value < 10 && value >= 0 ? "0" + String(value) : String(value)
    }

    private static func appendDate(_ time: CivilTime, to bytes: inout [UInt8]) {
        appendYear(time.year, to: &bytes)
        bytes.append(UInt8(ascii: "-"))
        appendTwoDigits(time.month, to: &bytes)
        bytes.append(UInt8(ascii: "-"))
        appendTwoDigits(time.day, to: &bytes)
    }

    private static func appendYear(_ value: Int, to bytes: inout [UInt8]) {
        if value < 0 {
            bytes.append(UInt8(ascii: "-"))
        }
        let magnitude = value.magnitude
        if magnitude < 10_000 {
            appendTwoDigits(Int(magnitude / 100), to: &bytes)
            appendTwoDigits(Int(magnitude % 100), to: &bytes)
        } else {
            bytes.append(contentsOf: String(magnitude).utf8)
        }
    }

    /// Two digits of a value in 0…99 (callers pass calendar and clock fields).
    private static func appendTwoDigits(_ value: Int, to bytes: inout [UInt8]) {
        let clamped = UInt8(clamping: max(0, min(99, value)))
        bytes.append(UInt8(ascii: "0") + clamped / 10)
        bytes.append(UInt8(ascii: "0") + clamped % 10)
    }
}
