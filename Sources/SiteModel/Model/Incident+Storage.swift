import Charts
import Diagnostics
import Markdown
import OutageData

/// The values behind `Incident`'s properties (documented there), held in one object so that
/// copying an incident (into a graph, out of an array, into a view) is one reference count and
/// not one per string and array; a copy is made only when a shared incident is changed.
final class IncidentStorage: @unchecked Sendable {
    // Unchecked: `fields` is changed only through `Incident.fields`, which copies this object
    // first unless the changing incident is its only owner.
    var fields: IncidentFields

    init(_ fields: IncidentFields) {
        self.fields = fields
    }
}

struct IncidentFields: Sendable {
    var sourcePath: String
    var bundleDirectory: String?
    var bundleFiles: [String]
    var slug: String
    var slugLocation: SourceLocation
    var id: String?
    var title: String
    var start: Timestamp
    var end: Timestamp?
    var status: IncidentStatus
    var summary: String
    var hasExplicitSummary: Bool
    var countries: [Country]
    var regions: [String]
    var asns: [ASN]
    var networkNames: [ASN: String]
    var prefixes: [IPPrefix]
    var affected: [String]
    var scope: Scope?
    var cause: Cause
    var impact: Impact?
    var tags: [Tag]
    var timezone: Zone?
    var sources: [SourceReference]
    var timeline: [TimelineEntry]
    var series: [SeriesReference]
    var frontMatterKeys: Set<String>
    var startLocation: SourceLocation?
    var seriesData: [SeriesData]
    var draft: Bool
    var updated: Timestamp?
    var authors: [String]
    var body: RenderedMarkdown
}

extension Incident {
    /// The fields, copied first when another incident shares them.
    var fields: IncidentFields {
        get { storage.fields }
        _modify {
            if !isKnownUniquelyReferenced(&storage) { storage = IncidentStorage(storage.fields) }
            yield &storage.fields
        }
    }

    /// Path of the Markdown file relative to the site folder, as diagnostics print it.
    public var sourcePath: String {
        get { storage.fields.sourcePath }
        _modify { yield &fields.sourcePath }
    }
    /// Absolute path of the bundle folder, when the incident is a bundle.
    public var bundleDirectory: String? {
        get { storage.fields.bundleDirectory }
        _modify { yield &fields.bundleDirectory }
    }
    /// Files of the bundle other than index.md, relative to the bundle, sorted.
    public var bundleFiles: [String] {
        get { storage.fields.bundleFiles }
        _modify { yield &fields.bundleFiles }
    }
    public var slug: String {
        get { storage.fields.slug }
        _modify { yield &fields.slug }
    }
    /// Where the slug came from: the `slug:` value, or the file itself (line 1).
    public var slugLocation: SourceLocation {
        get { storage.fields.slugLocation }
        _modify { yield &fields.slugLocation }
    }
    public var id: String? {
        get { storage.fields.id }
        _modify { yield &fields.id }
    }
    public var title: String {
        get { storage.fields.title }
        _modify { yield &fields.title }
    }
    public var start: Timestamp {
        get { storage.fields.start }
        _modify { yield &fields.start }
    }
    public var end: Timestamp? {
        get { storage.fields.end }
        _modify { yield &fields.end }
    }
    public var status: IncidentStatus {
        get { storage.fields.status }
        _modify { yield &fields.status }
    }
    public var summary: String {
        get { storage.fields.summary }
        _modify { yield &fields.summary }
    }
    /// False when the summary is the writeup's first paragraph (so a page need not show it twice).
    public var hasExplicitSummary: Bool {
        get { storage.fields.hasExplicitSummary }
        _modify { yield &fields.hasExplicitSummary }
    }
    public var countries: [Country] {
        get { storage.fields.countries }
        _modify { yield &fields.countries }
    }
    public var regions: [String] {
        get { storage.fields.regions }
        _modify { yield &fields.regions }
    }
    public var asns: [ASN] {
        get { storage.fields.asns }
        _modify { yield &fields.asns }
    }
    public var networkNames: [ASN: String] {
        get { storage.fields.networkNames }
        _modify { yield &fields.networkNames }
    }
    public var prefixes: [IPPrefix] {
        get { storage.fields.prefixes }
        _modify { yield &fields.prefixes }
    }
    public var affected: [String] {
        get { storage.fields.affected }
        _modify { yield &fields.affected }
    }
    public var scope: Scope? {
        get { storage.fields.scope }
        _modify { yield &fields.scope }
    }
    public var cause: Cause {
        get { storage.fields.cause }
        _modify { yield &fields.cause }
    }
    public var impact: Impact? {
        get { storage.fields.impact }
        _modify { yield &fields.impact }
    }
    public var tags: [Tag] {
        get { storage.fields.tags }
        _modify { yield &fields.tags }
    }
    public var timezone: Zone? {
        get { storage.fields.timezone }
        _modify { yield &fields.timezone }
    }
    public var sources: [SourceReference] {
        get { storage.fields.sources }
        _modify { yield &fields.sources }
    }
    public var timeline: [TimelineEntry] {
        get { storage.fields.timeline }
        _modify { yield &fields.timeline }
    }
    public var series: [SeriesReference] {
        get { storage.fields.series }
        _modify { yield &fields.series }
    }
    /// The keys its front matter gave (empty for dataset rows): when a writeup merges with a
    /// dataset row, these win.
    public var frontMatterKeys: Set<String> {
        get { storage.fields.frontMatterKeys }
        _modify { yield &fields.frontMatterKeys }
    }
    /// Where a writeup's `start` value stands, for diagnostics about the incident as a whole.
    public var startLocation: SourceLocation? {
        get { storage.fields.startLocation }
        _modify { yield &fields.startLocation }
    }
    /// The series read and reduced by the data phase (empty until then).
    public var seriesData: [SeriesData] {
        get { storage.fields.seriesData }
        _modify { yield &fields.seriesData }
    }
    public var draft: Bool {
        get { storage.fields.draft }
        _modify { yield &fields.draft }
    }
    public var updated: Timestamp? {
        get { storage.fields.updated }
        _modify { yield &fields.updated }
    }
    public var authors: [String] {
        get { storage.fields.authors }
        _modify { yield &fields.authors }
    }
    public var body: RenderedMarkdown {
        get { storage.fields.body }
        _modify { yield &fields.body }
    }
}
