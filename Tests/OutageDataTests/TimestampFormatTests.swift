import Testing
import OutageData

struct TimestampFormatTests {
    @Test(arguments: [
        (Int64(1_419_264_900), "2014-12-22T16:15:00Z"),
        (0, "1970-01-01T00:00:00Z"),
        (-1, "1969-12-31T23:59:59Z"),
        (2_147_483_648, "2038-01-19T03:14:08Z"),
        (951_782_400, "2000-02-29T00:00:00Z"),
        (-62_135_596_800, "0001-01-01T00:00:00Z"),
        (-62_135_596_801, "0000-12-31T23:59:59Z"),
        (253_402_300_800, "10000-01-01T00:00:00Z"),
    ])
    func iso8601(_ seconds: Int64, _ expected: String) {
        let timestamp = Timestamp(seconds: seconds)
        #expect(timestamp.iso8601 == expected)
        #expect(timestamp.rfc3339 == expected)
    }

    @Test func dateOnlyKeepsDayPrecisionInISOButNotInRFC3339() throws {
        let date = try Timestamp.parse("2014-12-22")
        #expect(date.iso8601 == "2014-12-22")
        #expect(date.rfc3339 == "2014-12-22T00:00:00Z")
    }

    @Test(arguments: [
        (Int64(1_419_264_900), 2014),
        (0, 1970),
        (-1, 1969),
        (1_704_067_199, 2023),
        (1_704_067_200, 2024),
        (4_107_542_400, 2100),
    ])
    func utcYear(_ seconds: Int64, _ year: Int) {
        #expect(Timestamp(seconds: seconds).year == year)
    }

    @Test func orderIsByInstantThenDateOnlyFirst() throws {
        let date = try Timestamp.parse("2014-12-22")
        let midnight = try Timestamp.parse("2014-12-22T00:00:00Z")
        let later = try Timestamp.parse("2014-12-22T00:00:01Z")
        #expect(date != midnight)
        #expect(date < midnight)
        #expect(!(midnight < date))
        #expect(midnight < later)
        #expect([later, midnight, date].sorted() == [date, midnight, later])
    }

    @Test(arguments: [Int64.max, Int64.min, Int64.max - 1, Int64.min + 1])
    func extremeValuesDoNotTrap(_ seconds: Int64) {
        let timestamp = Timestamp(seconds: seconds)
        let texts = [
            timestamp.iso8601,
            timestamp.display(offsetSeconds: 50_400),
            timestamp.display(offsetSeconds: -43_200),
            timestamp.display(offsetSeconds: 50_400, relativeTo: Timestamp(seconds: 0)),
        ]
        #expect(texts.allSatisfy { !$0.isEmpty })
        #expect(timestamp.civil(offsetSeconds: 50_400).month >= 1)
    }
}
