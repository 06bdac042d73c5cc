import Charts
import Foundation
import Markdown
import OutageData

/// Template values for incidents: `row` for lists, `page` for the incident's own page.
struct IncidentContext {
    let graph: SiteGraph

    /// One line of an incident table, linked from the page at `from`.
    func row(_ incident: Incident, from: String) -> [String: Any] {
        [
            "title": incident.title,
            "href": SitePaths.href(from: from, to: SitePaths.incident(incident.slug)),
            "start_utc": incident.startUTC,
            "start_iso": incident.start.iso8601,
            "duration": incident.durationText,
            "place": incident.placeText,
            "cause": incident.cause.label,
            "status": incident.statusKey,
            "status_label": incident.statusLabel,
            "summary": incident.summary,
        ]
    }

    func page(_ incident: Incident) -> [String: Any] {
        let path = SitePaths.incident(incident.slug)
        let link = { (target: String) in SitePaths.href(from: path, to: target) }
        let canonical = graph.config.baseURL + path
        var values: [String: Any] = [
            "title": incident.title,
            "summary": incident.summary,
            "show_summary": incident.hasExplicitSummary,
            "facts_line": incident.factsLine,
            "status": incident.statusKey,
            "status_label": incident.statusLabel,
            "is_ongoing": incident.status == .ongoing,
            "start": time(incident.start, incident),
            "duration": incident.durationText,
            "cause": ["label": incident.cause.label, "key": incident.cause.rawValue, "href": link(SitePaths.cause(incident.cause))],
            "body": FolderLinks.addIndexFiles(incident.body.html),
            "has_body": !incident.body.html.isEmpty,
            "headings": incident.body.headings.filter { $0.level <= 3 }.map { ["level": $0.level, "text": $0.text, "id": $0.id] },
            "countries": incident.countries.map { ["code": $0.alpha2, "name": $0.name, "href": link(SitePaths.country($0.alpha2))] },
            "networks": incident.allASNs.map { asn -> [String: Any] in
                ["asn": asn.description, "number": Int(asn.value), "href": link(SitePaths.asn(asn)), "name": absent(incident.networkNames[asn])]
            },
            "prefixes": incident.prefixes.map(\.description),
            "regions": incident.regions,
            "affected": incident.affected,
            "tags": incident.tags.map { ["name": $0.name, "href": link(SitePaths.tag($0.slug))] },
            "year": ["label": String(incident.start.year), "href": link(SitePaths.year(incident.start.year))],
            "sources": incident.sources.map { source -> [String: Any] in
                ["title": source.title, "url": source.url, "publisher": absent(source.publisher),
                 "date": absent(source.date?.display()), "date_iso": absent(source.date?.iso8601)]
            },
            "timeline": timeline(incident),
            "charts": ChartContext(graph: graph).values(incident),
            "timeline_svg": absent(timelineStrip(incident)),
            "downloads": downloads(incident),
            "cite": citation(incident, canonical: canonical),
            "json_href": "incident.json",
        ]
        if let end = incident.end { values["end"] = time(end, incident) }
        if let scope = incident.scope { values["scope"] = ["label": scope.label, "key": scope.rawValue] }
        if let impact = incident.impact { values["impact"] = ["label": impact.label, "key": impact.rawValue] }
        if let label = incident.timezoneLabel { values["timezone"] = label }
        if let updated = incident.updated { values["updated"] = ["utc": updated.display() + (updated.isDateOnly ? "" : " UTC"), "iso": updated.rfc3339] }
        if !incident.authors.isEmpty { values["authors"] = incident.authors.joined(separator: ", ") }
        for key in ["countries", "networks", "prefixes", "regions", "affected", "tags", "sources", "timeline", "downloads", "headings", "charts"] {
            values["has_" + key] = (values[key] as? [Any]).map { !$0.isEmpty } ?? false
        }
        return values
    }

    private func time(_ t: Timestamp, _ incident: Incident) -> [String: Any] {
        [
            "utc": Incident.utc(t),
            "iso": t.iso8601,
            "is_date_only": t.isDateOnly,
            "local": absent(incident.localTime(t)),
        ]
    }

    private func timeline(_ incident: Incident) -> [[String: Any]] {
        incident.timeline.enumerated().map { index, entry in
            [
                "number": index + 1,
                "utc": Incident.utc(entry.at, relativeTo: incident.start),
                "iso": entry.at.iso8601,
                "offset": incident.offsetLabel(entry.at),
                "html": FolderLinks.addIndexFiles(entry.html),
                "local": absent(incident.localTime(entry.at, relativeTo: incident.start)),
                "status": absent(entry.status?.rawValue),
                "status_label": absent(entry.status?.label),
            ]
        }
    }

    /// The numbered events on a strip aligned with the first chart's time axis (or spanning the
    /// events and the outage when there is no chart).
    private func timelineStrip(_ incident: Incident) -> String? {
        guard !incident.timeline.isEmpty else { return nil }
        let range: (start: Int64, end: Int64)
        if let series = incident.seriesData.first {
            range = ConnectivityChart.timeDomain(ChartContext(graph: graph).spec(series, number: 1, of: incident))
        } else {
            let times = incident.timeline.map(\.at.seconds) + [incident.start.seconds] + (incident.end.map { [Incident.effectiveEnd($0)] } ?? [])
            guard let low = times.min(), let high = times.max() else { return nil }
            range = (low, max(high, low + 60))
        }
        return TimelineStrip.svg(TimelineStripSpec(
            range: range,
            events: incident.timeline.enumerated().map { ChartEvent(number: $0.offset + 1, time: $0.element.at.seconds, label: $0.element.plainText) },
            window: (incident.start.seconds, incident.end.map { Incident.effectiveEnd($0) }),
            idPrefix: "bo-strip"))
    }

    /// The incident's JSON and the bundle's files, for the downloads list.
    private func downloads(_ incident: Incident) -> [[String: Any]] {
        var items: [[String: Any]] = [["label": "incident.json", "href": "incident.json", "kind": "JSON"]]
        for file in incident.bundleFiles {
            let kind = file.split(separator: ".").last.map { $0.uppercased() } ?? "file"
            items.append(["label": file, "href": percentEncodePath(file), "kind": kind])
        }
        return items
    }

    /// "Blackout example archive. “North Korea loses internet access” (22 Dec 2014). https://…"
    private func citation(_ incident: Incident, canonical: String) -> String {
        let date = Timestamp(seconds: incident.start.seconds, isDateOnly: true).display()
        return "\(graph.config.title). “\(incident.title)” (\(date)). \(canonical)"
    }
}

/// An optional template value. A missing key would make Mustache look the name up in the
/// enclosing contexts (a timeline entry without a status would show the incident's status);
/// NSNull stops that search and renders as false.
func absent(_ value: Any?) -> Any {
    value ?? NSNull()
}

/// Percent-encodes a relative path for an href, keeping "/" and unreserved characters.
func percentEncodePath(_ path: String) -> String {
    var out = ""
    for byte in path.utf8 {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
            out.unicodeScalars.append(Unicode.Scalar(byte))
        default:
            out += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
        }
    }
    return out
}

extension String {
    func leftPadded(to width: Int, with pad: Character = "0") -> String {
        count >= width ? self : String(repeating: pad, count: width - count) + self
    }
}
