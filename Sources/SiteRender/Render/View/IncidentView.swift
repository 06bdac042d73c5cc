import Charts
import Foundation
import Markdown
import OutageData
import SiteModel
import Templates

/// `incident.*` on the incident's own page. Built once, for the one page that shows it; its
/// charts come from `IncidentCharts`, which the standalone chart files share.
struct IncidentView {
    let site: PreparedSite
    let incident: Incident
    let charts: IncidentCharts

    var value: TemplateValue {
        let config = site.graph.config
        let path = SitePaths.incident(incident.slug)
        let root = SitePaths.rootPrefix(from: path)
        func link(_ target: String) -> TemplateValue { .link(root, percentEncodePath(SitePaths.file(for: target))) }
        let headings = incident.body.headings.filter { $0.level <= 3 }
        let networks = incident.allASNs
        let sources = incident.sources
        let timeline = timelineEntries()
        let downloads = self.downloads()
        var fields: [(Name, TemplateValue)] = [
            (.title, .text(incident.title)),
            (.summary, .text(incident.summary)),
            (.showSummary, .bool(incident.hasExplicitSummary)),
            (.factsLine, .text(incident.factsLine)),
            (.status, .text(incident.displayStatus.rawValue)),
            (.statusLabel, .text(incident.displayStatus.label)),
            (.isOngoing, .bool(incident.status == .ongoing)),
            (.start, time(incident.start)),
            (.duration, .text(incident.durationText)),
            (.place, .text(incident.placeText)),
            (.cause, .record([(.label, .text(incident.cause.label)), (.key, .text(incident.cause.rawValue)), (.href, link(SitePaths.cause(incident.cause)))])),
            (.body, .text(FolderLinks.addIndexFiles(incident.body.html))),
            (.hasBody, .bool(!incident.body.html.isEmpty)),
            (.headings, .list(headings.map { .record([(.level, .int($0.level)), (.text, .text($0.text)), (.id, .text($0.id))]) })),
            (.countries, .list(incident.countries.map {
                .record([(.code, .text($0.alpha2)), (.name, .text($0.name)), (.href, link(SitePaths.country($0.alpha2)))])
            })),
            (.networks, .list(networks.map { asn in
                .record([(.asn, .text(asn.description)), (.number, .int(Int(asn.value))), (.href, link(SitePaths.asn(asn))),
                         (.name, .text(incident.networkNames[asn]))])
            })),
            (.prefixes, .list(incident.prefixes.map { .text($0.description) })),
            (.regions, .list(incident.regions.map(TemplateValue.text))),
            (.affected, .list(incident.affected.map(TemplateValue.text))),
            (.tags, .list(incident.tags.map { .record([(.name, .text($0.name)), (.href, link(SitePaths.tag($0.slug)))]) })),
            (.year, .record([(.label, .text(String(incident.start.year))), (.href, link(SitePaths.year(incident.start.year)))])),
            (.sources, .list(sources.map { source in
                .record([(.title, .text(source.title)), (.url, .text(source.url)), (.publisher, .text(source.publisher)),
                         (.date, .text(source.date?.display())), (.dateISO, .text(source.date?.iso8601))])
            })),
            (.timeline, .list(timeline)),
            (.charts, .list(charts.values)),
            (.chartsHeading, .text(charts.heading)),
            (.timelineSVG, charts.timelineStrip.map(TemplateValue.utf8) ?? .null),
            (.downloads, .list(downloads)),
            (.cite, .text(citation(canonical: config.baseURL + path))),
            (.jsonHref, .text("incident.json")),
            (.hasCountries, .bool(!incident.countries.isEmpty)),
            (.locatorSVG, .text(WorldLocator.svg(codes: incident.countries.map(\.alpha2), names: incident.countries.map(\.name),
                                                  root: root, idPrefix: "bo-locator"))),
            (.hasNetworks, .bool(!networks.isEmpty)),
            (.hasPrefixes, .bool(!incident.prefixes.isEmpty)),
            (.hasRegions, .bool(!incident.regions.isEmpty)),
            (.hasAffected, .bool(!incident.affected.isEmpty)),
            (.hasTags, .bool(!incident.tags.isEmpty)),
            (.hasSources, .bool(!sources.isEmpty)),
            (.hasTimeline, .bool(!timeline.isEmpty)),
            (.hasDownloads, .bool(!downloads.isEmpty)),
            (.hasHeadings, .bool(!headings.isEmpty)),
            (.hasCharts, .bool(!charts.values.isEmpty)),
        ]
        if let end = incident.end { fields.append((.end, time(end))) }
        if let scope = incident.scope { fields.append((.scope, .record([(.label, .text(scope.label)), (.key, .text(scope.rawValue))]))) }
        if let impact = incident.impact { fields.append((.impact, .record([(.label, .text(impact.label)), (.key, .text(impact.rawValue))]))) }
        if let label = incident.timezoneLabel { fields.append((.timezone, .text(label))) }
        if let updated = incident.updated {
            fields.append((.updated, .record([(.utc, .text(updated.display() + (updated.isDateOnly ? "" : " UTC"))), (.iso, .text(updated.rfc3339))])))
        }
        if !incident.authors.isEmpty { fields.append((.authors, .text(incident.authors.joined(separator: ", ")))) }
        return .record(fields)
    }

    private func time(_ t: Timestamp) -> TemplateValue {
        .record([(.utc, .text(Incident.utc(t))), (.iso, .text(t.iso8601)), (.isDateOnly, .bool(t.isDateOnly)), (.local, .text(incident.localTime(t)))])
    }

    private func timelineEntries() -> [TemplateValue] {
        incident.timeline.enumerated().map { index, entry in
            .record([
                (.number, .int(index + 1)),
                (.utc, .text(Incident.utc(entry.at, relativeTo: incident.start))),
                (.iso, .text(entry.at.iso8601)),
                (.offset, .text(incident.offsetLabel(entry.at))),
                (.html, .text(FolderLinks.addIndexFiles(entry.html))),
                (.local, .text(incident.localTime(entry.at, relativeTo: incident.start))),
                (.status, .text(entry.status?.rawValue)),
                (.statusLabel, .text(entry.status?.label)),
            ])
        }
    }

    /// The incident's JSON and the bundle's files, for the downloads list.
    private func downloads() -> [TemplateValue] {
        var items: [TemplateValue] = [.record([(.label, .text("incident.json")), (.href, .text("incident.json")), (.kind, .text("JSON"))])]
        let reconstructed = Set(incident.seriesData.lazy.filter { $0.reference.provenance == .reconstructed }.map(\.reference.file))
        for file in incident.bundleFiles {
            var kind = file.split(separator: ".").last.map { $0.uppercased() } ?? "file"
            // A drawn series is marked wherever it can be downloaded (SPEC §4).
            if reconstructed.contains(file) { kind += ", reconstructed from reports" }
            items.append(.record([(.label, .text(file)), (.href, .text(percentEncodePath(file))), (.kind, .text(kind)),
                                  (.reconstructed, .bool(reconstructed.contains(file)))]))
        }
        return items
    }

    /// "Blackout example archive. “North Korea loses internet access” (22 Dec 2014). https://…"
    private func citation(canonical: String) -> String {
        let date = Timestamp(seconds: incident.start.seconds, isDateOnly: true).display()
        return "\(site.graph.config.title). “\(incident.title)” (\(date)). \(canonical)"
    }
}

/// Percent-encodes a relative path for an href, keeping "/" and unreserved characters.
func percentEncodePath(_ path: String) -> String {
    let unreserved = path.utf8.allSatisfy { byte in
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"): true
        default: false
        }
    }
    if unreserved { return path }
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
