import Testing
import OutageData

struct ZoneTests {
    @Test(arguments: [
        ("Asia/Pyongyang", "Asia/Pyongyang"), ("UTC", "UTC"), ("Etc/UTC", "UTC"),
        ("America/Argentina/Buenos_Aires", "America/Argentina/Buenos_Aires"), ("Europe/Kyiv", "Europe/Kyiv"),
        // Current names that Foundation's list of known identifiers lacks.
        ("Asia/Kolkata", "Asia/Kolkata"), ("Asia/Istanbul", "Asia/Istanbul"), ("Asia/Calcutta", "Asia/Calcutta"),
    ])
    func knownZones(_ text: String, _ identifier: String) {
        #expect(Zone(identifier: text)?.identifier == identifier)
    }

    @Test(arguments: [
        "EST", "GMT+3", "UTC+9", "KST", "ROK", "Zulu", "US/Eastern", "Etc/GMT+3", "Mars/Olympus", "", "utc",
        "Asia/Pyongyang ", "asia/pyongyang", "Asia", "Asia/", "Asia/Foo", "Asia/../Asia/Tokyo", "+09:00",
    ])
    func unknownZones(_ text: String) {
        #expect(Zone(identifier: text) == nil)
    }

    @Test func equalityFollowsTheIdentifier() {
        #expect(Zone(identifier: "Etc/UTC") == Zone(identifier: "UTC"))
        #expect(Zone(identifier: "Asia/Tokyo") != Zone(identifier: "Asia/Seoul"))
        #expect(Set([Zone(identifier: "Etc/UTC"), Zone(identifier: "UTC"), Zone(identifier: "Asia/Tokyo")]).count == 2)
    }

    @Test(arguments: [
        ("Asia/Pyongyang", "2014-12-22T16:15:00Z", 32_400, "UTC+9"),
        ("Asia/Pyongyang", "2016-06-01T00:00:00Z", 30_600, "UTC+8:30"),
        ("Asia/Kolkata", "2014-12-22T16:15:00Z", 19_800, "UTC+5:30"),
        ("Asia/Kathmandu", "2014-12-22T16:15:00Z", 20_700, "UTC+5:45"),
        ("America/New_York", "2021-01-15T12:00:00Z", -18_000, "UTC\u{2212}5"),
        ("America/New_York", "2021-07-15T12:00:00Z", -14_400, "UTC\u{2212}4"),
        ("Europe/London", "2021-01-15T12:00:00Z", 0, "UTC"),
        ("Europe/London", "2021-07-15T12:00:00Z", 3_600, "UTC+1"),
        ("Pacific/Kiritimati", "2021-07-15T12:00:00Z", 50_400, "UTC+14"),
        ("UTC", "2021-07-15T12:00:00Z", 0, "UTC"),
    ])
    func offsetsAndLabels(_ identifier: String, _ at: String, _ offset: Int, _ label: String) throws {
        let zone = try #require(Zone(identifier: identifier))
        let time = try Timestamp.parse(at)
        #expect(zone.offsetSeconds(at: time) == offset)
        #expect(zone.abbreviation(at: time) == label)
    }
}
