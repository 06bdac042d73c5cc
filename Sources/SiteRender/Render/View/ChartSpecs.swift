import Charts
import Markdown
import OutageData
import SiteModel

/// The chart spec of a series: what to draw, and the words for <desc>.
struct ChartSpecs {
    let config: SiteConfig

    /// The chart of one series. `number` (1-based) keeps ids unique when charts share a page.
    func spec(_ series: SeriesData, number: Int, of incident: Incident) -> ChartSpec {
        let mode = normalization(series)
        let events = incident.timeline.enumerated().compactMap { index, entry -> ChartEvent? in
            guard let first = series.firstTime, let last = series.lastTime,
                  (first...last).contains(entry.at.seconds) else { return nil }
            return ChartEvent(number: index + 1, time: entry.at.seconds, label: entry.plainText)
        }
        var spec = ChartSpec(
            title: series.reference.title ?? defaultTitle(series, incident),
            description: description(series, incident),
            signals: series.signals.map {
                ChartSignal(label: $0.label, unit: $0.unit, color: $0.color, points: $0.points, baseline: $0.figures.baseline)
            },
            normalization: mode,
            window: (incident.start.seconds, incident.end.map { Incident.effectiveEnd($0) }),
            events: events,
            height: config.charts.height,
            idPrefix: "bo-chart\(number)")
        spec.reconstructed = series.reference.provenance == .reconstructed
        return spec
    }

    /// The series' own `normalize`, else the site default for several signals, else raw values.
    func normalization(_ series: SeriesData) -> Normalization {
        if let mode = series.reference.normalize { return mode }
        return series.signals.count > 1 ? config.charts.normalize : .none
    }

    private func defaultTitle(_ series: SeriesData, _ incident: Incident) -> String {
        "\(series.signals.map(\.label).joined(separator: ", ")) — \(incident.placeText.isEmpty ? incident.title : incident.placeText)"
    }

    /// What the data shows, in words, for <desc> and for readers of the page.
    func description(_ series: SeriesData, _ incident: Incident) -> String {
        if series.reference.provenance == .reconstructed {
            // The chart itself opens its description with "Reconstructed from reports, not measured."
            let labels = series.signals.map(\.label)
            let subject = labels.isEmpty ? "The series" : labels.joined(separator: ", ")
            return "\(subject) as drawn from the times and figures that published reports give. "
                + "No baseline, lowest value, drop or outage window is derived from drawn values."
        }
        var sentences: [String] = []
        for signal in series.signals {
            let f = signal.figures
            let unit = signal.unit.map { " \($0)" } ?? ""
            guard let lowest = f.lowest else {
                sentences.append("\(signal.label) has no data between the stated start and end.")
                continue
            }
            let at = Incident.utc(Timestamp(seconds: lowest.time))
            if let baseline = f.baseline, let drop = f.dropPercent {
                var sentence = "\(signal.label) fell from \(Self.number(baseline))\(unit) (the median of the 24 hours before the start) "
                    + "to \(Self.number(lowest.value))\(unit) at \(at), \(Self.number(drop)) % below normal"
                if let window = f.outageWindow {
                    sentence += "; it stayed below half of normal from \(Incident.utc(Timestamp(seconds: window.start))) "
                        + "to \(Incident.utc(Timestamp(seconds: window.end))) (\(formatDuration(seconds: window.end - window.start)))"
                }
                sentences.append(sentence + ".")
            } else {
                let why = f.baseline == nil
                    ? "there is no data from the 24 hours before the start to compare it with."
                    : "its drop against the median of the 24 hours before the start cannot be computed."
                sentences.append("\(signal.label) reached its lowest value during the outage, \(Self.number(lowest.value))\(unit), at \(at); " + why)
            }
        }
        return sentences.joined(separator: " ")
    }

    /// A figure as readers want it: whole numbers without decimals, others with up to one.
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "—" }
        if value == value.rounded(), abs(value) < 1e15 { return formatCount(Int(value)) }
        return formatHours(value)
    }
}
