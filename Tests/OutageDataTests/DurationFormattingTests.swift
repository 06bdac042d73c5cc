import Testing
import OutageData

private let minute: Int64 = 60
private let hour: Int64 = 3_600
private let day: Int64 = 86_400

struct DurationFormattingTests {
    @Test(arguments: [
        (0, "less than 1 min"),
        (59, "less than 1 min"),
        (minute, "1 min"),
        (2 * minute - 1, "1 min"),
        (45 * minute, "45 min"),
        (hour - 1, "59 min"),
        (hour, "1 h"),
        (hour + minute, "1 h 1 min"),
        (9 * hour + 31 * minute + 59, "9 h 31 min"),
        (3 * hour, "3 h"),
        (day - 1, "23 h 59 min"),
        (day, "1 d"),
        (2 * day + 3 * hour, "2 d 3 h"),
        (2 * day + 59 * minute, "2 d"),
        (1_500 * day, "1,500 d"),
        (-hour, "\u{2212}1 h"),
    ] as [(Int64, String)])
    func duration(_ seconds: Int64, _ expected: String) {
        #expect(formatDuration(seconds: seconds) == expected)
    }

    @Test(arguments: [
        (0, "T+0"),
        (59, "T+0"),
        (-30, "T+0"),
        (minute, "T+1m"),
        (45 * minute, "T+45m"),
        (2 * hour, "T+2h"),
        (2 * hour + 14 * minute + 30, "T+2h14m"),
        (3 * day + 2 * hour + 5 * minute, "T+3d2h"),
        (3 * day + 30 * minute, "T+3d"),
        (-(hour + 5 * minute), "T\u{2212}1h5m"),
        (-day, "T\u{2212}1d"),
    ] as [(Int64, String)])
    func offset(_ seconds: Int64, _ expected: String) {
        #expect(formatOffset(seconds: seconds) == expected)
    }

    @Test func extremesDoNotTrap() {
        #expect(formatOffset(seconds: Int64.min) == "T\u{2212}106751991167300d15h")
        #expect(formatDuration(seconds: Int64.max) == "106,751,991,167,300 d 15 h")
    }
}
