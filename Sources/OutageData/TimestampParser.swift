extension Timestamp {
    /// ISO 8601 with a zone: 2014-12-22T16:15:00Z, 2014-12-22T16:15Z, 2014-12-23T01:46:00+09:00
    /// (also +0900 and +09), fractional seconds allowed (truncated), lowercase z/t accepted;
    /// or a bare date 2014-12-22. A leap second (…23:59:60Z) is accepted as the last second of
    /// its minute, 23:59:59 (as 23:59:59.999… truncates), so it stays in the day and year it
    /// is written in; Unix time has no number of its own for it.
    public static func parse(_ text: String) throws(ValueError) -> Timestamp {
        switch ByteReader.withBytes(of: text, TimestampScanner.scan) {
        case .timestamp(let timestamp):
            return timestamp
        case .missingZone:
            // Only well-formed ASCII reaches this case, so the text can be echoed as is.
            throw ValueError("has no time zone: \(quoted(text)) (write \(text)Z for UTC)")
        case .invalid:
            if let (what, reason) = impossibility(text) {
                throw ValueError("is not a real \(what): \(quoted(text)) (\(reason))")
            }
            throw ValueError(
                "is not a timestamp: \(quoted(text)) (expected ISO 8601 with a zone, "
                    + "such as 2014-12-22T16:15:00Z, or a date such as 2014-12-22)")
        }
    }

    private static let monthNames = [
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ]

    /// For text shaped like a timestamp whose numbers are out of range (2021-02-30, hour 25):
    /// ("date" or "time", why). Only runs after a parse failed, so it may allocate.
    static func impossibility(_ text: String) -> (String, String)? {
        let b = Array(text.utf8)
        func number(_ range: Range<Int>) -> Int64? {
            guard range.upperBound <= b.count else { return nil }
            var value: Int64 = 0
            for i in range {
                guard b[i] >= UInt8(ascii: "0"), b[i] <= UInt8(ascii: "9") else { return nil }
                value = value * 10 + Int64(b[i] - UInt8(ascii: "0"))
            }
            return value
        }
        guard let year = number(0..<4), b.count >= 10, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-"),
              let month = number(5..<7), let day = number(8..<10) else { return nil }
        guard (1...12).contains(month) else { return ("date", "there is no month \(month)") }
        let length = CivilCalendar.daysInMonth(year: year, month: month)
        guard (1...length).contains(day) else {
            return ("date", "\(monthNames[Int(month) - 1]) \(year) has \(length) days")
        }
        guard b.count >= 16, b[10] == UInt8(ascii: "T") || b[10] == UInt8(ascii: "t"), b[13] == UInt8(ascii: ":"),
              let hour = number(11..<13), let minute = number(14..<16) else { return nil }
        if hour > 23 { return ("time", "there is no hour \(hour)") }
        if minute > 59 { return ("time", "there is no minute \(minute)") }
        return nil
    }
}

/// The ISO 8601 subset of `Timestamp.parse`, on bytes: no allocation, no Foundation,
/// since it runs for every row of every series.
enum TimestampScanner {
    enum Outcome {
        case timestamp(Timestamp)
        /// A valid date and time with nothing after it.
        case missingZone
        case invalid
    }

    static let maximumOffset: Int64 = 14 * 3_600

    static func scan(_ bytes: ByteReader) -> Outcome {
        guard let days = date(bytes) else { return .invalid }
        let dayStart = days * CivilCalendar.secondsPerDay
        if bytes.count == 10 {
            return .timestamp(Timestamp(seconds: dayStart, isDateOnly: true))
        }
        guard bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: "t"),
              let hour = bytes.decimal(at: 11, length: 2), hour <= 23,
              bytes[13] == UInt8(ascii: ":"),
              let minute = bytes.decimal(at: 14, length: 2), minute <= 59
        else { return .invalid }

        var position = 16
        var second: Int64 = 0
        if bytes[position] == UInt8(ascii: ":") {
            guard let value = bytes.decimal(at: position + 1, length: 2), value <= 60 else { return .invalid }
            second = value
            position += 3
            if bytes[position] == UInt8(ascii: ".") || bytes[position] == UInt8(ascii: ",") {
                position += 1
                guard bytes.isDigit(at: position) else { return .invalid }
                while bytes.isDigit(at: position) { position += 1 }
            }
        }
        if position == bytes.count {
            return .missingZone
        }
        guard let offset = zoneOffset(bytes, from: position) else { return .invalid }

        var localSecondOfDay = hour * 3_600 + minute * 60 + second
        if second == 60 {
            // Only the last second of a UTC day can be a leap second; it counts as :59.
            localSecondOfDay -= 1
            let utcSecondOfDay = CivilCalendar.floorModulo(localSecondOfDay - offset, CivilCalendar.secondsPerDay)
            guard utcSecondOfDay == CivilCalendar.secondsPerDay - 1 else { return .invalid }
        }
        return .timestamp(Timestamp(seconds: dayStart + localSecondOfDay - offset))
    }

    /// Day number of "YYYY-MM-DD" at the start, if that date exists.
    private static func date(_ bytes: ByteReader) -> Int64? {
        guard let year = bytes.decimal(at: 0, length: 4),
              bytes[4] == UInt8(ascii: "-"),
              let month = bytes.decimal(at: 5, length: 2), (1...12).contains(month),
              bytes[7] == UInt8(ascii: "-"),
              let day = bytes.decimal(at: 8, length: 2),
              day >= 1, day <= CivilCalendar.daysInMonth(year: year, month: month)
        else { return nil }
        return CivilCalendar.days(year: year, month: month, day: day)
    }

    /// Seconds east of UTC for "Z", "±HH:MM", "±HHMM" or "±HH" running to the end.
    private static func zoneOffset(_ bytes: ByteReader, from start: Int) -> Int64? {
        let sign = bytes[start]
        if sign == UInt8(ascii: "Z") || sign == UInt8(ascii: "z") {
            return start + 1 == bytes.count ? 0 : nil
        }
        guard sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-"),
              let hours = bytes.decimal(at: start + 1, length: 2)
        else { return nil }
        var minutes: Int64 = 0
        switch bytes.count - start {
        case 3:
            break
        case 5:
            guard let value = bytes.decimal(at: start + 3, length: 2) else { return nil }
            minutes = value
        case 6:
            guard bytes[start + 3] == UInt8(ascii: ":"),
                  let value = bytes.decimal(at: start + 4, length: 2) else { return nil }
            minutes = value
        default:
            return nil
        }
        let magnitude = hours * 3_600 + minutes * 60
        guard minutes <= 59, magnitude <= maximumOffset else { return nil }
        return sign == UInt8(ascii: "-") ? -magnitude : magnitude
    }
}
