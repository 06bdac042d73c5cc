import Testing
@testable import OutageData

/// Series times are whole seconds (issue 8): a fraction is dropped, a leap second counts as
/// the last second of its minute. Rows that land in one second are named as such, never as a
/// misleading "repeats line N".
struct SeriesSubSecondTests {
    static let rule = "series times are kept to the whole second"

    @Test func fractionsInOneSecondAreNamedAsSuch() {
        let outcome = readSeries("t,x\n2020-01-01T00:00:00.250Z,1\n2020-01-01T00:00:00.750Z,2\n")
        #expect(outcome.issues == [
            issue(3, 1, "time \"2020-01-01T00:00:00.750Z\" falls in the same second as line 2 (2020-01-01T00:00:00Z): "
                  + Self.rule + " (fractions are dropped), so each row needs a second of its own"),
        ])
    }

    @Test func aWholeSecondAfterAFractionOfItIsNamedToo() {
        let outcome = readSeries("t,x\n12.5,1\n12,2\n")
        #expect(outcome.issues == [
            issue(3, 1, "time \"12\" falls in the same second as line 2 (1970-01-01T00:00:12Z): "
                  + Self.rule + " (fractions are dropped), so each row needs a second of its own"),
        ])
    }

    @Test func fractionsInDifferentSecondsAreFine() {
        let outcome = readSeries("t,x\n2020-01-01T00:00:00.750Z,1\n2020-01-01T00:00:01.250Z,2\n2020-01-01T00:00:02.000Z,3\n")
        #expect(outcome.issues == [])
        #expect(outcome.rows.map(\.time) == [1_577_836_800, 1_577_836_801, 1_577_836_802])
    }

    @Test func aLeapSecondIsTheLastSecondOfItsMinute() {
        let outcome = readSeries("t,x\n2016-12-31T23:59:58Z,1\n2016-12-31T23:59:60Z,0\n2017-01-01T00:00:00Z,1\n")
        #expect(outcome.issues == [])
        #expect(outcome.rows.map(\.time) == [1_483_228_798, 1_483_228_799, 1_483_228_800])
    }

    @Test func aLeapSecondAfterSecond59IsNamedAsSuch() {
        let outcome = readSeries("t,x\n2016-12-31T23:59:59Z,1\n2016-12-31T23:59:60Z,0\n")
        #expect(outcome.issues == [
            issue(3, 1, "time \"2016-12-31T23:59:60Z\" falls in the same second as line 2 (2016-12-31T23:59:59Z): "
                  + Self.rule + " (a leap second :60 counts as :59), so each row needs a second of its own"),
        ])
    }

    @Test func anExactRepeatStillSaysRepeats() {
        let outcome = readSeries("t,x\n2020-01-01T00:00:00.000Z,1\n2020-01-01T00:00:00Z,2\n")
        #expect(outcome.issues == [issue(3, 1, "time 2020-01-01T00:00:00Z repeats line 2")])
    }

    @Test func frontMatterLeapSecondStaysInItsDay() throws {
        #expect(try Timestamp.parse("2016-12-31T23:59:60Z").seconds == 1_483_228_799)
        #expect(try Timestamp.parse("2016-12-31T23:59:60Z").year == 2016)
    }
}
