import Charts
import Markdown
import OutageData
import SiteModel
import Templates

/// An incident's charts, computed once for its page and its files: each series' spec is built
/// once, prepared once and drawn inline and as a standalone file; the timeline strip takes its
/// time axis from the first spec.
package struct IncidentCharts {
    /// `incident.charts` (one record per series).
    let values: [TemplateValue]
    /// `incident.charts_heading`: what the charts section holds, by the provenance of its series.
    let heading: String
    /// The standalone .svg file of each series: (file name, SVG).
    package let files: [(name: String, svg: [UInt8])]
    let timelineStrip: [UInt8]?

    /// An incident's charts when it has neither series nor timeline: nothing.
    package static var none: IncidentCharts { IncidentCharts(values: [], heading: "", files: [], timelineStrip: nil) }

    private init(values: [TemplateValue], heading: String, files: [(name: String, svg: [UInt8])], timelineStrip: [UInt8]?) {
        self.values = values
        self.heading = heading
        self.files = files
        self.timelineStrip = timelineStrip
    }

    package init(_ incident: Incident, config: SiteConfig) {
        let specs = ChartSpecs(config: config)
        var values: [TemplateValue] = []
        var files: [(String, [UInt8])] = []
        var firstSpec: ChartSpec?
        for (index, series) in incident.seriesData.enumerated() {
            let spec = specs.spec(series, number: index + 1, of: incident)
            if firstSpec == nil { firstSpec = spec }
            let (inline, standalone) = ConnectivityChart.svgsUTF8(spec)
            files.append((series.svgName, standalone))
            values.append(.record([
                (.title, .text(spec.title)),
                (.svg, .utf8(inline)),
                (.table, .utf8(ConnectivityChart.tableUTF8(spec))),
                (.description, .text(spec.description)),
                (.note, .text(series.reference.note.map { Markdown.renderInline($0, unsafeHTML: false) })),
                (.svgHref, .text(percentEncodePath(series.svgName))),
                (.csvHref, .text(percentEncodePath(series.reference.file))),
                (.csvName, .text(series.reference.file)),
                (.rows, .text(formatCount(series.rowCount))),
                (.figures, .list(series.signals.map(Self.figures))),
                (.provenance, .text(series.reference.provenance.rawValue)),
                (.reconstructed, .bool(series.reference.provenance == .reconstructed)),
                (.source, incident.sourceLink(of: series.reference).map { .record([(.title, .text($0.title)), (.url, .text($0.url))]) } ?? .null),
            ]))
        }
        self.values = values
        heading = Self.heading(incident.seriesData.map(\.reference.provenance))
        self.files = files
        timelineStrip = Self.strip(incident, axisOf: firstSpec)
    }

    /// "Measurements", "Reconstructions from reports" or both: never "Measurements" over a
    /// drawn series.
    static func heading(_ provenances: [SeriesProvenance]) -> String {
        switch (provenances.contains(.measured), provenances.contains(.reconstructed)) {
        case (true, true): "Measurements and reconstructions"
        case (false, true): "Reconstructions from reports"
        default: "Measurements"
        }
    }

    private static func figures(_ signal: SignalData) -> TemplateValue {
        let f = signal.figures
        let unit = signal.unit.map { " \($0)" } ?? ""
        return .record([
            (.label, .text(signal.label)),
            (.baseline, .text(f.baseline.map { ChartSpecs.number($0) + unit })),
            (.lowest, .text(f.lowest.map { ChartSpecs.number($0.value) + unit })),
            (.lowestAt, .text(f.lowest.map { Incident.utc(Timestamp(seconds: $0.time)) })),
            (.drop, .text(f.dropPercent.map { ChartSpecs.number($0) + " %" })),
            (.window, .text(f.outageWindow.map {
                "\(Incident.utc(Timestamp(seconds: $0.start))) → \(Incident.utc(Timestamp(seconds: $0.end), relativeTo: Timestamp(seconds: $0.start)))"
            })),
            (.windowDuration, .text(f.outageWindow.map { formatDuration(seconds: $0.end - $0.start) })),
        ])
    }

    /// The numbered events on a strip aligned with the first chart's time axis (or spanning the
    /// events and the outage when there is no chart).
    private static func strip(_ incident: Incident, axisOf spec: ChartSpec?) -> [UInt8]? {
        guard !incident.timeline.isEmpty else { return nil }
        let range: (start: Int64, end: Int64)
        if let spec {
            range = ConnectivityChart.timeDomain(spec)
        } else {
            let times = incident.timeline.map(\.at.seconds) + [incident.start.seconds] + (incident.end.map { [Incident.effectiveEnd($0)] } ?? [])
            guard let low = times.min(), let high = times.max() else { return nil }
            range = (low, max(high, low + 60))
        }
        return TimelineStrip.inlineUTF8(TimelineStripSpec(
            range: range,
            events: incident.timeline.enumerated().map { ChartEvent(number: $0.offset + 1, time: $0.element.at.seconds, label: $0.element.plainText) },
            window: (incident.start.seconds, incident.end.map { Incident.effectiveEnd($0) }),
            idPrefix: "bo-strip"))
    }
}
