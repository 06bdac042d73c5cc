import Diagnostics
import Foundation
import Testing
import Site

/// The maps on the example archive's pages (issue 12): every country with an incident is on the
/// home map, linked to its page; the countries index has the same map; country and incident
/// pages have a locator over the one world file.
@Suite struct MapPagesTests {
    @Test func everyCountryWithAnIncidentIsOnTheMaps() throws {
        let temp = try TempFolder()
        let output = temp.url.appendingPathComponent("public")
        let log = DiagnosticLog()
        _ = try #require(SiteBuilder(options: BuildOptions(siteRoot: Fixtures.repository, output: output)).build(into: log))
        func page(_ path: String) throws -> String { try String(contentsOf: output.appendingPathComponent(path), encoding: .utf8) }

        // The countries the archive has: the folders under countries/.
        let codes = try FileManager.default.contentsOfDirectory(atPath: output.appendingPathComponent("countries").path)
            .filter { !$0.contains(".") && $0 != "page" }.sorted()
        #expect(codes.count > 20)
        let home = try page("index.html")
        let index = try page("countries/index.html")
        for code in codes {
            #expect(home.contains("<a href=\"countries/\(code)/index.html\"><title>"), "\(code) is not on the home map")
            #expect(index.contains("<a href=\"../countries/\(code)/index.html\"><title>"), "\(code) is not on the countries map")
            let countryPage = try page("countries/\(code)/index.html")
            #expect(countryPage.contains("class=\"blackout-chart world-locator\"") && countryPage.contains("href=\"../../assets/world.svg\""),
                    "countries/\(code)/ has no locator")
        }
        // Tonga (2022 volcano) is too small for the outlines: a marker.
        #expect(codes.contains("to") && home.contains("<a href=\"countries/to/index.html\"><title>Tonga: "))
        let tonga = try page("incidents/tonga/index.html")
        #expect(tonga.contains("world-locator") && tonga.contains("<circle class=\"here k\""))
        // The world file is a valid standalone SVG of the outlines, written once.
        let world = try page("assets/world.svg")
        #expect(world.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\"") && world.hasSuffix("</svg>"))
        #expect(world.utf8.count < 150_000)
        // The inline map is under the 150 KB SPEC promises for inline maps.
        let start = try #require(home.range(of: "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 1000"))
        let end = try #require(home.range(of: "</svg>", range: start.upperBound..<home.endIndex))
        #expect(home[start.lowerBound..<end.upperBound].utf8.count < 150_000)
    }
}
