import Testing
@testable import Charts
import OutageData

struct ArchiveTests {
    static func manyIncidents(_ count: Int) -> [ArchiveItem] {
        var rng = SplitMix64(seed: 2_000)
        let from = at("2010-01-01T00:00:00Z")
        let to = at("2024-12-31T00:00:00Z")
        return (0..<count).map { index in
            let start = Int64.random(in: from...to, using: &rng)
            let length = Int64.random(in: 600...(Bool.random(using: &rng) ? 86_400 : 40 * 86_400), using: &rng)
            let status: DisplayStatus = [.resolved, .resolved, .resolved, .ongoing, .endUnknown][index % 5]
            return ArchiveItem(start: start, end: status == .resolved ? start + length : nil,
                               title: "Incident \(index)", href: "incidents/i-\(index)/", status: status)
        }
    }

    @Test func twoThousandIncidentsStayReadable() {
        let items = Self.manyIncidents(2_000)
        let svg = ArchiveTimeline.svg(items, idPrefix: "timeline")
        let elements = expectWellFormed(svg)
        let root = elements.first
        let lanes = elements.filter { $0.name == "text" && $0.attributes["font-weight"] == "600" }.map(\.text)
        // 2010 to 2025 (ongoing incidents run to the newest date, in 2025): fixed lane height,
        // the drawing grows with the years.
        #expect(lanes.first == "2025" && lanes.last == "2010" && lanes.count == 16)
        let height = Int(ArchiveTimeline.axisHeight + 16 * ArchiveTimeline.laneHeight + ArchiveTimeline.legendHeight)
        #expect(root?.attributes["viewBox"] == "0 0 720 \(height)")
        let bars = elements.filter { $0.name == "rect" && ($0.attributes["class"] ?? "").hasPrefix("bar") && $0.attributes["height"] == "5" }
        #expect(bars.count >= 2_000)
        for bar in bars {
            let x = Double(bar.attributes["x"] ?? "") ?? -1
            let width = Double(bar.attributes["width"] ?? "") ?? 0
            #expect(width >= 2)
            #expect(x >= ChartLayout.wide.plotLeft && x + width <= ChartLayout.wide.plotRight + 0.05)
        }
        #expect(Set(elements.filter { $0.name == "a" }.compactMap { $0.attributes["href"] }).count == 2_000)
    }

    /// Past `maximumBars` the lanes show weeks shaded by how many incidents began in them: the
    /// counts add up to the incidents, and 50,000 incidents stay far under the page budget.
    @Test func fiftyThousandIncidentsAreDrawnAsWeeks() {
        let items = Self.manyIncidents(50_000)
        let svg = ArchiveTimeline.svg(items, idPrefix: "timeline")
        #expect(svg.utf8.count < 150_000)
        let elements = expectWellFormed(svg)
        #expect(elements.filter { $0.name == "a" }.isEmpty)
        let counts = elements.filter { $0.name == "title" }.compactMap { title -> Int? in
            guard let colon = title.text.lastIndex(of: ":") else { return nil }
            return Int(title.text[title.text.index(colon, offsetBy: 2)...].prefix { $0.isNumber })
        }
        #expect(counts.reduce(0, +) == 50_000)
        let lanes = elements.filter { $0.name == "text" && $0.attributes["font-weight"] == "600" }.map(\.text)
        #expect(lanes.first == "2025" && lanes.last == "2010")
        #expect(elements.first { $0.name == "desc" }?.text.contains("the darker a week, the more incidents began in it") == true)
    }

    @Test func incidentsAcrossNewYearAreSplit() {
        let elements = expectWellFormed(ArchiveTimeline.svg(Fixtures.archive, idPrefix: "a"))
        let newYear = elements.filter { $0.name == "a" && $0.attributes["href"] == "incidents/new-year/" }
        #expect(newYear.count == 2)
    }

    @Test func smallStripHasYearsOnTheAxis() {
        let elements = expectWellFormed(ArchiveTimeline.smallSVG(Self.manyIncidents(2_000), idPrefix: "home"))
        let labels = elements.filter { $0.name == "text" }.map(\.text)
        #expect(labels.contains("2010") && labels.contains("2024"))
        #expect(labels.allSatisfy { $0.count == 4 })
        #expect(elements.first?.attributes["role"] == "img")
    }

    @Test func outageHoursFillsMissingYears() {
        let elements = expectWellFormed(OutageHoursChart.svg(Fixtures.hours, idPrefix: "h", title: "Hours"))
        let titles = elements.filter { $0.name == "title" }.map(\.text)
        #expect(titles.contains("2015: 0 outage hours"))
        #expect(titles.contains("2014: 9.5 outage hours"))
        #expect(elements.first { $0.name == "desc" }?.text.hasPrefix("Outage hours per year: 2014, 9.5 h; 2015, 0 h;") == true)
    }
}
