import Testing
@testable import Charts
import OutageData

struct TimeAxisTests {
    static let spans: [Int64] = [
        180, 300, 600, 1_800, 3_600, 3 * 3_600, 9 * 3_600 + 31 * 60, 86_400, 2 * 86_400, 5 * 86_400,
        14 * 86_400, 45 * 86_400, 120 * 86_400, 365 * 86_400, 3 * 365 * 86_400, 7 * 365 * 86_400,
        20 * 365 * 86_400 + 5 * 86_400,
    ]
    static let starts = ["2014-12-22T16:15:17Z", "2000-01-01T00:00:00Z", "1999-12-31T23:58:30Z", "2016-02-28T22:00:00Z"]

    @Test func labelsNeverOverlapAndTicksStayInRange() {
        for start in Self.starts.map(at) {
            for span in Self.spans {
                for width in stride(from: 300.0, through: 1_200.0, by: 50) {
                    let ticks = TimeAxis.ticks(start: start, end: start + span, width: width, charWidth: 7)
                    #expect(ticks.count >= 2, "span \(span) at \(width) px: \(ticks.map(\.label))")
                    #expect(ticks.allSatisfy { $0.time >= start && $0.time <= start + span })
                    #expect(zip(ticks, ticks.dropFirst()).allSatisfy { $0.time < $1.time })
                    var previousRight = -Double.infinity
                    for tick in ticks {
                        let x = Double(tick.time - start) / Double(span) * width
                        let half = Double(tick.label.count) * 7 / 2
                        #expect(x - half >= previousRight, "overlap at \(tick.label), span \(span), width \(width)")
                        previousRight = x + half
                    }
                }
            }
        }
    }

    @Test func labelForms() {
        let hours = TimeAxis.ticks(start: at("2014-12-22T14:00:00Z"), end: at("2014-12-23T04:00:00Z"), width: 648)
        #expect(hours.map(\.label).contains("16:00"))
        #expect(hours.map(\.label).contains("23 Dec"))
        let days = TimeAxis.ticks(start: at("2014-12-20T00:00:00Z"), end: at("2015-01-03T00:00:00Z"), width: 648)
        #expect(days.map(\.label).contains("22 Dec"))
        #expect(days.map(\.label).contains("1 Jan 2015"))
        let months = TimeAxis.ticks(start: at("2014-11-15T00:00:00Z"), end: at("2015-08-01T00:00:00Z"), width: 648)
        #expect(months.first?.label == "Dec 2014")
        #expect(months.map(\.label).contains("Jan 2015"))
        #expect(months.map(\.label).contains("Mar"))
        let years = TimeAxis.ticks(start: at("2004-01-01T00:00:00Z"), end: at("2024-01-01T00:00:00Z"), width: 648)
        #expect(years.map(\.label).contains("2014"))
        #expect(years.allSatisfy { $0.label.count == 4 })
        let minutes = TimeAxis.ticks(start: at("2014-12-22T16:14:00Z"), end: at("2014-12-22T16:17:00Z"), width: 648)
        #expect(minutes.map(\.label) == ["16:14", "16:15", "16:16", "16:17"] || minutes.count > 4)
    }

    @Test func stepsAreNice() {
        // Ticks fall on round times: whole minutes, hours aligned to midnight, month and year starts.
        for start in Self.starts.map(at) {
            for span in Self.spans {
                for tick in TimeAxis.ticks(start: start, end: start + span, width: 648) {
                    let civil = Timestamp(seconds: tick.time).civil()
                    #expect(civil.second == 0)
                    if span >= 120 * 86_400 { #expect(civil.day == 1 && civil.hour == 0) }
                }
            }
        }
    }

    @Test func degenerateInputs() {
        #expect(TimeAxis.ticks(start: 5, end: 5, width: 600).isEmpty)
        #expect(TimeAxis.ticks(start: 0, end: 3_600, width: 0).isEmpty)
        #expect(TimeAxis.ticks(start: 0, end: 3_600, width: .nan).isEmpty)
        // Reversed order works like the right order.
        #expect(TimeAxis.ticks(start: 3_600, end: 0, width: 600) == TimeAxis.ticks(start: 0, end: 3_600, width: 600))
        // Whole Int64 range: clamped, finishes, labels in order.
        let all = TimeAxis.ticks(start: Int64.min, end: Int64.max, width: 600)
        #expect(zip(all, all.dropFirst()).allSatisfy { $0.time < $1.time })
    }

    @Test func chartsSayUTCOnTheAxis() {
        for (_, spec) in Fixtures.charts {
            let elements = expectWellFormed(ConnectivityChart.svg(spec))
            #expect(elements.contains { $0.name == "text" && $0.text.hasPrefix("Time (UTC), ") })
        }
        let strip = expectWellFormed(TimelineStrip.svg(Fixtures.strip))
        #expect(strip.contains { $0.name == "text" && $0.text == "UTC" })
    }

    @Test func chartTickLabelsDoNotOverlapAcrossWidthsOfTheViewBox() {
        // In the SVG, labels are written at the chart's own char width estimate.
        for (_, spec) in Fixtures.charts {
            let elements = expectWellFormed(ConnectivityChart.svg(spec))
            guard let axis = elements.firstIndex(where: { $0.name == "g" && $0.attributes["class"] == "x-axis" }) else {
                Issue.record("no x axis")
                continue
            }
            var previousRight = -Double.infinity
            for element in elements[(axis + 1)...] {
                guard element.name == "text", element.attributes["class"] == nil else { break }
                let x = Double(element.attributes["x"] ?? "") ?? 0
                let half = Double(element.text.count) * ChartLayout.wide.charWidth / 2
                #expect(x - half >= previousRight)
                #expect(x - half >= 0 && x + half <= ChartLayout.wide.width)
                previousRight = x + half
            }
        }
    }
}
