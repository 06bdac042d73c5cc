import OutageData
import SiteModel

/// schema.org JSON-LD for pages (SPEC §7: `Event` for incidents).
enum StructuredData {
    static func event(_ incident: Incident, config: SiteConfig) -> JSON {
        let url = config.baseURL + SitePaths.incident(incident.slug)
        let places: [JSON] = incident.countries.map { .object([("@type", .string("Country")), ("name", .string($0.name))]) }
        return .object([
            ("@context", .string("https://schema.org")),
            ("@type", .string("Event")),
            ("name", .string(incident.title)),
            ("description", JSON.string(incident.summary.isEmpty ? nil : incident.summary)),
            ("startDate", .string(incident.start.iso8601)),
            ("endDate", JSON.string(incident.end?.iso8601)),
            ("location", places.isEmpty ? nil : (places.count == 1 ? places[0] : .array(places))),
            ("url", .string(url)),
        ])
    }
}
