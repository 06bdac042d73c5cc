import Testing
@testable import Charts

/// A reconstructed chart (SPEC §4) says so inside the SVG, where it travels with the file, and
/// draws its lines dashed; a measured chart of the same data does neither.
struct ReconstructedChartTests {
    @Test func theLabelAndTheDashesAreInTheSVGOnlyWhenReconstructed() throws {
        var drawn = Fixtures.byMax
        drawn.reconstructed = true
        drawn.standalone = true
        let svg = ConnectivityChart.svg(drawn)
        let elements = expectWellFormed(svg)
        let texts = elements.filter { $0.name == "text" }.map(\.text)
        #expect(texts.filter { $0 == "Reconstructed from reports, not measured" }.count == 1)
        #expect(elements.first { $0.name == "desc" }?.text.hasPrefix("Reconstructed from reports, not measured. ") == true)
        let lines = elements.filter { $0.name == "path" && ($0.attributes["class"] ?? "").hasPrefix("line ") }
        let swatches = elements.filter { $0.name == "path" && ($0.attributes["class"] ?? "").hasPrefix("swatch ") }
        #expect(!lines.isEmpty && lines.allSatisfy { $0.attributes["stroke-dasharray"] == "7 4" })
        #expect(!swatches.isEmpty && swatches.allSatisfy { $0.attributes["stroke-dasharray"] == "7 4" })

        var measured = drawn
        measured.reconstructed = false
        let plain = ConnectivityChart.svg(measured)
        let plainElements = expectWellFormed(plain)
        #expect(!plain.contains("Reconstructed"))
        #expect(plainElements.filter { $0.name == "path" && ($0.attributes["class"] ?? "").hasPrefix("line ") }
            .allSatisfy { $0.attributes["stroke-dasharray"] == nil })
        // The label takes a legend row of its own, so the plot starts lower.
        #expect(svg.utf8.count > plain.utf8.count)
    }
}
