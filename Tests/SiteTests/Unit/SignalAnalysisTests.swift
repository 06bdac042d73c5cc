import Testing
@testable import SiteLoad
@testable import SiteModel

/// The figures derived from a signal (SPEC §6): baseline, deepest drop, data outage window.
@Suite struct SignalAnalysisTests {
    let start: Int64 = 100_000

    func analyse(_ samples: [(Int64, Double)], end: Int64?) -> SignalFigures {
        var analysis = SignalAnalysis(start: start, end: end)
        for (time, value) in samples { analysis.add(time: time, value: value) }
        return analysis.figures()
    }

    @Test func baselineIsTheMedianOfTheDayBefore() {
        // Older than 24 h before the start: ignored. Missing values: ignored.
        let figures = analyse([(start - 90_000, 1000), (start - 3600, 10), (start - 1800, .nan), (start - 1200, 30), (start - 600, 20)], end: nil)
        #expect(figures.baseline == 20)
    }

    @Test func evenCountMedianIsTheMeanOfTheMiddleTwo() {
        let figures = analyse([(start - 300, 10), (start - 200, 40), (start - 100, 20), (start - 50, 30)], end: nil)
        #expect(figures.baseline == 25)
    }

    @Test func deepestDropAndWindow() {
        let samples: [(Int64, Double)] = [
            (start - 600, 100), (start - 300, 100),
            (start, 80), (start + 300, 40), (start + 600, 0), (start + 900, 0), (start + 1200, 45), (start + 1500, 90),
            (start + 1800, 100),
        ]
        let figures = analyse(samples, end: start + 1500)
        #expect(figures.baseline == 100)
        #expect(figures.lowest?.value == 0)
        #expect(figures.lowest?.time == start + 600)  // the first time the lowest value is reached
        #expect(figures.dropPercent == 100)
        #expect(figures.outageWindow?.start == start + 300)
        #expect(figures.outageWindow?.end == start + 1500)  // the first sample back above half
    }

    @Test func aDropBeforeTheStatedStartIsFound() {
        let samples: [(Int64, Double)] = [(start - 7200, 10), (start - 3600, 10), (start - 1800, 10), (start - 600, 2), (start, 1), (start + 600, 10)]
        let figures = analyse(samples, end: start + 600)
        #expect(figures.baseline == 10)
        #expect(figures.outageWindow?.start == start - 600)
        #expect(figures.outageWindow?.end == start + 600)
    }

    @Test func noBaselineWithoutDataBeforeTheStart() {
        let figures = analyse([(start, 5), (start + 60, 0), (start + 120, 5)], end: start + 120)
        #expect(figures.baseline == nil)
        #expect(figures.dropPercent == nil)
        #expect(figures.outageWindow == nil)
        #expect(figures.lowest?.value == 0)
    }

    @Test func lowestIgnoresValuesAfterTheEnd() {
        let figures = analyse([(start - 60, 10), (start, 8), (start + 60, 9), (start + 120, 1)], end: start + 60)
        #expect(figures.lowest?.value == 8)
        #expect(figures.dropPercent == 20)
    }

    @Test func outageStillOngoingAtTheEndOfTheData() {
        let figures = analyse([(start - 60, 10), (start, 1), (start + 60, 1)], end: nil)
        #expect(figures.outageWindow?.start == start)
        #expect(figures.outageWindow?.end == start + 60)
    }
}

/// Values near the limit of a Double (issue 8): the figures stay finite or are left out, never
/// an infinity, NaN or a drop of 0 % computed from an overflowed baseline.
@Suite struct SignalAnalysisOverflowTests {
    let start: Int64 = 100_000

    func analyse(_ samples: [(Int64, Double)], end: Int64?) -> SignalFigures {
        var analysis = SignalAnalysis(start: start, end: end)
        for (time, value) in samples { analysis.add(time: time, value: value) }
        return analysis.figures()
    }

    @Test func theMedianOfTwoHugeValuesDoesNotOverflow() {
        let figures = analyse([(start - 200, 1.7e308), (start - 100, 1.7e308), (start, -1.7e308), (start + 60, 1.7e308)], end: start + 60)
        #expect(figures.baseline == 1.7e308)
        #expect(figures.dropPercent == 200)
        #expect(figures.outageWindow?.start == start)
        #expect(figures.outageWindow?.end == start + 60)
    }

    @Test func aDropThatCannotBeComputedIsLeftOut() {
        // A tiny positive baseline and a huge negative lowest: the ratio overflows.
        let figures = analyse([(start - 100, Double.leastNonzeroMagnitude), (start, -1e300)], end: start + 60)
        #expect(figures.baseline == Double.leastNonzeroMagnitude)
        #expect(figures.lowest?.value == -1e300)
        #expect(figures.dropPercent == nil)
    }
}
