@testable import Charts
import OutageData

/// Fixture charts for the golden files and the XML checks. The shapes follow the December 2014
/// North Korea outage (times as reported publicly); the numbers are made up for the tests.
enum Fixtures {
    static let start = at("2014-12-22T16:15:00Z")
    static let end = at("2014-12-23T01:46:00Z")

    static func series(from: Int64, step: Int64, count: Int, _ value: (Int) -> Double) -> [ChartPoint] {
        (0..<count).map { ChartPoint(time: from + Int64($0) * step, value: value($0)) }
    }

    static let events = [
        ChartEvent(number: 1, time: start, label: "Routes to all four prefixes withdrawn"),
        ChartEvent(number: 2, time: at("2014-12-22T19:40:00Z"), label: "Two prefixes announced again"),
        ChartEvent(number: 3, time: end, label: "All routes back"),
    ]

    /// BGP prefixes: 4 → 0 → 2 → 4, every 5 minutes.
    static let steps: ChartSpec = {
        let from = at("2014-12-22T12:00:00Z")
        let points = series(from: from, step: 300, count: 216) { index in
            let time = from + Int64(index) * 300
            if time < start { return 4 }
            if time < at("2014-12-22T19:40:00Z") { return 0 }
            if time < end { return 2 }
            return 4
        }
        return ChartSpec(
            title: "Connectivity, North Korea — BGP prefixes",
            description: "BGP prefixes of AS131279 fell from 4 to 0 at 16:15 UTC on 22 Dec 2014, two returned at 19:40, all four at 01:46 on 23 Dec.",
            signals: [ChartSignal(label: "BGP prefixes", unit: "prefixes", points: points)],
            normalization: .none, window: (start, end), events: events, height: 240, idPrefix: "steps")
    }()

    /// Responding probes with missing stretches and a lone sample between two gaps.
    static let gaps: ChartSpec = {
        let from = at("2014-12-22T12:00:00Z")
        let points = series(from: from, step: 600, count: 108) { index in
            switch index {
            case 20..<26, 40..<44, 45..<50, 80..<81: return .nan
            default: return 120 + Double(index % 7) * 3 - (index > 26 && index < 60 ? 100 : 0)
            }
        }
        return ChartSpec(
            title: "Active probing, North Korea",
            description: "Responding addresses; the line breaks where measurements are missing.",
            signals: [ChartSignal(label: "Responding addresses", unit: "addresses", points: points)],
            normalization: .none, window: (start, end), events: events, height: 240, idPrefix: "gaps")
    }()

    static let onePoint = ChartSpec(
        title: "A single sample",
        description: "One measurement only.",
        signals: [ChartSignal(label: "Probes", points: [ChartPoint(time: start, value: 42)])],
        idPrefix: "one")

    static let allMissing = ChartSpec(
        title: "No measurements",
        description: "Every sample in this range is missing.",
        signals: [ChartSignal(label: "Probes", unit: "addresses",
                              points: series(from: start, step: 600, count: 20) { _ in .nan })],
        window: (start, nil), idPrefix: "missing")

    static let flat = ChartSpec(
        title: "A flat line",
        description: "The value never changes.",
        signals: [ChartSignal(label: "Routed /24s", points: series(from: start, step: 900, count: 40) { _ in 250 })],
        idPrefix: "flat")

    static let negative = ChartSpec(
        title: "Change against the week before",
        description: "Traffic change in percent against the same hour a week before, falling to −40 %.",
        signals: [ChartSignal(label: "Traffic change", unit: "%", points: series(from: start, step: 1_800, count: 48) { index in
            index < 10 ? Double(index % 3) * 4 - 2 : index < 30 ? -40 + Double(index % 5) * 2 : 25 - Double(index)
        })],
        window: (at("2014-12-22T21:15:00Z"), at("2014-12-23T07:00:00Z")), idPrefix: "negative")

    static let twentyYears = ChartSpec(
        title: "Twenty years of routed prefixes",
        description: "Prefixes routed from the country, monthly, 2004 to 2024.",
        signals: [ChartSignal(label: "Prefixes", points: (0..<241).map { month in
            let year = 2004 + month / 12
            let time = at(String(year) + "-" + (month % 12 + 1 < 10 ? "0" : "") + String(month % 12 + 1) + "-01T00:00:00Z")
            return ChartPoint(time: time, value: month == 130 ? 0 : Double(4 + month / 40))
        })],
        events: [ChartEvent(number: 1, time: at("2014-12-22T16:15:00Z"), label: "The 2014 outage")],
        idPrefix: "years")

    static let threeMinutes = ChartSpec(
        title: "Three minutes",
        description: "Samples every 10 seconds.",
        signals: [ChartSignal(label: "Packets", unit: "pkt/s", points: series(from: at("2014-12-22T16:14:00Z"), step: 10, count: 19) { index in
            index < 8 ? 1_200 + Double(index) * 10 : index < 12 ? 0 : 900
        })],
        window: (at("2014-12-22T16:15:20Z"), at("2014-12-22T16:16:00Z")),
        events: [ChartEvent(number: 1, time: at("2014-12-22T16:15:20Z"), label: "Drop")],
        idPrefix: "minutes")

    static func threeSignals(_ normalization: Normalization, baselines: [Double?]) -> ChartSpec {
        let from = at("2014-12-22T12:00:00Z")
        func shape(_ index: Int, high: Double, low: Double, wobble: Double, period: Int) -> Double {
            let time = from + Int64(index) * 600
            return time >= start && time < end ? low + Double(index % 3) * wobble / 4 : high - Double(index % period) * wobble
        }
        let bgp = series(from: from, step: 600, count: 108) { index in
            let time = from + Int64(index) * 600
            return time >= start && time < end ? (time < at("2014-12-22T19:40:00Z") ? 0 : 2) : 4
        }
        let probing = series(from: from, step: 600, count: 108) { index in
            index == 50 ? .nan : shape(index, high: 1_020, low: 35, wobble: 40, period: 7)
        }
        let telescope = series(from: from, step: 600, count: 108) { shape($0, high: 61_000, low: 4_200, wobble: 2_500, period: 11) }
        return ChartSpec(
            title: "Connectivity, North Korea — BGP, active probing, telescope",
            description: "All three signals fell at 16:15 UTC and recovered at 01:46 UTC.",
            signals: [
                ChartSignal(label: "BGP", unit: "prefixes", points: bgp, baseline: baselines[0]),
                ChartSignal(label: "Active probing", unit: "/24s", points: probing, baseline: baselines[1]),
                ChartSignal(label: "Telescope", unit: "unique IPs", color: "#7B3294", points: telescope, baseline: baselines[2]),
            ],
            normalization: normalization, window: (start, end), events: events, height: 260,
            idPrefix: normalization == .max ? "by-max" : "by-baseline")
    }

    static let byMax = threeSignals(.max, baselines: [nil, nil, nil])
    static let byBaseline = threeSignals(.baseline, baselines: [4, nil, 60_000])

    /// Every connectivity fixture, by golden file name.
    static let charts: [(String, ChartSpec)] = [
        ("steps", steps), ("gaps", gaps), ("one-point", onePoint), ("all-missing", allMissing),
        ("flat", flat), ("negative", negative), ("twenty-years", twentyYears),
        ("three-minutes", threeMinutes), ("normalized-max", byMax), ("normalized-baseline", byBaseline),
    ]

    static let strip = TimelineStripSpec(range: ConnectivityChart.timeDomain(steps), events: events + [
        ChartEvent(number: 4, time: at("2014-12-24T09:00:00Z"), label: "Statement by the operator"),
    ], window: (start, end), idPrefix: "strip")

    static let archive: [ArchiveItem] = [
        ArchiveItem(start: at("2014-12-22T16:15:00Z"), end: at("2014-12-23T01:46:00Z"), title: "North Korea offline",
                    href: "incidents/north-korea-2014/", status: .resolved),
        ArchiveItem(start: at("2016-01-02T03:00:00Z"), end: at("2016-01-05T00:00:00Z"), title: "Shutdown <test> & \"quotes\"",
                    href: "incidents/a-b/?x=1&y=2", status: .resolved),
        ArchiveItem(start: at("2016-12-30T20:00:00Z"), end: at("2017-01-02T08:00:00Z"), title: "Across New Year",
                    href: "incidents/new-year/", status: .resolved),
        ArchiveItem(start: at("2017-06-01T00:00:00Z"), end: nil, title: "End not known", href: "javascript:alert(1)",
                    status: .endUnknown),
        ArchiveItem(start: at("2018-11-20T00:00:00Z"), end: nil, title: "Still going", href: "incidents/ongoing/",
                    status: .ongoing),
        ArchiveItem(start: at("2019-03-01T00:00:00Z"), end: at("2019-03-01T04:00:00Z"), title: "Short one",
                    href: "https://example.org/x", status: .resolved),
    ]

    static let hours: [(year: Int, hours: Double)] = [(2014, 9.52), (2016, 120), (2017, 3.25), (2019, 0.5)]
}
