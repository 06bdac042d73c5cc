import Charts
import Foundation
import OutageData
import Testing

/// The generated country outlines (issue 12): the committed table is what the script makes of
/// Natural Earth, every key is a country, and every path is well-formed and inside the map.
@Suite struct WorldOutlinesTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Runs the generator in --check mode: it fails when Sources/Charts/World/WorldOutlines.swift
    /// is not byte for byte what it writes (it fetches the geopandas wheel from PyPI once).
    @Test func theTableIsWhatTheScriptWrites() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "Tests/Tools/generate-world-map.py", "--check"]
        process.currentDirectoryURL = Self.root
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(message)")
    }

    @Test func everyKeyIsACountryOfTheTable() {
        #expect(WorldOutlines.paths.count > 150)
        for code in WorldOutlines.paths.keys {
            #expect(Country.lookup(alpha2: code) != nil, "\(code)")
        }
        // Natural Earth's ring for each of these is its own country's (or joined to it).
        for code in ["SD", "IR", "EG", "US", "RU", "FR", "NO", "CY", "SO", "MM", "IN"] {
            #expect(WorldOutlines.paths[code] != nil, "\(code)")
        }
    }

    /// A country too small for the outlines is a marker, so any country an incident names can
    /// be shown; only two uninhabited islands have neither.
    @Test func everyCountryIsAnOutlineOrAMarker() {
        let width = Double(WorldOutlines.width), height = Double(WorldOutlines.height)
        var unplaced: [String] = []
        for country in Country.all {
            let outline = WorldOutlines.paths[country.alpha2], marker = WorldOutlines.markers[country.alpha2]
            if outline == nil && marker == nil { unplaced.append(country.alpha2) }
            #expect(outline == nil || marker == nil, "\(country.alpha2) is both")
            if let marker { #expect(marker.x >= 0 && marker.x <= width && marker.y >= 0 && marker.y <= height, "\(country.alpha2)") }
        }
        #expect(unplaced == ["BV", "HM"])
        for code in ["TO", "BH", "SG", "MT", "MV", "HK"] { #expect(WorldOutlines.markers[code] != nil, "\(code)") }
    }

    /// Each path is rings of "Mx y" then relative "l" steps, closed with "z"; walking them stays
    /// within the map's box (a sign error or a wrong crop would leave it).
    @Test func everyPathStaysInsideTheMap() throws {
        let width = Double(WorldOutlines.width), height = Double(WorldOutlines.height)
        for (code, path) in WorldOutlines.paths {
            let rings = path.split(separator: "z", omittingEmptySubsequences: true)
            #expect(!rings.isEmpty && path.hasSuffix("z"), "\(code)")
            for ring in rings {
                #expect(ring.hasPrefix("M"), "\(code)")
                let parts = ring.dropFirst().split(separator: "l", maxSplits: 1)
                try #require(parts.count == 2, "\(code)")
                let start = parts[0].split(separator: " ").compactMap { Double($0) }
                let steps = parts[1].split(separator: " ").compactMap { Double($0) }
                try #require(start.count == 2 && steps.count.isMultiple(of: 2) && steps.count >= 4, "\(code)")
                var (x, y) = (start[0], start[1])
                for i in stride(from: 0, to: steps.count, by: 2) {
                    x += steps[i]
                    y += steps[i + 1]
                    #expect(x >= -0.5 && x <= width + 0.5 && y >= -0.5 && y <= height + 0.5, "\(code) leaves the map at \(x), \(y)")
                }
            }
        }
    }
}
