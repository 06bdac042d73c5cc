import Testing
@testable import OutageData

/// The cell parsers on their own.
struct SeriesNumberTests {
    func number(_ text: String) -> SeriesNumber.Outcome {
        Array(text.utf8).withUnsafeBufferPointer { SeriesNumber.parse($0) }
    }

    func time(_ text: String) -> SeriesTime.Outcome {
        Array(text.utf8).withUnsafeBufferPointer { SeriesTime.parse($0) }
    }

    @Test func exactValues() {
        #expect(number("0.1") == .number(0.1))
        #expect(number("9007199254740992") == .number(9_007_199_254_740_992))
        #expect(number("-9007199254740991") == .number(-9_007_199_254_740_991))
        #expect(number("9007199254740993") == .number(9_007_199_254_740_992))  // ties to even
        #expect(number("1e22") == .number(1e22))
        #expect(number("1e23") == .number(1e23))  // beyond the exact powers: the slow path
        #expect(number("0.000001") == .number(0.000001))
        #expect(number("123.456e-2") == .number(1.23456))
        #expect(number("00000000000000000000000000001.5") == .number(1.5))
        #expect(number("0.30000000000000000000000000001") == .number(0.3))
        #expect(number("2.2250738585072014e-308") == .number(2.2250738585072014e-308))
        #expect(number("0e999999999999") == .number(0))
        #expect(number("1e-999999999999") == .number(0))
        #expect(number("1e999999999999") == .tooLarge)
        // Shapes the grammar allows, on the slow path too.
        #expect(number("5.e30") == .number(5e30))
        #expect(number("+.5e30") == .number(0.5e30))
        #expect(number("-5.e-400") == .number(-0.0))
        #expect(number("12345678901234567890123.") == .number(12_345_678_901_234_567_890_123.0))
    }

    @Test func hostileNumbers() {
        // A megabyte of digits, with and without a point: parsed, not trapped.
        let digits = String(repeating: "7", count: 1 << 20)
        #expect(number(digits) == .tooLarge)
        #expect(number("0." + digits) == .number(0.7777777777777778))
        let sevens = "7." + String(repeating: "7", count: 40) + "e-25"
        #expect(number(digits + "e-1048600") == Double(sevens).map { .number($0) })
    }

    @Test func missingAndInvalid() {
        for text in ["", "NA", "nA", "null", "nULl", "NaN", "nan"] {
            #expect(number(text) == .missing, "\(text)")
        }
        for text in ["inf", "nan(1)", "0x1p3", " 1", "1 ", "1e", ".e1", "1..2", "++1", "1-", "NA ", "Ⅻ"] {
            #expect(number(text) == .invalid, "\(text)")
        }
    }

    /// Every decimal the fast path takes must equal the standard library's correctly rounded
    /// conversion, bit for bit.
    @Test func agreesWithTheStandardLibrary() {
        var generator = SplitMix(seed: 7)
        for _ in 0..<20_000 {
            let digits = Int(generator.next() % 17) + 1
            var text = generator.next() % 2 == 0 ? "-" : ""
            var mantissa = ""
            for _ in 0..<digits { mantissa += String(generator.next() % 10) }
            let point = Int(generator.next() % UInt64(digits + 1))
            mantissa.insert(".", at: mantissa.index(mantissa.startIndex, offsetBy: point))
            text += mantissa
            if generator.next() % 3 == 0 { text += "e\(Int(generator.next() % 60) - 30)" }
            guard let expected = Double(text) else { continue }
            #expect(number(text) == .number(expected), "\(text)")
        }
    }

    @Test func unixSeconds() {
        #expect(time("0") == .time(0))
        #expect(time("12.9") == .time(12))
        #expect(time("-1.5") == .time(-2))
        #expect(time("-1.0") == .time(-1))
        #expect(time("-0.0") == .time(0))
        #expect(time("+5") == .time(5))
        #expect(time("1419258000") == .time(1_419_258_000))
        #expect(time("253402300799") == .time(253_402_300_799))
        #expect(time("253402300800") == .outOfRange(milliseconds: true))  // as milliseconds: 1978
        #expect(time("999999999999999999") == .outOfRange(milliseconds: false))
        #expect(time("1419258000000") == .outOfRange(milliseconds: true))
        #expect(time("-62167219200") == .time(-62_167_219_200))
        #expect(time("-62167219200.5") == .outOfRange(milliseconds: false))
        #expect(time("99999999999999999999") == .outOfRange(milliseconds: false))
    }

    @Test func isoTimes() {
        #expect(time("2014-12-22T16:15:00Z") == .time(1_419_264_900))
        #expect(time("2014-12-23T01:46:00+09:00") == .time(1_419_266_760))
        #expect(time("2014-12-22") == .time(1_419_206_400))
        #expect(time("2014-12-22T16:15:00") == .missingZone)
        #expect(time("2014-12-22T16:15:00Zjunk") == .invalid)
        #expect(time("") == .empty)
        #expect(time("1.") == .invalid)
        #expect(time("2014-12-22T16:15:00\u{2007}Z") == .invalid)
        #expect(time(String(repeating: "9", count: 30) + "-") == .invalid)
    }
}
