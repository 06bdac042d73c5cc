import OutageData
import SiteModel

/// An incident as every list shows it, formatted once per build: a list page, the home page and
/// the timeline share the same row instead of formatting it again.
final class IncidentRow: Sendable {
    let title: String
    let summary: String
    /// The incident page's file, percent-encoded, relative to the site root
    /// ("incidents/north-korea/index.html"); a page prefixes its own way up to the root.
    let target: String
    let startUTC: String
    let startISO: String
    let duration: String
    let place: String
    let cause: String
    let status: DisplayStatus

    init(_ incident: Incident) {
        title = incident.title
        summary = incident.summary
        target = percentEncodePath(SitePaths.file(for: SitePaths.incident(incident.slug)))
        startUTC = incident.startUTC
        startISO = incident.start.iso8601
        duration = incident.durationText
        place = incident.placeText
        cause = incident.cause.label
        status = incident.displayStatus
    }

    /// Whether the two rows show the same (every list, home and the timeline show an incident
    /// only through its row).
    func showsTheSame(as other: IncidentRow) -> Bool {
        title == other.title && summary == other.summary && target == other.target && startUTC == other.startUTC
            && startISO == other.startISO && duration == other.duration && place == other.place && cause == other.cause
            && status == other.status
    }
}
