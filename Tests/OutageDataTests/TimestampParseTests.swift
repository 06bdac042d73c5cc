import Testing
import OutageData

struct TimestampParseTests {
    struct Good: Sendable, CustomTestStringConvertible {
        let text: String
        let seconds: Int64
        var isDateOnly = false
        var testDescription: String { text }
    }

    @Test(arguments: [
        Good(text: "2014-12-22T16:15:00Z", seconds: 1_419_264_900),
        Good(text: "2014-12-22T16:15Z", seconds: 1_419_264_900),
        Good(text: "2014-12-22t16:15:00z", seconds: 1_419_264_900),
        Good(text: "2014-12-23T01:46:00+09:00", seconds: 1_419_264_900 + 31 * 60),
        Good(text: "2014-12-23T01:46:00+0900", seconds: 1_419_264_900 + 31 * 60),
        Good(text: "2014-12-23T01:46+09", seconds: 1_419_264_900 + 31 * 60),
        Good(text: "2014-12-22T11:15:00-05:00", seconds: 1_419_264_900),
        Good(text: "2014-12-22T16:15:00-00:00", seconds: 1_419_264_900),
        Good(text: "2014-12-22T16:15:00.999Z", seconds: 1_419_264_900),
        Good(text: "2014-12-22T16:15:00,5Z", seconds: 1_419_264_900),
        Good(text: "2014-12-22T16:15:00.123456789123+09:00", seconds: 1_419_264_900 - 32_400),
        Good(text: "2014-12-22", seconds: 1_419_206_400, isDateOnly: true),
        Good(text: "1970-01-01T00:00:00Z", seconds: 0),
        Good(text: "1970-01-01", seconds: 0, isDateOnly: true),
        Good(text: "1969-12-31T23:59:59Z", seconds: -1),
        Good(text: "1969-12-31T23:59:59.9Z", seconds: -1),
        Good(text: "1969-07-20T20:17:40Z", seconds: -14_182_940),
        Good(text: "1900-01-01T00:00:00Z", seconds: -2_208_988_800),
        Good(text: "0001-01-01", seconds: -62_135_596_800, isDateOnly: true),
        Good(text: "2038-01-19T03:14:08Z", seconds: 2_147_483_648),
        Good(text: "2100-03-01T00:00:00Z", seconds: 4_107_542_400),
        Good(text: "9999-12-31T23:59:59Z", seconds: 253_402_300_799),
        Good(text: "2000-02-29", seconds: 951_782_400, isDateOnly: true),
        Good(text: "1600-02-29", seconds: -11_670_998_400, isDateOnly: true),
        Good(text: "2024-02-29T12:00:00-12:00", seconds: 1_709_251_200),
        Good(text: "2024-03-01T14:00:00+14:00", seconds: 1_709_251_200),
        // A leap second counts as the last second of its minute (23:59:59.999… truncated).
        Good(text: "2016-12-31T23:59:60Z", seconds: 1_483_228_799),
        Good(text: "2017-01-01T08:59:60+09:00", seconds: 1_483_228_799),
    ])
    func acceptsGoodForms(_ good: Good) throws {
        let timestamp = try Timestamp.parse(good.text)
        #expect(timestamp.seconds == good.seconds)
        #expect(timestamp.isDateOnly == good.isDateOnly)
    }

    @Test(arguments: [
        "2014-12-22T16:15:00",
        "2014-12-22T16:15",
        "2014-12-22t16:15:00.5",
        "1969-12-31T23:59:59",
    ])
    func rejectsMissingZone(_ text: String) {
        #expect(throws: ValueError("has no time zone: \"\(text)\" (write \(text)Z for UTC)")) {
            try Timestamp.parse(text)
        }
    }

    @Test func missingZoneMessageIsExact() {
        #expect(throws: ValueError(
            "has no time zone: \"2014-12-22T16:15:00\" (write 2014-12-22T16:15:00Z for UTC)"
        )) {
            try Timestamp.parse("2014-12-22T16:15:00")
        }
    }

    @Test(arguments: [
        "", "2014", "2014-12", "2014-12-2", "22/12/2014", "+2014-12-22", " 2014-12-22", "2014-12-22 ",
        "2014-12-22T16:15:61Z", "2014-12-22T16:15:60Z", "2016-12-31T23:59:60+09:00",
        "2014-12-22T16:15:00+15:00", "2014-12-22T16:15:00+14:01", "2014-12-22T16:15:00-14:30",
        "2014-12-22T16:15:00+09:60", "2014-12-22T16:15:00+9:00", "2014-12-22T16:15:00+09:0",
        "2014-12-22T16:15:00+09:00:00", "2014-12-22T16:15:00 Z", "2014-12-22 16:15:00Z",
        "2014-12-22T16Z", "2014-12-22T16:15:00.Z", "2014-12-22T16:15.5Z", "2014-12-22T16:15:00ZZ",
        "2014-12-22T16:15:00UTC", "2014-12-22T16:15:00Z ", "2014-12-22T1:15:00Z", "1419258000",
        "２０１４-12-22", "2014-12-22T16:15:00\u{2212}05:00", "2014-12-22T",
    ])
    func rejectsMalformedOrImpossible(_ text: String) {
        #expect(throws: ValueError(
            "is not a timestamp: \"\(text)\" (expected ISO 8601 with a zone, "
                + "such as 2014-12-22T16:15:00Z, or a date such as 2014-12-22)"
        )) {
            try Timestamp.parse(text)
        }
    }

    @Test(arguments: [
        ("2014-02-30", "date", "February 2014 has 28 days"),
        ("2014-02-29", "date", "February 2014 has 28 days"),
        ("1900-02-29", "date", "February 1900 has 28 days"),
        ("2014-13-01", "date", "there is no month 13"),
        ("2014-00-10", "date", "there is no month 0"),
        ("2014-12-00", "date", "December 2014 has 31 days"),
        ("2014-12-32", "date", "December 2014 has 31 days"),
        ("2014-04-31T00:00:00Z", "date", "April 2014 has 30 days"),
        ("2014-12-22T25:00:00Z", "time", "there is no hour 25"),
        ("2014-12-22T24:00:00Z", "time", "there is no hour 24"),
        ("2014-12-22T16:60:00Z", "time", "there is no minute 60"),
    ])
    func explainsImpossibleDatesAndTimes(_ text: String, what: String, reason: String) {
        #expect(throws: ValueError("is not a real \(what): \"\(text)\" (\(reason))")) {
            try Timestamp.parse(text)
        }
    }

    @Test func quotesAwkwardTextSafely() {
        #expect(throws: ValueError(
            "is not a timestamp: \"a\\\"b\\nc\" (expected ISO 8601 with a zone, "
                + "such as 2014-12-22T16:15:00Z, or a date such as 2014-12-22)"
        )) {
            try Timestamp.parse("a\"b\nc")
        }
    }

    @Test func shortensHugeTextInMessages() throws {
        let huge = String(repeating: "9", count: 1_000_000)
        let error = try #require(throws: ValueError.self) { try Timestamp.parse(huge) }
        #expect(error.message.count < 300)
        #expect(error.message.contains("999…\""))
    }
}
