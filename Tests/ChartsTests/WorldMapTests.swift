import Testing
@testable import Charts
import OutageData

/// The choropleth of outage hours per country (issue 12).
@Suite struct WorldMapTests {
    static let entries = [
        WorldMap.Entry(alpha2: "SD", name: "Sudan", incidents: 4, hours: 1_250, href: "../countries/sd/index.html"),
        WorldMap.Entry(alpha2: "IR", name: "Iran", incidents: 2, hours: 160, href: "../countries/ir/index.html"),
        WorldMap.Entry(alpha2: "TO", name: "Tonga", incidents: 1, hours: 900, href: "../countries/to/index.html"),
        WorldMap.Entry(alpha2: "EG", name: "Egypt", incidents: 1, hours: 130, href: nil),
        WorldMap.Entry(alpha2: "US", name: "United States", incidents: 3, hours: 2, href: "../countries/us/index.html"),
        WorldMap.Entry(alpha2: "BH", name: "Bahrain & <co>", incidents: 1, hours: 0, href: "javascript:alert(1)"),
    ]

    @Test func everyCountryWithAnIncidentIsOnTheMapWithItsFigures() {
        let svg = WorldMap.choropleth(Self.entries, idPrefix: "home-map", title: "Outage hours by country")
        let elements = expectWellFormed(svg)
        let titles = elements.filter { $0.name == "title" }.map(\.text)
        for entry in Self.entries {
            #expect(titles.contains { $0.hasPrefix(entry.name + ": ") }, "\(entry.name)")
        }
        #expect(titles.contains("Sudan: 1,250 h, 4 incidents"))
        // Tonga and Bahrain are too small for the outlines: markers.
        #expect(elements.filter { $0.name == "circle" }.count == 2)
        // Links only where safe; Egypt has none.
        let links = elements.filter { $0.name == "a" }.compactMap { $0.attributes["href"] }
        #expect(links.sorted() == ["../countries/ir/index.html", "../countries/sd/index.html", "../countries/to/index.html", "../countries/us/index.html"])
        #expect(!svg.contains("javascript:") && !svg.contains("<co>"))
        #expect(svg.utf8.count < 150_000)
        // Labelled, and not an image: its links must stay reachable.
        #expect(elements.first?.attributes["role"] == nil && elements.first?.attributes["aria-labelledby"] == "home-map-title home-map-desc")
    }

    /// More hours, a darker class (never a lighter one), and countries without incidents neutral.
    @Test func classesFollowTheHours() {
        let limits = WorldMap.classLimits(Self.entries.map(\.hours))
        #expect(limits == limits.sorted() && Set(limits).count == limits.count)
        #expect(limits.last == 1_250)
        let byHours = Self.entries.sorted { $0.hours < $1.hours }
        let classes = byHours.map { WorldMap.classIndex($0.hours, limits: limits) }
        #expect(classes == classes.sorted())
        #expect(classes.first == 0 && classes.last == limits.count - 1)
        // Bahrain's 0 hours (no end known) and the United States' 2 share the first class.
        #expect(WorldMap.classIndex(0, limits: limits) == WorldMap.classIndex(2, limits: limits))
        #expect(WorldMap.classLimits([0, 0]) == [0] && WorldMap.classLimits([]).isEmpty)
        let svg = WorldMap.choropleth([], idPrefix: "m", title: "t")
        expectWellFormed(svg)
        #expect(!svg.contains("class=\"k k"))
        #expect(svg.contains("No country has an incident."))
    }

    @Test(arguments: [(1_234.0, 1_300.0), (0.42, 0.42), (99.0, 99.0), (100.0, 100.0), (101.0, 110.0), (0.0, 0.0)])
    func limitsRoundUpToTwoFigures(value: Double, rounded: Double) {
        #expect(abs(WorldMap.roundedUp(value) - rounded) < 1e-9)
    }
}
