import Testing
import OutageData

struct CivilTimeTests {
    @Test func breaksDownUTC() throws {
        let time = try Timestamp.parse("2014-12-22T16:15:07Z").civil()
        #expect([time.year, time.month, time.day, time.hour, time.minute, time.second] == [2014, 12, 22, 16, 15, 7])
        #expect(time.weekday == 0)  // a Monday
    }

    @Test func appliesOffsetAcrossMidnightAndYearEnd() throws {
        let time = try Timestamp.parse("2014-12-31T20:30:00Z").civil(offsetSeconds: 12 * 3_600 + 45 * 60)
        #expect([time.year, time.month, time.day, time.hour, time.minute] == [2015, 1, 1, 9, 15])
        #expect(time.weekday == 3)  // 1 Jan 2015 was a Thursday

        let west = try Timestamp.parse("2015-03-01T03:00:00Z").civil(offsetSeconds: -12 * 3_600)
        #expect([west.year, west.month, west.day, west.hour] == [2015, 2, 28, 15])
    }

    @Test(arguments: [
        ("1970-01-01", 3), ("1969-12-31", 2), ("2000-02-29", 1), ("2024-03-03", 6),
        ("2014-12-22", 0), ("1900-01-01", 0), ("2038-01-19", 1), ("0001-01-01", 0), ("1582-10-15", 4),
    ])
    func weekdayCountsFromMonday(_ date: String, _ weekday: Int) throws {
        #expect(try Timestamp.parse(date).civil().weekday == weekday)
    }

    /// Every value between year 1 and 9999 sampled by a fixed pseudo-random walk survives
    /// civil → ISO text → parse, at several offsets.
    @Test func roundTripsThroughText() throws {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        let lowest: Int64 = -62_135_596_800 + 86_400   // 0001-01-02, so offsets stay in year 1
        let highest: Int64 = 253_402_300_799 - 86_400
        var checked = 0
        for _ in 0..<20_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let seconds = lowest + Int64((state >> 1) % UInt64(highest - lowest))
            for offset in [0, 32_400, -43_200, 50_400, 19_800] {
                let timestamp = Timestamp(seconds: seconds)
                let text = isoText(timestamp.civil(offsetSeconds: offset), offset: offset)
                #expect(try Timestamp.parse(text).seconds == seconds, "\(text)")
                checked += 1
            }
        }
        #expect(checked == 100_000)
    }

    /// Consecutive days step through the calendar by exactly one day, across ±3000 years.
    @Test func consecutiveDaysAreConsecutiveDates() {
        var previous = Timestamp(seconds: -1_100_000 * 86_400).civil()
        for day in Int64(-1_099_999)...1_100_000 {
            let time = Timestamp(seconds: day * 86_400 + 43_200).civil()
            let followsInMonth = time.year == previous.year && time.month == previous.month && time.day == previous.day + 1
            let startsMonth = time.day == 1 && (time.month == previous.month + 1 && time.year == previous.year
                || time.month == 1 && previous.month == 12 && time.year == previous.year + 1)
            if !(followsInMonth || startsMonth) || time.weekday != (previous.weekday + 1) % 7 || time.hour != 12 {
                Issue.record("day \(day): \(previous) → \(time)")
                return
            }
            previous = time
        }
        #expect([previous.year, previous.month, previous.day] == [4981, 9, 12])
    }

    private func isoText(_ time: CivilTime, offset: Int) -> String {
        func pad(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        let sign = offset < 0 ? "-" : "+"
        let zone = sign + pad(abs(offset) / 3_600, 2) + ":" + pad(abs(offset) % 3_600 / 60, 2)
        return pad(time.year, 4) + "-" + pad(time.month, 2) + "-" + pad(time.day, 2) + "T"
            + pad(time.hour, 2) + ":" + pad(time.minute, 2) + ":" + pad(time.second, 2) + zone
    }
}
