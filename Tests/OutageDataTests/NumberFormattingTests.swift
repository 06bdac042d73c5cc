import Testing
import OutageData

struct NumberFormattingTests {
    @Test(arguments: [
        (0, "0"), (7, "7"), (999, "999"), (1_000, "1,000"), (1_840, "1,840"), (12_345, "12,345"),
        (123_456, "123,456"), (1_234_567, "1,234,567"), (-1_234, "\u{2212}1,234"),
        (Int.max, "9,223,372,036,854,775,807"), (Int.min, "\u{2212}9,223,372,036,854,775,808"),
    ])
    func count(_ n: Int, _ expected: String) {
        #expect(formatCount(n) == expected)
    }

    @Test(arguments: [
        (1_840.0, "1,840"), (9.52, "9.5"), (9.56, "9.6"), (0.0, "0"), (0.04, "0"), (0.05, "0.1"),
        (-0.04, "0"), (999.96, "1,000"), (1_234_567.89, "1,234,567.9"), (12.0, "12"),
        (-2.25, "\u{2212}2.3"), (0.25, "0.3"),
        (Double.nan, "—"), (Double.infinity, "—"), (-Double.infinity, "—"), (1e20, "—"),
    ])
    func hours(_ hours: Double, _ expected: String) {
        #expect(formatHours(hours) == expected)
    }
}
