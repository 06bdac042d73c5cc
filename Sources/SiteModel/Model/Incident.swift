import Charts
import Diagnostics
import Markdown
import OutageData

/// One incident, validated: every value has been parsed into its type, so rendering cannot fail
/// on bad data.
public struct Incident: Sendable {
    /// Path of the Markdown file relative to the site folder, as diagnostics print it.
    public var sourcePath: String
    /// Absolute path of the bundle folder, when the incident is a bundle.
    public var bundleDirectory: String?
    /// Files of the bundle other than index.md, relative to the bundle, sorted.
    public var bundleFiles: [String]

    /// The absolute path of a file of the bundle, joined as text: Foundation's URL would stat
    /// the folder to learn that it is one, for each of thousands of files.
    public func bundlePath(_ file: String) -> String? {
        guard let bundleDirectory else { return nil }
        return bundleDirectory.hasSuffix("/") ? bundleDirectory + file : bundleDirectory + "/" + file
    }
    public var slug: String
    /// Where the slug came from: the `slug:` value, or the file itself (line 1).
    public var slugLocation: SourceLocation
    public var id: String?
    public var title: String
    public var start: Timestamp
    public var end: Timestamp?
    public var status: IncidentStatus
    public var summary: String
    /// False when the summary is the writeup's first paragraph (so a page need not show it twice).
    public var hasExplicitSummary: Bool
    public var countries: [Country]
    public var regions: [String]
    public var asns: [ASN]
    public var networkNames: [ASN: String]
    public var prefixes: [IPPrefix]
    public var affected: [String]
    public var scope: Scope?
    public var cause: Cause
    public var impact: Impact?
    public var tags: [Tag]
    public var timezone: Zone?
    public var sources: [SourceReference]
    public var timeline: [TimelineEntry]
    public var series: [SeriesReference]
    /// The keys its front matter gave (empty for dataset rows): when a writeup merges with a
    /// dataset row, these win.
    public var frontMatterKeys: Set<String> = []
    /// Where a writeup's `start` value stands, for diagnostics about the incident as a whole.
    public var startLocation: SourceLocation?
    /// The series read and reduced by the data phase (empty until then).
    public var seriesData: [SeriesData] = []
    public var draft: Bool
    public var updated: Timestamp?
    public var authors: [String]
    public var body: RenderedMarkdown

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
        self.sourcePath = sourcePath
        self.bundleDirectory = bundleDirectory
        self.bundleFiles = bundleFiles
        self.slug = slug
        self.slugLocation = slugLocation
        self.id = id
        self.title = title
        self.start = start
        self.end = end
        self.status = status
        self.summary = summary
        self.hasExplicitSummary = hasExplicitSummary
        self.countries = countries
        self.regions = regions
        self.asns = asns
        self.networkNames = networkNames
        self.prefixes = prefixes
        self.affected = affected
        self.scope = scope
        self.cause = cause
        self.impact = impact
        self.tags = tags
        self.timezone = timezone
        self.sources = sources
        self.timeline = timeline
        self.series = series
        self.frontMatterKeys = frontMatterKeys
        self.startLocation = startLocation
        self.seriesData = seriesData
        self.draft = draft
        self.updated = updated
        self.authors = authors
        self.body = body
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
