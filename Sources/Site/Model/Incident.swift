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

    /// Seconds from start to end; nil while ongoing or when the end is unknown. A bare-date end
    /// means "some time that day", so it counts to the end of the day.
    public var durationSeconds: Int64? {
        guard let end else { return nil }
        return Self.effectiveEnd(end) - start.seconds
    }

    static func effectiveEnd(_ end: Timestamp) -> Int64 {
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
}

public struct SourceReference: Sendable, Hashable {
    public var title: String
    public var url: String
    public var publisher: String?
    public var date: Timestamp?
}

public struct TimelineEntry: Sendable, Hashable {
    public var at: Timestamp
    /// The entry's text as inline HTML (rendered from inline Markdown).
    public var html: String
    public var plainText: String
    public var status: TimelineStatus?
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
    public var normalize: String?
    /// Where `file` was given (or the file itself for a bundle's default series).
    public var location: SourceLocation
}

public struct SignalStyle: Sendable, Hashable {
    public var column: String
    public var label: String
    public var unit: String?
    public var color: String?
    /// Where the column was named, to report one the CSV lacks.
    public var location: SourceLocation
}
