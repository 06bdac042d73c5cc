/// Proleptic Gregorian calendar arithmetic on day numbers (days since 1970-01-01).
///
/// The conversions shift the year to start on 1 March, so the leap day is the last day of
/// the shifted year, and count in 400-year eras of 146 097 days; this keeps every step a
/// plain division and works for any year, before 1970 or after 2038 alike.
enum CivilCalendar {
    static let secondsPerDay: Int64 = 86_400

    static func isLeapYear(_ year: Int64) -> Bool {
        year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    }

    static func daysInMonth(year: Int64, month: Int64) -> Int64 {
        switch month {
        case 2: return isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Day number of a valid date.
    static func days(year: Int64, month: Int64, day: Int64) -> Int64 {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = floorDivide(shiftedYear, 400)
        let yearOfEra = shiftedYear - era * 400                          // 0…399
        let shiftedMonth = month > 2 ? month - 3 : month + 9              // March = 0
        let dayOfYear = (153 * shiftedMonth + 2) / 5 + day - 1            // 0…365
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468                         // 719 468: 0000-03-01 → 1970-01-01
    }

    /// Year, month (1…12) and day (1…31) of a day number.
    static func date(days: Int64) -> (year: Int64, month: Int64, day: Int64) {
        let shifted = days + 719_468
        let era = floorDivide(shifted, 146_097)
        let dayOfEra = shifted - era * 146_097                            // 0…146 096
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day)
    }

    /// 0 = Monday … 6 = Sunday. Day 0 (1970-01-01) was a Thursday.
    static func weekday(days: Int64) -> Int64 {
        floorModulo(days + 3, 7)
    }

    static func floorDivide(_ a: Int64, _ b: Int64) -> Int64 {
        let quotient = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? quotient - 1 : quotient
    }

    /// The remainder with the sign of `b`; computed from `%` so that it cannot overflow,
    /// even for Int64.min.
    static func floorModulo(_ a: Int64, _ b: Int64) -> Int64 {
        let remainder = a % b
        return remainder != 0 && (remainder < 0) != (b < 0) ? remainder + b : remainder
    }
}
