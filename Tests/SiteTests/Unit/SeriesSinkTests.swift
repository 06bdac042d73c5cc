import Charts
@testable import OutageData
import Testing
@testable import SiteLoad
@testable import SiteModel

/// The loader's row sink (reducers and analyses in buffers it owns, fed by the fast row path)
/// against the way rows were handled before: arrays of reducers and analyses updated from the
/// row closure, over the state machine alone.
@Suite struct SeriesSinkTests {

    static func csv(_ rng: inout SplitMix64, rows: Int, signals: Int, start: Int64) -> [UInt8] {
        var text = "time," + (1...signals).map { "s\($0)" }.joined(separator: ",") + "\n"
        var time = start - 86_400 - Int64(rng.next() % 7_200)
        for row in 0..<rows {
            time += 1 + Int64(rng.next() % 300)
            var cells = [rng.next() % 2 == 0 ? Timestamp(seconds: time).rfc3339 : String(time)]
            for _ in 0..<signals {
                switch rng.next() % 10 {
                case 0: cells.append("")
                case 1: cells.append("NA")
                case 2: cells.append(String(Double(rng.next() % 1_000) / 7))
                default:
                    // A dip in the middle, so the figures have an outage to find.
                    let dip = row > rows / 2 && row < rows / 2 + rows / 10
                    cells.append(String(dip ? rng.next() % 10 : 90 + rng.next() % 20))
                }
            }
            text += cells.joined(separator: ",") + "\n"
        }
        return Array(text.utf8)
    }

    static func same(_ a: [ChartPoint], _ b: [ChartPoint]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { $0.time == $1.time && $0.value.bitPattern == $1.value.bitPattern }
    }

    @Test func givesThePointsAndFiguresOfTheClosurePath() {
        var rng = SplitMix64(seed: 0x51_4E_4B)
        for round in 0..<60 {
            let start: Int64 = 1_400_000_000
            let end: Int64? = round % 3 == 0 ? nil : start + 3_600 * Int64(1 + rng.next() % 24)
            let signals = 1 + Int(rng.next() % 3)
            let maxPoints = [6, 50, 1_000][round % 3]
            let bytes = Self.csv(&rng, rows: 50 + Int(rng.next() % 3_000), signals: signals, start: start)

            // Before: arrays captured by the closures, every row through the state machine.
            var reducers: [ExtremaReducer] = []
            var analyses: [SignalAnalysis] = []
            var rows = 0
            var limits = SeriesLimits()
            limits.fastRows = false
            let oldIssues = SeriesReader.read(bytes: bytes, maxIssues: 20, limits: limits, header: { h in
                reducers = h.signals.map { _ in ExtremaReducer(maxPoints: maxPoints) }
                analyses = h.signals.map { _ in SignalAnalysis(start: start, end: end) }
            }, row: { time, values in
                rows += 1
                for i in 0..<min(values.count, reducers.count) {
                    reducers[i].add(time: time, value: values[i])
                    analyses[i].add(time: time, value: values[i])
                }
            })

            // Now: the sink, fed by the public reader (fast rows on).
            let sink = SeriesSink(maxPoints: maxPoints, start: start, end: end)
            let newIssues = SeriesReader.read(bytes: bytes, header: { h in sink.prepare(signals: h.signals.count) },
                                              row: { time, values in sink.add(time: time, values: values) })
            #expect(oldIssues.isEmpty && newIssues.isEmpty)
            #expect(sink.rows == rows)
            for i in 0..<signals {
                #expect(Self.same(sink.points(i), reducers[i].points), "round \(round), signal \(i)")
                #expect(sink.figures(i) == analyses[i].figures(), "round \(round), signal \(i)")
            }
        }
    }
}

@Suite struct BaselineMedianTests {
    @Test func selectionGivesTheSortedMedian() {
        var rng = SplitMix64(seed: 0xED1A_2026)
        for round in 0..<3_000 {
            let count = 1 + Int(rng.next() % 60)
            let spread = [2, 10, 1_000_000][round % 3]
            let values = (0..<count).map { _ -> Double in
                let v = Double(Int(rng.next() % UInt64(spread)) - spread / 3)
                return rng.next() % 7 == 0 ? v / 3 : (v == 0 && rng.next() % 2 == 0 ? -0.0 : v)
            }
            let fast = SignalAnalysis.median(values)
            let sorted = SignalAnalysis.sortedMedian(values)
            #expect(fast?.bitPattern == sorted?.bitPattern, "\(values)")
        }
        #expect(SignalAnalysis.median([]) == nil)
    }
}
