import Charts
import Foundation
@testable import SiteLoad
import SiteModel
import Testing

/// The series cache beside the output (`.public.blackout-series`): a rebuild takes a series
/// from it only while the CSV is the very file it was made from, and a damaged cache is ignored.
@Suite struct SeriesCacheTests {
    private func build(_ site: URL, into output: URL) throws {
        let result = try CLI.run(["build", "--site", site.path, "--output", output.path, "--color", "never"])
        #expect(result.status == 0, "stderr:\n\(result.stderr)")
    }

    @Test func unchangedSeriesComeFromTheCacheAndTouchedOnesAreReadAgain() throws {
        let temp = try TempFolder()
        let site = temp.url.appendingPathComponent("site")
        let output = temp.url.appendingPathComponent("public")
        try GeneratedSite.write(to: site, count: 3)
        try build(site, into: output)
        let cachePath = temp.url.appendingPathComponent(".public.blackout-series").path
        let cache = SeriesCache(path: cachePath)
        let key = try #require(cache.keys.first)
        #expect(cache.keys.count == 1)
        var entry = try #require(cache.reduced(for: key))
        #expect(entry.rows == 120 && entry.columns == ["bgp"])

        // A forged entry under the CSV's own key is believed: the file is not read again.
        entry.rows = 123_456
        SeriesCache.write(to: cachePath, [(key, entry)])
        try build(site, into: output)
        let page = try #require(FileManager.default.enumerator(atPath: output.path)?.compactMap { $0 as? String }
            .first { $0.hasSuffix("outage-0/index.html") })
        let forged = try String(contentsOf: output.appendingPathComponent(page), encoding: .utf8)
        #expect(forged.contains("(123,456 rows)"))

        // Touched (same bytes, new times): the key changes and the CSV is read again.
        let csv = try #require(FileManager.default.enumerator(atPath: site.path)?.compactMap { $0 as? String }
            .first { $0.hasSuffix("connectivity.csv") })
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: 1_000_000_000)],
                                              ofItemAtPath: site.appendingPathComponent(csv).path)
        try build(site, into: output)
        let reread = try String(contentsOf: output.appendingPathComponent(page), encoding: .utf8)
        #expect(reread.contains("(120 rows)"))
        #expect(SeriesCache(path: cachePath).keys.count == 1)
        #expect(SeriesCache(path: cachePath).keys.first != key)
    }

    @Test func entriesReadBackAsWritten() throws {
        let temp = try TempFolder()
        let path = temp.url.appendingPathComponent("cache").path
        var points: [ChartPoint] = []
        for n in 0..<500 {
            let value: Double = n % 50 == 7 ? .nan : Double(n % 13) * 1.5
            points.append(ChartPoint(time: 1_600_000_000 + Int64(n) * 60, value: value))
        }
        let figures = SignalFigures(baseline: 40, lowest: (0, 1_600_000_600), dropPercent: 100,
                                    outageWindow: (1_600_000_000, 1_600_009_000))
        let signals: [(points: PackedPoints, figures: SignalFigures)] = [(PackedPoints(points), figures), (PackedPoints([]), SignalFigures())]
        let full = ReducedSeries(columns: ["bgp", "probing", "é"], rows: 2_000, first: -5, last: 1_600_030_000, signals: signals)
        let empty = ReducedSeries(columns: ["x"], rows: 0, first: nil, last: nil, signals: [])
        SeriesCache.write(to: path, [(Array("one".utf8), full), (Array("two".utf8), empty)])
        let cache = SeriesCache(path: path)
        let one = try #require(cache.reduced(for: Array("one".utf8)))
        #expect(one.columns == full.columns && one.rows == 2_000 && one.first == -5 && one.last == 1_600_030_000)
        #expect(one.signals.count == 2)
        #expect(one.signals[0].points == full.signals[0].points && one.signals[0].figures == full.signals[0].figures)
        #expect(one.signals[1].points.count == 0 && one.signals[1].figures == SignalFigures())
        let two = try #require(cache.reduced(for: Array("two".utf8)))
        #expect(two.columns == ["x"] && two.first == nil && two.signals.isEmpty)
        #expect(cache.reduced(for: Array("three".utf8)) == nil)
    }

    @Test func aDamagedCacheIsIgnored() throws {
        let temp = try TempFolder()
        let path = temp.url.appendingPathComponent("cache").path
        let series = ReducedSeries(columns: ["a"], rows: 3, first: 1, last: 3,
                                   signals: [(PackedPoints([ChartPoint(time: 1, value: 2)]), SignalFigures())])
        SeriesCache.write(to: path, [(Array("k".utf8), series)])
        var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(SeriesCache(path: path).reduced(for: Array("k".utf8)) != nil)

        // A byte of the entry changed: its fingerprint no longer matches.
        bytes[20] ^= 0x01
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        #expect(SeriesCache(path: path).reduced(for: Array("k".utf8)) == nil)
        // Cut short, or not a cache at all: empty.
        try Data(bytes.dropLast(3)).write(to: URL(fileURLWithPath: path))
        #expect(SeriesCache(path: path).keys.isEmpty)
        try Data("time,bgp\n1,2\n".utf8).write(to: URL(fileURLWithPath: path))
        #expect(SeriesCache(path: path).keys.isEmpty)
        #expect(SeriesCache(path: temp.url.appendingPathComponent("missing").path).keys.isEmpty)
    }
}
