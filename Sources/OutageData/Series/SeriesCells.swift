/// Cell values of a series, parsed from the bytes of one cell: no String per cell, since they
/// run for every cell of files with tens of millions of rows.
enum SeriesCells {
    static let space = UInt8(ascii: " ")
    static let tab = UInt8(ascii: "\t")

    /// The cell without the spaces and tabs around it.
    static func trimmed(_ cell: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        var start = 0
        var end = cell.count
        while start < end, cell[start] == space || cell[start] == tab { start += 1 }
        while end > start, cell[end - 1] == space || cell[end - 1] == tab { end -= 1 }
        return UnsafeBufferPointer(rebasing: cell[start..<end])
    }

    /// Text of a cell for a message (on the error path only).
    static func text(_ cell: UnsafeBufferPointer<UInt8>) -> String {
        String(decoding: cell, as: UTF8.self)
    }
}

// MARK: - Numbers

enum SeriesNumber {
    enum Outcome: Equatable {
        case number(Double)
        /// Empty, NA, null or NaN.
        case missing
        case invalid
        /// Well-formed, but beyond the range of a Double.
        case tooLarge
    }

    /// Exact powers of ten as Doubles: 10^22 is the largest one a Double holds exactly.
    private static let exactPowersOfTen: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ]

    /// A trimmed cell: `[+-]? (digits [. digits?] | . digits) ([eE] [+-]? digits)?`, or a
    /// missing-value spelling.
    ///
    /// Fast path (Clinger): a significand of at most 19 digits that is at most 2^53, scaled by
    /// 10^-22…10^22, is one correctly rounded multiplication or division of exact Doubles.
    /// Anything else (long significands, large exponents) has been checked against the grammar
    /// above and goes to the standard library's conversion, which is correctly rounded and
    /// independent of the C locale; it allocates, but such cells are rare in real data.
    static func parse(_ cell: UnsafeBufferPointer<UInt8>) -> Outcome {
        let count = cell.count
        if count == 0 { return .missing }
        // The everyday cell, a plain count of at most 15 digits: exact in a Double.
        if count <= 15, let p = cell.baseAddress {
            var whole: UInt64 = 0
            var index = 0
            while index < count {
                let digit = p[index] &- UInt8(ascii: "0")
                guard digit <= 9 else { break }
                whole = whole &* 10 &+ UInt64(digit)
                index += 1
            }
            if index == count { return .number(Double(whole)) }
        }
        if isMissingSpelling(cell) { return .missing }

        var index = 0
        var negative = false
        if cell[0] == UInt8(ascii: "-") || cell[0] == UInt8(ascii: "+") {
            negative = cell[0] == UInt8(ascii: "-")
            index = 1
        }
        var significand: UInt64 = 0
        var significantDigits = 0
        var exponent = 0
        var sawDigit = false
        var inexact = false

        while index < count, let digit = digitValue(cell[index]) {
            sawDigit = true
            if significand == 0 && digit == 0 {
                // A leading zero: no significance.
            } else if significantDigits < 19 {
                significand = significand &* 10 &+ digit
                significantDigits += 1
            } else {
                exponent += 1
                inexact = true
            }
            index += 1
        }
        if index < count, cell[index] == UInt8(ascii: ".") {
            index += 1
            while index < count, let digit = digitValue(cell[index]) {
                sawDigit = true
                if significand == 0 && digit == 0 {
                    exponent -= 1
                } else if significantDigits < 19 {
                    significand = significand &* 10 &+ digit
                    significantDigits += 1
                    exponent -= 1
                } else {
                    inexact = true
                }
                index += 1
            }
        }
        guard sawDigit else { return .invalid }

        if index < count, cell[index] == UInt8(ascii: "e") || cell[index] == UInt8(ascii: "E") {
            index += 1
            var exponentNegative = false
            if index < count, cell[index] == UInt8(ascii: "-") || cell[index] == UInt8(ascii: "+") {
                exponentNegative = cell[index] == UInt8(ascii: "-")
                index += 1
            }
            var written = 0
            var sawExponentDigit = false
            while index < count, let digit = digitValue(cell[index]) {
                sawExponentDigit = true
                // Saturate: beyond a million every Double is 0 or out of range anyway.
                if written < 1_000_000 { written = written * 10 + Int(digit) }
                index += 1
            }
            guard sawExponentDigit else { return .invalid }
            exponent += exponentNegative ? -written : written
        }
        guard index == count else { return .invalid }

        if significand == 0 { return .number(negative ? -0.0 : 0.0) }
        if !inexact, significand <= 1 << 53, (-22...22).contains(exponent) {
            var value = Double(significand)
            if exponent < 0 {
                value /= exactPowersOfTen[-exponent]
            } else {
                value *= exactPowersOfTen[exponent]
            }
            return .number(negative ? -value : value)
        }
        guard let value = Double(SeriesCells.text(cell)) else { return .invalid }
        return value.isFinite ? .number(value) : .tooLarge
    }

    /// "NA", "null" or "NaN" in any case.
    static func isMissingSpelling(_ cell: UnsafeBufferPointer<UInt8>) -> Bool {
        // `| 0x20` lowercases an ASCII letter and maps no other byte onto a lowercase letter.
        func lower(_ index: Int) -> UInt8 { cell[index] | 0x20 }
        switch cell.count {
        case 2:
            return lower(0) == UInt8(ascii: "n") && lower(1) == UInt8(ascii: "a")
        case 3:
            return lower(0) == UInt8(ascii: "n") && lower(1) == UInt8(ascii: "a") && lower(2) == UInt8(ascii: "n")
        case 4:
            return lower(0) == UInt8(ascii: "n") && lower(1) == UInt8(ascii: "u")
                && lower(2) == UInt8(ascii: "l") && lower(3) == UInt8(ascii: "l")
        default:
            return false
        }
    }

    @inline(__always)
    private static func digitValue(_ byte: UInt8) -> UInt64? {
        let value = byte &- UInt8(ascii: "0")
        return value < 10 ? UInt64(value) : nil
    }
}

// MARK: - Times

enum SeriesTime {
    enum Outcome: Equatable {
        case time(Int64)
        case empty
        /// A well-formed ISO date-time without a zone.
        case missingZone
        /// Unix seconds outside the years 0000–9999; `milliseconds` when a thousandth would fit.
        case outOfRange(milliseconds: Bool)
        case invalid
    }

    /// 0000-01-01T00:00:00Z and 9999-12-31T23:59:59Z, the range ISO times can name.
    static let earliest: Int64 = -62_167_219_200
    static let latest: Int64 = Timestamp.latestSeconds

    /// Longest ISO 8601 text worth handing to the scanner; longer is invalid.
    private static let longestTimestamp = 64

    /// A trimmed cell: Unix seconds, parsed here, or ISO 8601, handed to `TimestampScanner`
    /// straight from the read buffer (no String per cell).
    static func parse(_ cell: UnsafeBufferPointer<UInt8>) -> Outcome {
        if cell.isEmpty { return .empty }
        if let seconds = commonISO(cell) { return .time(seconds) }
        if let outcome = unixSeconds(cell) { return outcome }
        guard cell.count <= longestTimestamp else { return .invalid }
        for byte in cell where byte >= 0x80 { return .invalid }
        switch TimestampScanner.scan(ByteReader(cell)) {
        case .timestamp(let timestamp): return .time(timestamp.seconds)
        case .missingZone: return .missingZone
        case .invalid: return .invalid
        }
    }

    /// The common shape `YYYY-MM-DDTHH:MM:SSZ` (exactly 20 bytes, a real date, seconds 00–59),
    /// read with a few byte checks; nil for anything else, which then goes to the full parser
    /// (`TimestampScanner`), so the outcome is the same either way (a test compares them).
    /// Such a time names a whole second: it loses nothing (see `loss`).
    static func commonISO(_ cell: UnsafeBufferPointer<UInt8>) -> Int64? {
        var cache = DateCache()
        return commonISO(cell, cache: &cache)
    }

    /// The last date `commonISO` read, so that the rows of one day do not convert it again.
    struct DateCache {
        /// The first eight bytes of the date ("YYYY-MM-") and its last two ("DD").
        var head: UInt64 = 0
        var tail: UInt16 = 0
        var days: Int64 = 0
        var isValid = false
    }

    @inline(__always)
    static func commonISO(_ cell: UnsafeBufferPointer<UInt8>, cache: inout DateCache) -> Int64? {
        guard cell.count == 20, let p = cell.baseAddress,
              p[4] == UInt8(ascii: "-"), p[7] == UInt8(ascii: "-"), p[10] == UInt8(ascii: "T"),
              p[13] == UInt8(ascii: ":"), p[16] == UInt8(ascii: ":"), p[19] == UInt8(ascii: "Z")
        else { return nil }
        @inline(__always) func digit(_ i: Int) -> Int64 { Int64(p[i] &- UInt8(ascii: "0")) }
        // Each digit is 0…9 (the byte minus "0" wraps above 9 for anything else).
        @inline(__always) func isDigit(_ i: Int) -> Bool { p[i] &- UInt8(ascii: "0") <= 9 }
        guard isDigit(11), isDigit(12), isDigit(14), isDigit(15), isDigit(17), isDigit(18) else { return nil }
        let hour = digit(11) * 10 + digit(12)
        let minute = digit(14) * 10 + digit(15)
        let second = digit(17) * 10 + digit(18)
        guard hour <= 23, minute <= 59, second <= 59 else { return nil }
        let raw = UnsafeRawPointer(p)
        let head = raw.loadUnaligned(as: UInt64.self)
        let tail = raw.loadUnaligned(fromByteOffset: 8, as: UInt16.self)
        let days: Int64
        if cache.isValid && cache.head == head && cache.tail == tail {
            days = cache.days
        } else {
            guard isDigit(0), isDigit(1), isDigit(2), isDigit(3), isDigit(5), isDigit(6), isDigit(8), isDigit(9)
            else { return nil }
            let year = digit(0) * 1_000 + digit(1) * 100 + digit(2) * 10 + digit(3)
            let month = digit(5) * 10 + digit(6)
            let day = digit(8) * 10 + digit(9)
            guard month >= 1, month <= 12, day >= 1, day <= CivilCalendar.daysInMonth(year: year, month: month)
            else { return nil }
            days = CivilCalendar.days(year: year, month: month, day: day)
            cache = DateCache(head: head, tail: tail, days: days, isValid: true)
        }
        return days * CivilCalendar.secondsPerDay + hour * 3_600 + minute * 60 + second
    }

    /// What a time cell loses on its way to whole seconds, for the message when two rows land
    /// in one second.
    enum Loss: Equatable {
        /// A non-zero fraction of a second, dropped.
        case fraction
        /// A leap second, :60, counted as :59.
        case leapSecond

        var rule: String {
            switch self {
            case .fraction: "fractions are dropped"
            case .leapSecond: "a leap second :60 counts as :59"
            }
        }
    }

    /// The loss of a trimmed cell that parsed as a time; nil when it names a whole second.
    /// A few byte comparisons, since it runs for every row.
    static func loss(_ cell: UnsafeBufferPointer<UInt8>) -> Loss? {
        let point = UInt8(ascii: "."), comma = UInt8(ascii: ",")
        func nonZeroDigit(from start: Int) -> Bool {
            var index = start
            while index < cell.count, cell[index] >= UInt8(ascii: "0"), cell[index] <= UInt8(ascii: "9") {
                if cell[index] != UInt8(ascii: "0") { return true }
                index += 1
            }
            return false
        }
        // ISO 8601 with seconds: "YYYY-MM-DDTHH:MM:SS" and what follows.
        if cell.count >= 19, cell[4] == UInt8(ascii: "-"), cell[16] == UInt8(ascii: ":") {
            if cell[17] == UInt8(ascii: "6") && cell[18] == UInt8(ascii: "0") { return .leapSecond }
            if cell.count > 20, cell[19] == point || cell[19] == comma, nonZeroDigit(from: 20) { return .fraction }
            return nil
        }
        // Unix seconds.
        guard let index = cell.firstIndex(of: point) else { return nil }
        return nonZeroDigit(from: index + 1) ? .fraction : nil
    }

    /// `[+-]? digits (. digits)?` as Unix seconds, the fraction dropped towards the past
    /// (floor), as ISO fractional seconds are; nil when the cell is not of that shape.
    private static func unixSeconds(_ cell: UnsafeBufferPointer<UInt8>) -> Outcome? {
        var index = 0
        var negative = false
        if cell[0] == UInt8(ascii: "-") || cell[0] == UInt8(ascii: "+") {
            negative = cell[0] == UInt8(ascii: "-")
            index = 1
        }
        var magnitude: Int64 = 0
        var overflow = false
        let integerStart = index
        while index < cell.count, cell[index] >= UInt8(ascii: "0"), cell[index] <= UInt8(ascii: "9") {
            let digit = Int64(cell[index] - UInt8(ascii: "0"))
            let (times10, o1) = magnitude.multipliedReportingOverflow(by: 10)
            let (sum, o2) = times10.addingReportingOverflow(digit)
            if o1 || o2 { overflow = true } else { magnitude = sum }
            index += 1
        }
        guard index > integerStart else { return nil }
        var fractionNonZero = false
        if index < cell.count, cell[index] == UInt8(ascii: ".") {
            index += 1
            let fractionStart = index
            while index < cell.count, cell[index] >= UInt8(ascii: "0"), cell[index] <= UInt8(ascii: "9") {
                if cell[index] != UInt8(ascii: "0") { fractionNonZero = true }
                index += 1
            }
            guard index > fractionStart else { return nil }
        }
        guard index == cell.count else { return nil }
        if overflow { return .outOfRange(milliseconds: false) }
        var seconds = negative ? -magnitude : magnitude
        if negative && fractionNonZero { seconds -= 1 }
        guard seconds >= earliest, seconds <= latest else {
            return .outOfRange(milliseconds: seconds > latest && seconds / 1_000 <= latest)
        }
        return .time(seconds)
    }
}
