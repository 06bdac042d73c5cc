import Testing
import OutageData

struct DurationFormattingTests {
    @Test(arguments: [
        (Int64(0), "less than 1 min"),
        (59, "less than 1 min"),
        (60, "1 min"),
        (119, "1 min"),
        (2_700, "45 min"),
        (3_599, "59 min"),
        (3_600, "1 h"),
        (3_660, "1 h 1 min"),
        (9 * 3_600 + 31 * 60 + 59, "9 h 31 min"),
        (3 * 3_600, "3 h"),
        (86_399, "23 h 59 min"),
        (86_400, "1 d"),
        (2 * 86_400 + 3 * 3_600, "2 d 3 h"),
        (2 * 86_400 + 59 * 60, "2 d"),
        (1_500 * 86_400, "1,500 d"),
        (-3_600, "\u{2212}1 h"),
    ])
    func duration(_ seconds: Int64, _ expected: String) {
        #expect(formatDuration(seconds: seconds) == expected)
    }

    @Test(arguments: [
        (Int64(0), "T+0"),
        (59, "T+0"),
        (-30, "T+0"),
        (60, "T+1m"),
        (2_700, "T+45m"),
        (7_200, "T+2h"),
        (2 * 3_600 + 14 * 60 + 30, "T+2h14m"),
        (3 * 86_400 + 2 * 3_600 + 5 * 60, "T+3d2h"),
        (3 * 86_400 + 30 * 60, "T+3d"),
        (-(3_600 + 5 * 60), "T\u{2212}1h5m"),
        (-86_400, "T\u{2212}1d"),
    ])
    func offset(_ seconds: Int64, _ expected: String) {
        #expect(formatOffset(seconds: seconds) == expected)
    }

    @Test func extremesDoNotTrap() {
        #expect(formatOffset(seconds: Int64.min) == "T\u{2212}106751991167300d15h")
        #expect(formatDuration(seconds: Int64.max) == "106,751,991,167,300 d 15 h")
    }
}
