import Diagnostics
import Foundation
import Markdown
import OutageData
import SiteModel

/// Turns one incident file (front matter + Markdown) into a validated `Incident`, reporting
/// every problem it finds. Returns nil when a required value is missing or invalid.
struct IncidentLoader {
    let unsafeHTML: Bool

    static let knownKeys = [
        "title", "start", "end", "status", "summary", "countries", "regions", "asns", "networks",
        "prefixes", "affected", "scope", "cause", "impact", "tags", "timezone", "sources", "timeline",
        "series", "signals", "id", "draft", "updated", "authors", "slug",
    ]
    static let sourceKeys = ["title", "url", "publisher", "date"]
    static let timelineKeys = ["at", "text", "status"]
    static let networkKeys = ["asn", "name"]
    /// Ids the incident template gives its own sections; writeup headings avoid them.
    static let templateIDs: Set<String> = [
        "facts", "charts", "timeline", "writeup", "sources", "downloads", "cite", "main", "contents",
        "facts-heading", "charts-heading", "timeline-heading", "sources-heading", "downloads-heading", "cite-heading",
    ]

    /// - Parameters:
    ///   - file: the path printed in diagnostics.
    ///   - defaultSlug: from the file or folder name.
    ///   - bundleFiles: the other files of a bundle (for `series` checks), nil for a single file.
    func load(text: String, file: String, defaultSlug: String, bundleDirectory: String?, bundleFiles: [String]?,
              diagnostics: inout [Diagnostic]) -> Incident? {
        guard let split = FrontMatter.open(text, file: file, requiredBecause: "an incident starts with a \"---\" line, its YAML keys, and another \"---\" line",
                                           diagnostics: &diagnostics) else { return nil }
        var reader = YAMLReader(file: file, firstLine: split.yamlFirstLine)
        defer { diagnostics.append(contentsOf: reader.diagnostics) }
        guard let fm = reader.parseMapping(split.yaml) else { return nil }
        reader.checkKeys(fm, known: Self.knownKeys)

        let title = reader.string("title", in: fm, required: true, nonEmpty: true)
        let start = timestamp("start", in: fm, reader: &reader, required: true)
        let end = timestamp("end", in: fm, reader: &reader)
        if let start, let end, Incident.effectiveEnd(end) < start.seconds, let node = reader.value("end", in: fm) {
            reader.error("\"end\" is before \"start\": \(end.iso8601) < \(start.iso8601)", at: node)
        }
        var status: IncidentStatus = end == nil ? .ongoing : .resolved
        if let node = reader.value("status", in: fm), let parsed = enumValue(IncidentStatus.self, node, key: "status", reader: &reader) {
            if parsed == .ongoing && end != nil {
                reader.error("\"status\" is ongoing but \"end\" is given: remove one of them", at: node)
            }
            status = parsed
        }

        let slug = reader.slug(in: fm, defaultSlug: defaultSlug)
        let id = reader.string("id", in: fm, nonEmpty: true)

        let countries = reader.list("countries", in: fm).compactMap { node in
            reader.parse(node, key: "countries") { (text: String) throws(ValueError) -> Country in
                guard let country = Country.lookup(alpha2: text) else {
                    let hint = Self.countryHint(text).map { " (did you mean \"\($0.alpha2)\"?)" } ?? ""
                    throw ValueError("is not an ISO 3166-1 alpha-2 country code: \"\(text)\"\(hint)")
                }
                return country
            }
        }
        let asns = reader.list("asns", in: fm).compactMap { node -> ASN? in
            guard let asn = reader.parse(node, key: "asns", ASN.parse) else { return nil }
            if let reason = asn.reservedReason { reader.warning(reason, at: node) }
            return asn
        }
        var networkNames: [ASN: String] = [:]
        for item in reader.list("networks", in: fm) {
            guard let network = reader.mapping(item, key: "networks", known: Self.networkKeys) else { continue }
            guard let asnNode = reader.value("asn", in: network) else {
                reader.error("each network needs an \"asn\"", at: item)
                continue
            }
            guard let asn = reader.parse(asnNode, key: "asn", ASN.parse),
                  let name = reader.string("name", in: network, nonEmpty: true) else {
                if reader.value("name", in: network) == nil { reader.error("each network needs a \"name\"", at: item) }
                continue
            }
            networkNames[asn] = name
        }
        var prefixes = reader.list("prefixes", in: fm).compactMap { reader.parse($0, key: "prefixes", IPPrefix.parse) }
        prefixes = Array(Set(prefixes)).sorted()

        let scope = reader.value("scope", in: fm).flatMap { enumValue(Scope.self, $0, key: "scope", reader: &reader) }
        let cause = reader.value("cause", in: fm).flatMap { enumValue(Cause.self, $0, key: "cause", reader: &reader) } ?? .unknown
        let impact = reader.value("impact", in: fm).flatMap { enumValue(Impact.self, $0, key: "impact", reader: &reader) }
        let timezone = reader.value("timezone", in: fm).flatMap { node in
            reader.parse(node, key: "timezone") { (text: String) throws(ValueError) -> Zone in
                guard let zone = Zone(identifier: text) else {
                    let hint = nearestName(to: text, in: TimeZone.knownTimeZoneIdentifiers).map { "did you mean \"\($0)\"?" }
                    throw ValueError("is not an IANA time zone: \"\(text)\" (\(hint ?? "such as Asia/Pyongyang or Africa/Cairo"))")
                }
                return zone
            }
        }

        let tags = Tag.list(reader.strings("tags", in: fm))

        let sourceNodes = reader.list("sources", in: fm)
        let sources = sourceNodes.compactMap { source(from: $0, reader: &reader) }
        let timeline = reader.list("timeline", in: fm).compactMap { timelineEntry(from: $0, reader: &reader) }
        let series = reader.seriesReferences(in: fm, bundleFiles: bundleFiles, sourceCount: sourceNodes.count)
        let updated = timestamp("updated", in: fm, reader: &reader)
        // Timeline entries are anchored as event-1, event-2, …: headings keep clear of those too.
        let eventIDs = (0..<timeline.count).map { "event-\($0 + 1)" }
        let body = Markdown.render(split.body, unsafeHTML: unsafeHTML, reservedIDs: Self.templateIDs.union(eventIDs))
        let explicitSummary = reader.string("summary", in: fm, nonEmpty: true)

        guard let title, let start, let slug else { return nil }
        var incident = Incident(
            sourcePath: file, bundleDirectory: bundleDirectory, bundleFiles: bundleFiles ?? [],
            slug: slug.slug, slugLocation: slug.location, id: id, title: title, start: start, end: end, status: status,
            summary: explicitSummary ?? body.summary, hasExplicitSummary: explicitSummary != nil,
            countries: uniqueInOrder(countries), regions: reader.strings("regions", in: fm),
            asns: uniqueInOrder(asns), networkNames: networkNames, prefixes: prefixes,
            affected: reader.strings("affected", in: fm), scope: scope, cause: cause, impact: impact,
            tags: tags, timezone: timezone, sources: sources,
            timeline: timeline.enumerated().sorted { ($0.element.at, $0.offset) < ($1.element.at, $1.offset) }.map(\.element),
            series: series, draft: reader.bool("draft", in: fm) ?? false, updated: updated,
            authors: reader.strings("authors", in: fm), body: body)
        incident.frontMatterKeys = Set(fm.compactMap { $0.key.scalar?.string })
        incident.startLocation = reader.value("start", in: fm).map { reader.location(of: $0) }
        incident.bundleFiles = Self.withoutGeneratedNames(incident.bundleFiles, series: series, file: file, diagnostics: &diagnostics)
        return incident
    }

    /// Bundle files named like a file the build writes beside the page (index.html,
    /// incident.json, a series' chart) would be overwritten: they are left out, with a warning.
    static func withoutGeneratedNames(_ files: [String], series: [SeriesReference], file: String, diagnostics: inout [Diagnostic]) -> [String] {
        let generated = Set(["index.html", "incident.json"] + series.map { SeriesData.svgName(for: $0.file) })
        let folder = file.hasSuffix("/index.md") ? String(file.dropLast("index.md".count)) : ""
        return files.filter { name in
            guard generated.contains(name) else { return true }
            diagnostics.append(.warning("\(name) has the name of a file the build writes for this incident; it is not copied (rename it)",
                                        at: SourceLocation(file: folder + name)))
            return false
        }
    }

    // MARK: Pieces

    /// The country meant by an alpha-3 code or a name ("PRK", "north korea").
    static func countryHint(_ text: String) -> Country? {
        let upper = text.uppercased()
        return Country.all.first { $0.alpha3 == upper || $0.name.uppercased() == upper || $0.officialName?.uppercased() == upper }
    }

    private func timestamp(_ key: String, in mapping: YAMLMapping, reader: inout YAMLReader, required: Bool = false) -> Timestamp? {
        guard let node = reader.value(key, in: mapping) else {
            if required { reader.error("missing required key \"\(key)\"", at: reader.documentStart) }
            return nil
        }
        return reader.parse(node, key: key, Timestamp.parse)
    }

    private func enumValue<E: RawRepresentable & CaseIterable>(_ type: E.Type, _ node: YAMLNode, key: String, reader: inout YAMLReader) -> E?
    where E.RawValue == String {
        reader.parse(node, key: key) { (text: String) throws(ValueError) -> E in
            guard let value = E(rawValue: text) else { throw enumError(E.self, text) }
            return value
        }
    }

    private func source(from node: YAMLNode, reader: inout YAMLReader) -> SourceReference? {
        guard let map = reader.mapping(node, key: "sources", known: Self.sourceKeys) else { return nil }
        let title = reader.string("title", in: map, nonEmpty: true)
        var url: String?
        if let urlNode = reader.value("url", in: map) {
            url = reader.parse(urlNode, key: "url", validateHTTPURL)
        } else {
            reader.error("each source needs a \"url\"", at: node)
        }
        if title == nil && reader.value("title", in: map) == nil { reader.error("each source needs a \"title\"", at: node) }
        let publisher = reader.string("publisher", in: map, nonEmpty: true)
        let date = reader.value("date", in: map).flatMap { reader.parse($0, key: "date", Timestamp.parse) }
        guard let title, let url else { return nil }
        return SourceReference(title: title, url: url, publisher: publisher, date: date)
    }

    private func timelineEntry(from node: YAMLNode, reader: inout YAMLReader) -> TimelineEntry? {
        guard let map = reader.mapping(node, key: "timeline", known: Self.timelineKeys) else { return nil }
        var at: Timestamp?
        if let atNode = reader.value("at", in: map) {
            at = reader.parse(atNode, key: "at", Timestamp.parse)
        } else {
            reader.error("each timeline entry needs \"at\" (a timestamp)", at: node)
        }
        let text = reader.string("text", in: map, nonEmpty: true)
        if text == nil && reader.value("text", in: map) == nil { reader.error("each timeline entry needs \"text\"", at: node) }
        let status = reader.value("status", in: map).flatMap { enumValue(TimelineStatus.self, $0, key: "status", reader: &reader) }
        guard let at, let text else { return nil }
        return TimelineEntry(at: at, html: Markdown.renderInline(text, unsafeHTML: unsafeHTML),
                             plainText: Markdown.plainText(text), status: status)
    }

}

func uniqueInOrder<T: Hashable>(_ items: [T]) -> [T] {
    var seen: Set<T> = []
    return items.filter { seen.insert($0).inserted }
}
