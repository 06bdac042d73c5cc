/// One step of a compiled `DatePattern`.
enum DatePatternToken: Sendable {
    /// Text to match exactly, ASCII letters in either case.
    case literal([UInt8])
    /// One or more whitespace characters.
    case space
    /// A run of `minDigits`…`maxDigits` ASCII digits.
    case number(DateNumberField, minDigits: Int, maxDigits: Int)
    case monthName(abbreviated: Bool)
    case weekdayName(abbreviated: Bool)
    /// AM / PM.
    case dayPeriod
    /// Digits of a fraction of a second, however many; ignored.
    case fraction
    /// A UTC offset.
    case offset
}

enum DateNumberField: Sendable {
    case year, twoDigitYear, month, day, hour24, hour12, minute, second
}

/// Turns LDML pattern text into tokens and checks that they make a usable pattern.
enum DatePatternCompiler {
    struct Failure: Error {
        let reason: String
    }

    /// What a field fills in, to find fields given twice and fields missing what they need.
    private enum Slot: String, CaseIterable {
        case year, month, day, hour, minute, second, fraction, dayPeriod = "AM/PM", weekday, offset
    }

    static func compile(_ pattern: String) throws(Failure) -> [DatePatternToken] {
        let scalars = Array(pattern.unicodeScalars)
        var tokens: [DatePatternToken] = []
        var literal: [UInt8] = []
        var filled: [Slot: Character] = [:]

        func flushLiteral() {
            if !literal.isEmpty {
                tokens.append(.literal(literal))
                literal.removeAll()
            }
        }
        func appendText(_ scalar: Unicode.Scalar) {
            if CellText.isWhitespace(scalar) {
                flushLiteral()
                if case .space? = tokens.last { return }
                tokens.append(.space)
            } else {
                literal.append(contentsOf: String(scalar).utf8)
            }
        }

        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "'" {
                if index + 1 < scalars.count, scalars[index + 1] == "'" {
                    appendText("'")
                    index += 2
                    continue
                }
                // Quoted text up to the next lone quote; '' inside stands for one quote.
                index += 1
                var closed = false
                while index < scalars.count {
                    if scalars[index] == "'" {
                        if index + 1 < scalars.count, scalars[index + 1] == "'" {
                            appendText("'")
                            index += 2
                            continue
                        }
                        closed = true
                        index += 1
                        break
                    }
                    appendText(scalars[index])
                    index += 1
                }
                guard closed else { throw Failure(reason: "unclosed quote") }
                continue
            }
            guard scalar.isASCII, scalar.properties.isAlphabetic else {
                appendText(scalar)
                index += 1
                continue
            }
            var count = 1
            while index + count < scalars.count, scalars[index + count] == scalar {
                count += 1
            }
            let letter = Character(scalar)
            let (token, slot) = try field(letter, count: count)
            if let earlier = filled[slot] {
                throw Failure(reason: earlier == letter
                    ? "\(letter) appears twice"
                    : "\(earlier) and \(letter) both give the \(slot.rawValue)")
            }
            filled[slot] = letter
            flushLiteral()
            tokens.append(token)
            index += count
        }
        flushLiteral()

        // Whitespace around the cell is trimmed, so whitespace around the pattern must go too.
        while case .space? = tokens.first { tokens.removeFirst() }
        while case .space? = tokens.last { tokens.removeLast() }

        if pattern.isEmpty { throw Failure(reason: "empty") }
        try check(filled)
        return tokens
    }

    private static func check(_ filled: [Slot: Character]) throws(Failure) {
        for slot in [Slot.year, .month, .day] where filled[slot] == nil {
            throw Failure(reason: "no \(slot.rawValue) field")
        }
        let hour = filled[.hour]
        if hour == "h", filled[.dayPeriod] == nil { throw Failure(reason: "h without a (AM/PM)") }
        // a with H is valid LDML and found in real exports ("17:00:00 PM"); see DateFields.resolve.
        if filled[.dayPeriod] != nil, hour == nil { throw Failure(reason: "a (AM/PM) without an hour") }
        if filled[.minute] != nil, hour == nil { throw Failure(reason: "minutes without an hour") }
        if filled[.second] != nil, filled[.minute] == nil { throw Failure(reason: "seconds without minutes") }
        if filled[.fraction] != nil, filled[.second] == nil { throw Failure(reason: "a fraction without seconds") }
        if let offset = filled[.offset], hour == nil { throw Failure(reason: "offset \(offset) without a time of day") }
    }

    private static func field(_ letter: Character, count: Int) throws(Failure) -> (DatePatternToken, Slot) {
        func unsupported() -> Failure {
            Failure(reason: "unsupported field " + String(repeating: letter, count: count))
        }
        func numeric(_ field: DateNumberField, _ slot: Slot) throws(Failure) -> (DatePatternToken, Slot) {
            switch count {
            case 1: return (.number(field, minDigits: 1, maxDigits: 2), slot)
            case 2: return (.number(field, minDigits: 2, maxDigits: 2), slot)
            default: throw unsupported()
            }
        }
        switch letter {
        case "y":
            switch count {
            case 1: return (.number(.year, minDigits: 1, maxDigits: 4), .year)
            case 2: return (.number(.twoDigitYear, minDigits: 2, maxDigits: 2), .year)
            case 3, 4: return (.number(.year, minDigits: 4, maxDigits: 4), .year)
            default: throw unsupported()
            }
        case "M":
            switch count {
            case 3: return (.monthName(abbreviated: true), .month)
            case 4: return (.monthName(abbreviated: false), .month)
            default: return try numeric(.month, .month)
            }
        case "d": return try numeric(.day, .day)
        case "H": return try numeric(.hour24, .hour)
        case "h": return try numeric(.hour12, .hour)
        case "m": return try numeric(.minute, .minute)
        case "s": return try numeric(.second, .second)
        case "S": return (.fraction, .fraction)
        case "a":
            guard count <= 3 else { throw unsupported() }
            return (.dayPeriod, .dayPeriod)
        case "E":
            guard count <= 4 else { throw unsupported() }
            return (.weekdayName(abbreviated: count < 4), .weekday)
        case "Z", "X", "x":
            guard count <= 5 else { throw unsupported() }
            return (.offset, .offset)
        default:
            throw Failure(reason: "unknown field letter \(letter)")
        }
    }
}
