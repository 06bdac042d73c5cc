import Charts
import Diagnostics
import Markdown
import OutageData

/// One incident, validated: every value has been parsed into its type, so rendering cannot fail
/// on bad data.
public struct Incident: Sendable {
    /// Every value of the incident (`Incident+Storage.swift`), shared between copies.
    var storage: IncidentStorage

    /// The absolute path of a file of the bundle, joined as text: Foundation's URL would stat
    /// the folder to learn that it is one, for each of thousands of files.
    public func bundlePath(_ file: String) -> String? {
        guard let bundleDirectory else { return nil }
        return bundleDirectory.hasSuffix("/") ? bundleDirectory + file : bundleDirectory + "/" + file
    }

    /// Memberwise, for the loaders in SiteLoad (the synthesized one is internal to this module).
    package init(
        sourcePath: String,
        bundleDirectory: String? = nil,
        bundleFiles: [String],
        slug: String,
        slugLocation: SourceLocation,
        id: String? = nil,
        title: String,
        start: Timestamp,
        end: Timestamp? = nil,
        status: IncidentStatus,
        summary: String,
        hasExplicitSummary: Bool,
        countries: [Country],
        regions: [String],
        asns: [ASN],
        networkNames: [ASN: String],
        prefixes: [IPPrefix],
        affected: [String],
        scope: Scope? = nil,
        cause: Cause,
        impact: Impact? = nil,
        tags: [Tag],
        timezone: Zone? = nil,
        sources: [SourceReference],
        timeline: [TimelineEntry],
        series: [SeriesReference],
        frontMatterKeys: Set<String> = [],
        startLocation: SourceLocation? = nil,
        seriesData: [SeriesData] = [],
        draft: Bool,
        updated: Timestamp? = nil,
        authors: [String],
        body: RenderedMarkdown
    ) {
        storage = IncidentStorage(IncidentFields(
            sourcePath: sourcePath,
            bundleDirectory: bundleDirectory,
            bundleFiles: bundleFiles,
            slug: slug,
            slugLocation: slugLocation,
            id: id,
            title: title,
            start: start,
            end: end,
            status: status,
            summary: summary,
            hasExplicitSummary: hasExplicitSummary,
            countries: countries,
            regions: regions,
            asns: asns,
            networkNames: networkNames,
            prefixes: prefixes,
            affected: affected,
            scope: scope,
            cause: cause,
            impact: impact,
            tags: tags,
            timezone: timezone,
            sources: sources,
            timeline: timeline,
            series: series,
            frontMatterKeys: frontMatterKeys,
            startLocation: startLocation,
            seriesData: seriesData,
            draft: draft,
            updated: updated,
            authors: authors,
            body: body))
    }

    /// Seconds from start to end; nil while ongoing or when the end is unknown. A bare-date end
    /// means "some time that day", so it counts to the end of the day.
    public var durationSeconds: Int64? {
        guard let end else { return nil }
        return Self.effectiveEnd(end) - start.seconds
    }

    package static func effectiveEnd(_ end: Timestamp) -> Int64 {
        end.isDateOnly ? end.seconds + 86_400 : end.seconds
    }

    /// ASNs named in `asns` (in the author's order), then those only named in `networks`
    /// (in numeric order).
    public var allASNs: [ASN] {
        asns + networkNames.keys.filter { !asns.contains($0) }.sorted()
    }
}

public struct Tag: Sendable, Hashable {
    public var name: String
    public var slug: String

    /// Memberwise, for the loaders in SiteLoad (the synthesized one is internal to this module).
    package init(name: String, slug: String) {
        self.name = name
        self.slug = slug
    }
}

public struct SourceReference: Sendable, Hashable {
    public var title: String
    public var url: String
    public var publisher: String?
    public var date: Timestamp?

    /// Memberwise, for the loaders in SiteLoad (the synthesized one is internal to this module).
    package init(title: String, url: String, publisher: String? = nil, date: Timestamp? = nil) {
        self.title = title
        self.url = url
        self.publisher = publisher
        self.date = date
    }
}

public struct TimelineEntry: Sendable, Hashable {
    public var at: Timestamp
    /// The entry's text as inline HTML (rendered from inline Markdown).
    public var html: String
    public var plainText: String
    public var status: TimelineStatus?

    /// Memberwise, for the loaders in SiteLoad (the synthesized one is internal to this module).
    package init(at: Timestamp, html: String, plainText: String, status: TimelineStatus? = nil) {
        self.at = at
        self.html = html
        self.plainText = plainText
        self.status = status
    }
}

/// A CSV of the bundle to chart, and how (SPEC §3 `series`, §6).
public struct SeriesReference: Sendable, Hashable {
    public var file: String
    public var title: String?
    /// A caption under the chart: where the data comes from, how it was made (Markdown, inline).
    public var note: String?
    /// Labels, units and colours by CSV column; columns not named here use their header name.
    public var signals: [SignalStyle]
    /// none, max or baseline; nil: the site default (max with several signals).
    public var normalize: Normalization?
    /// Measured by an instrument, or drawn by hand from a report's timings (SPEC §4).
    public var provenance: SeriesProvenance
    /// `source:`: where the numbers come from.
    public var source: SeriesSource?
    /// Where `file` was given (or the file itself for a bundle's default series).
    public var location: SourceLocation

    /// Memberwise, for the loaders in SiteLoad (the synthesized one is internal to this module).
    package init(
        file: String,
        title: String? = nil,
        note: String? = nil,
        signals: [SignalStyle],
        normalize: Normalization? = nil,
        provenance: SeriesProvenance = .measured,
        source: SeriesSource? = nil,
        location: SourceLocation
    ) {
        self.file = file
        self.title = title
        self.note = note
        self.signals = signals
        self.normalize = normalize
        self.provenance = provenance
        self.source = source
        self.location = location
    }
}

/// Whether a series' numbers were measured or drawn. A reconstructed series is a picture of a
/// report's timings: it is labelled and styled as such, and no figure is derived from it, so
/// no drawn number can pass for a measured one.
public enum SeriesProvenance: String, Sendable, Hashable, CaseIterable {
    case measured, reconstructed
}

/// A series' `source:`: an entry of the incident's `sources` (1-based, as the page numbers
/// them) or a URL of its own.
public enum SeriesSource: Sendable, Hashable {
    case entry(Int)
    case url(String)
}

public struct SignalStyle: Sendable, Hashable {
    public var column: String
    public var label: String
    public var unit: String?
    public var color: String?
    /// Where the column was named, to report one the CSV lacks.
    public var location: SourceLocation

    /// Memberwise, for the loaders in SiteLoad (the synthesized one is internal to this module).
    package init(column: String, label: String, unit: String? = nil, color: String? = nil, location: SourceLocation) {
        self.column = column
        self.label = label
        self.unit = unit
        self.color = color
        self.location = location
    }
}

extension Incident {
    /// What a series' `source:` points at, as a link: the `sources` entry it numbers (titled as
    /// written there), or its own URL (titled by the URL's host). Nil without a source; the
    /// loader has already rejected a number outside the list.
    public func sourceLink(of series: SeriesReference) -> (title: String, url: String)? {
        switch series.source {
        case .none: return nil
        case .entry(let number):
            guard sources.indices.contains(number - 1) else { return nil }
            return (sources[number - 1].title, sources[number - 1].url)
        case .url(let url): return (urlHost(url) ?? url, url)
        }
    }
}
