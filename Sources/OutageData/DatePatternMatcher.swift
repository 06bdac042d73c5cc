/// Matches the tokens of a `DatePattern` against the UTF-8 of one cell, backtracking over the
/// fields that can take several widths ("M/d/yyyy" on "7/28/2020", "Sept" or "Sep").
/// Works on bytes without allocating: it runs for every row of a dataset.
struct DatePatternMatcher {
    let tokens: [DatePatternToken]
    let bytes: ByteReader
    /// The cell without its surrounding whitespace: `start..<end`.
    let start: Int
    let end: Int

    init(tokens: [DatePatternToken], bytes: ByteReader) {
        self.tokens = tokens
        self.bytes = bytes
        var start = 0
        var end = bytes.count
        while start < end, case let length = CellText.whitespaceLength(bytes, at: start, end: end), length > 0 {
            start += length
        }
        while end > start, case let length = CellText.whitespaceLength(bytes, endingAt: end, start: start), length > 0 {
            end -= length
        }
        self.start = start
        self.end = end
    }

    /// The fields read from the whole cell, not yet checked against the calendar.
    func run() -> DateFields? {
        step(0, start, DateFields())
    }

    private func step(_ index: Int, _ position: Int, _ fields: DateFields) -> DateFields? {
        guard index < tokens.count else { return position == end ? fields : nil }
        let next = index + 1
        switch tokens[index] {
        case .literal(let text):
            guard position + text.count <= end else { return nil }
            for (offset, expected) in text.enumerated() where lowercased(bytes[position + offset]) != lowercased(expected) {
                return nil
            }
            return step(next, position + text.count, fields)

        case .space:
            var after = position
            while after < end, case let length = CellText.whitespaceLength(bytes, at: after, end: end), length > 0 {
                after += length
            }
            return after > position ? step(next, after, fields) : nil

        case .number(let field, let minDigits, let maxDigits):
            let available = digitCount(at: position, limit: maxDigits)
            guard available >= minDigits else { return nil }
            for width in stride(from: available, through: minDigits, by: -1) {
                guard let value = bytes.decimal(at: position, length: width) else { continue }
                var filled = fields
                filled.set(field, value)
                if let result = step(next, position + width, filled) { return result }
            }
            return nil

        case .fraction:
            let available = digitCount(at: position, limit: end - position)
            guard available >= 1 else { return nil }
            for width in stride(from: available, through: 1, by: -1) {
                if let result = step(next, position + width, fields) { return result }
            }
            return nil

        case .monthName(let abbreviated):
            for (word, month) in abbreviated ? DateNames.monthAbbreviations : DateNames.months
            where matchesWord(word, at: position) {
                var filled = fields
                filled.month = month
                if let result = step(next, position + word.count, filled) { return result }
            }
            return nil

        case .weekdayName(let abbreviated):
            for (word, weekday) in abbreviated ? DateNames.weekdayAbbreviations : DateNames.weekdays
            where matchesWord(word, at: position) {
                var filled = fields
                filled.weekday = weekday
                if let result = step(next, position + word.count, filled) { return result }
            }
            return nil

        case .dayPeriod:
            for (word, isPM) in DateNames.dayPeriods where matchesWord(word, at: position) {
                var filled = fields
                filled.isPM = isPM
                if let result = step(next, position + word.count, filled) { return result }
            }
            return nil

        case .offset:
            guard let (offset, length) = utcOffset(at: position) else { return nil }
            var filled = fields
            filled.offset = offset
            return step(next, position + length, filled)
        }
    }

    /// How many ASCII digits start at `position`, up to `limit`.
    private func digitCount(at position: Int, limit: Int) -> Int {
        var count = 0
        while count < limit, position + count < end, bytes.isDigit(at: position + count) {
            count += 1
        }
        return count
    }

    /// `word` (lowercase ASCII) at `position`, in any case.
    private func matchesWord(_ word: [UInt8], at position: Int) -> Bool {
        guard position + word.count <= end else { return false }
        for (offset, expected) in word.enumerated() where lowercased(bytes[position + offset]) != expected {
            return false
        }
        return true
    }

    private func lowercased(_ byte: UInt8) -> UInt8 {
        (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte + 0x20 : byte
    }

    /// Seconds east of UTC and the length of "Z", "±H", "±HH", "±HMM", "±HHMM", "±HH:MM",
    /// optionally after "UTC" or "GMT" (which alone mean +00:00). The minus may be U+2212.
    private func utcOffset(at position: Int) -> (Int64, Int)? {
        var index = position
        let first = index < end ? lowercased(bytes[index]) : 0
        if first == UInt8(ascii: "z") {
            return (0, 1)
        }
        var prefixed = false
        if matchesWord(DateNames.utc, at: index) || matchesWord(DateNames.gmt, at: index) {
            index += 3
            prefixed = true
        }
        let negative: Bool
        if index < end, bytes[index] == UInt8(ascii: "+") {
            negative = false
            index += 1
        } else if index < end, bytes[index] == UInt8(ascii: "-") {
            negative = true
            index += 1
        } else if index + 2 < end, bytes[index] == 0xE2, bytes[index + 1] == 0x88, bytes[index + 2] == 0x92 {
            negative = true
            index += 3
        } else {
            return prefixed ? (0, index - position) : nil
        }
        let digits = digitCount(at: index, limit: 5)
        var hours: Int64
        var minutes: Int64 = 0
        switch digits {
        case 1, 2:
            guard let value = bytes.decimal(at: index, length: digits) else { return nil }
            hours = value
            index += digits
            if index + 2 < end, bytes[index] == UInt8(ascii: ":"), digitCount(at: index + 1, limit: 3) == 2,
               let value = bytes.decimal(at: index + 1, length: 2) {
                minutes = value
                index += 3
            }
        case 3, 4:
            guard let hourValue = bytes.decimal(at: index, length: digits - 2),
                  let minuteValue = bytes.decimal(at: index + digits - 2, length: 2) else { return nil }
            hours = hourValue
            minutes = minuteValue
            index += digits
        default:
            return nil
        }
        let magnitude = hours * 3_600 + minutes * 60
        guard minutes <= 59, magnitude <= TimestampScanner.maximumOffset else { return nil }
        return (negative ? -magnitude : magnitude, index - position)
    }
}

/// The values a cell gave, before the calendar has checked them.
struct DateFields {
    var year: Int64 = 0
    var yearIsTwoDigit = false
    var month: Int64 = 0
    var day: Int64 = 0
    var hour: Int64?
    /// The hour came from `H`: AM/PM then only checks it (see `resolve`).
    var hourIs24 = false
    var minute: Int64 = 0
    var second: Int64 = 0
    /// Set by an AM/PM field: with `h` it picks the half of the day.
    var isPM: Bool?
    /// 0 = Monday … 6 = Sunday.
    var weekday: Int64?
    var offset: Int64?

    mutating func set(_ field: DateNumberField, _ value: Int64) {
        switch field {
        case .year: year = value
        case .twoDigitYear: year = value; yearIsTwoDigit = true
        case .month: month = value
        case .day: day = value
        case .hour24: hour = value; hourIs24 = true
        case .hour12: hour = value
        case .minute: minute = value
        case .second: second = value
        }
    }

    /// The day number, the local second of the day (nil for a bare date), the offset and any
    /// AM/PM that contradicts an `H` hour, if the fields name a real date and time.
    func resolve() -> ResolvedDate? {
        let fullYear = yearIsTwoDigit ? (year <= 68 ? 2_000 + year : 1_900 + year) : year
        guard (1...12).contains(month),
              day >= 1, day <= CivilCalendar.daysInMonth(year: fullYear, month: month)
        else { return nil }
        let days = CivilCalendar.days(year: fullYear, month: month, day: day)
        if let weekday, CivilCalendar.weekday(days: days) != weekday { return nil }
        guard let hour else { return ResolvedDate(days: days, secondOfDay: nil, offset: nil, conflict: nil) }
        guard minute <= 59, second <= 59 else { return nil }
        if let isPM, !hourIs24 {
            guard (1...12).contains(hour) else { return nil }
            let hour24 = hour % 12 + (isPM ? 12 : 0)
            return ResolvedDate(days: days, secondOfDay: hour24 * 3_600 + minute * 60 + second, offset: offset, conflict: nil)
        }
        guard hour <= 23 else { return nil }
        // H with AM/PM: the hour is taken as written, as ICU does; the marker is only checked.
        // 12 AM and 0 PM are contradictions too: H reads "12" as noon and "0" as midnight.
        var conflict: DayPeriodConflict?
        if let isPM, isPM != (hour >= 12) {
            conflict = DayPeriodConflict(hour: Int(hour), minute: Int(minute), second: Int(second), saysPM: isPM)
        }
        return ResolvedDate(days: days, secondOfDay: hour * 3_600 + minute * 60 + second, offset: offset, conflict: conflict)
    }
}

/// `DateFields` checked against the calendar.
struct ResolvedDate {
    var days: Int64
    /// Nil for a bare date.
    var secondOfDay: Int64?
    var offset: Int64?
    var conflict: DayPeriodConflict?
}

/// English month, weekday and day-period names as lowercase bytes, each with its value;
/// where one spelling begins another, the longer comes first.
enum DateNames {
    static let months = words([
        "january", "february", "march", "april", "may", "june",
        "july", "august", "september", "october", "november", "december",
    ], from: 1)

    static let monthAbbreviations: [([UInt8], Int64)] = {
        var list = words(["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], from: 1)
        list.insert((Array("sept".utf8), 9), at: 8)
        return list
    }()

    /// Monday first, as `CivilCalendar.weekday` counts.
    static let weekdays = words(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"], from: 0)

    static let weekdayAbbreviations: [([UInt8], Int64)] = [
        ("mon", 0), ("tues", 1), ("tue", 1), ("wed", 2), ("thurs", 3), ("thur", 3), ("thu", 3),
        ("fri", 4), ("sat", 5), ("sun", 6),
    ].map { (Array($0.0.utf8), Int64($0.1)) }

    static let dayPeriods: [([UInt8], Bool)] = [
        ("a.m.", false), ("p.m.", true), ("a.m", false), ("p.m", true), ("am", false), ("pm", true),
    ].map { (Array($0.0.utf8), $0.1) }

    static let utc = Array("utc".utf8)
    static let gmt = Array("gmt".utf8)

    private static func words(_ names: [String], from first: Int64) -> [([UInt8], Int64)] {
        names.enumerated().map { (Array($0.element.utf8), first + Int64($0.offset)) }
    }
}

/// Whitespace of spreadsheet cells: ASCII spaces and controls, and the Unicode spaces that
/// exports contain (no-break space, U+202F before "PM" in newer ICU, thin and ideographic spaces).
enum CellText {
    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x20, 0xA0, 0x2000...0x200A, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }

    /// The byte length of the whitespace character starting at `index`, or 0.
    static func whitespaceLength(_ bytes: ByteReader, at index: Int, end: Int) -> Int {
        guard index < end else { return 0 }
        let byte = bytes[index]
        switch byte {
        case 0x09...0x0D, 0x20:
            return 1
        case 0xC2:
            return index + 1 < end && bytes[index + 1] == 0xA0 ? 2 : 0
        case 0xE2, 0xE3:
            guard index + 2 < end else { return 0 }
            let second = bytes[index + 1]
            let third = bytes[index + 2]
            let isSpace = byte == 0xE2
                ? (second == 0x80 && ((0x80...0x8A).contains(third) || third == 0xAF)) || (second == 0x81 && third == 0x9F)
                : second == 0x80 && third == 0x80
            return isSpace ? 3 : 0
        default:
            return 0
        }
    }

    /// The byte length of the whitespace character ending just before `end`, or 0.
    static func whitespaceLength(_ bytes: ByteReader, endingAt end: Int, start: Int) -> Int {
        for length in 1...3 where end - length >= start {
            if whitespaceLength(bytes, at: end - length, end: end) == length { return length }
        }
        return 0
    }

    /// `text` without surrounding whitespace.
    static func trimmed(_ text: String) -> String {
        ByteReader.withBytes(of: text) { bytes in
            var start = 0
            var end = bytes.count
            while start < end, case let length = whitespaceLength(bytes, at: start, end: end), length > 0 {
                start += length
            }
            while end > start, case let length = whitespaceLength(bytes, endingAt: end, start: start), length > 0 {
                end -= length
            }
            if start == 0 && end == bytes.count { return text }
            return String(decoding: (start..<end).map { bytes[$0] }, as: UTF8.self)
        }
    }
}
