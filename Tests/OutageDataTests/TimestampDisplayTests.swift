import Testing
import OutageData

struct TimestampDisplayTests {
    @Test(arguments: [
        ("2014-12-22T16:15:00Z", 0, "22 Dec 2014 16:15"),
        ("2014-12-22T16:15:59Z", 0, "22 Dec 2014 16:15"),
        ("2014-01-05T03:04:00Z", 0, "5 Jan 2014 03:04"),
        ("2014-12-22T16:15:00Z", 32_400, "23 Dec 2014 01:15"),
        ("2014-12-22T16:15:00Z", 19_800, "22 Dec 2014 21:45"),
        ("2014-12-22T02:00:00Z", -18_000, "21 Dec 2014 21:00"),
        ("2014-12-31T20:00:00Z", 50_400, "1 Jan 2015 10:00"),
        ("2015-01-01T05:00:00Z", -43_200, "31 Dec 2014 17:00"),
        ("2024-02-28T23:30:00Z", 3_600, "29 Feb 2024 00:30"),
        ("1969-12-31T23:59:00Z", 0, "31 Dec 1969 23:59"),
        ("2014-12-22", 0, "22 Dec 2014"),
        // A bare date names a day, not an instant: no offset moves it.
        ("2014-12-22", -36_000, "22 Dec 2014"),
        ("2014-12-22", 50_400, "22 Dec 2014"),
    ])
    func display(_ text: String, _ offset: Int, _ expected: String) throws {
        #expect(try Timestamp.parse(text).display(offsetSeconds: offset) == expected)
    }

    @Test func defaultOffsetIsUTC() throws {
        #expect(try Timestamp.parse("2014-12-23T01:46:00+09:00").display() == "22 Dec 2014 16:46")
    }

    @Test func relativeDisplayOmitsTheSameYear() throws {
        let start = try Timestamp.parse("2014-12-22T16:15:00Z")
        let end = try Timestamp.parse("2014-12-23T01:46:00Z")
        #expect(end.display(relativeTo: start) == "23 Dec 01:46")
        #expect(start.display(relativeTo: start) == "22 Dec 16:15")
    }

    @Test func relativeDisplayKeepsAnotherYear() throws {
        let start = try Timestamp.parse("2014-12-31T23:00:00Z")
        let end = try Timestamp.parse("2015-01-01T00:10:00Z")
        #expect(end.display(relativeTo: start) == "1 Jan 2015 00:10")
    }

    @Test func relativeDisplayComparesYearsOnEachClock() throws {
        let start = try Timestamp.parse("2014-12-31T20:00:00Z")
        let end = try Timestamp.parse("2014-12-31T21:00:00Z")
        #expect(end.display(relativeTo: start) == "31 Dec 21:00")
        // Both in Pyongyang time: both in 2015 there.
        #expect(end.display(offsetSeconds: 32_400, relativeTo: start, referenceOffset: 32_400) == "1 Jan 06:00")
        // End in local time, start in UTC: the years differ.
        #expect(end.display(offsetSeconds: 32_400, relativeTo: start) == "1 Jan 2015 06:00")
    }

    @Test func relativeDisplayOfDates() throws {
        let start = try Timestamp.parse("2019-06-03")
        let end = try Timestamp.parse("2019-07-09")
        #expect(end.display(relativeTo: start) == "9 Jul")
        #expect(end.display(offsetSeconds: -36_000, relativeTo: start) == "9 Jul")
        #expect(try Timestamp.parse("2020-01-02").display(relativeTo: start) == "2 Jan 2020")
    }

    @Test(arguments: 1...12)
    func monthAbbreviations(_ month: Int) throws {
        let names = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        let text = "2021-" + (month < 10 ? "0" : "") + String(month) + "-15"
        #expect(try Timestamp.parse(text).display() == "15 \(names[month - 1]) 2021")
    }
}
