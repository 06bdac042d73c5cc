import OutageData
import SiteModel

/// schema.org JSON-LD for pages (SPEC §7: `Event` for incidents), written compact for a
/// `<script>` element ("<" is escaped by the JSON writer, so it cannot end the element).
enum StructuredData {
    static func event(_ incident: Incident, config: SiteConfig) -> String {
        var json = JSONWriter(indent: nil, capacity: 512)
        json.object { json in
            json.field("@context", "https://schema.org")
            json.field("@type", "Event")
            json.field("name", incident.title)
            json.field("description", incident.summary.isEmpty ? nil : incident.summary)
            json.field("startDate", incident.start.iso8601)
            json.field("endDate", incident.end?.iso8601)
            let place = { (json: inout JSONWriter, country: Country) in
                json.field("@type", "Country")
                json.field("name", country.name)
            }
            if incident.countries.count == 1 {
                json.object("location") { json in place(&json, incident.countries[0]) }
            } else if !incident.countries.isEmpty {
                json.array("location") { json in
                    for country in incident.countries { json.object { json in place(&json, country) } }
                }
            }
            json.field("url", config.baseURL + SitePaths.incident(incident.slug))
        }
        return String(decoding: json.bytes, as: UTF8.self)
    }

    /// A page that is not an incident's: the site itself (home) or one of its pages.
    static func page(path: String, title: String, config: SiteConfig) -> String {
        var json = JSONWriter(indent: nil, capacity: 256)
        json.object { json in
            json.field("@context", "https://schema.org")
            json.field("@type", path.isEmpty ? "WebSite" : "WebPage")
            json.field("name", path.isEmpty ? config.title : title)
            json.field("url", config.baseURL + path)
        }
        return String(decoding: json.bytes, as: UTF8.self)
    }
}
