import OutageData

/// The whole site after loading: incidents in display order and every taxonomy, built once and
/// read-only while pages render in parallel.
public struct SiteGraph: Sendable {
    public var config: SiteConfig
    /// Newest first (start descending, then slug), the order of every list.
    public var incidents: [Incident]
    public var pages: [Page]
    public var home: HomeText?
    public var countries: [Term]
    public var asns: [Term]
    public var causes: [Term]
    public var tags: [Term]
    public var years: [Term]

    /// A group of incidents sharing a country, ASN, cause, tag or year.
    public struct Term: Sendable {
        /// The URL segment: "kp", "131279", "cable-cut", "bgp", "2014".
        public var key: String
        public var name: String
        /// Indexes into `incidents`, newest first.
        public var incidents: [Int]
        public var outageHours: Double
        /// For a year, the year as a number (the key is its text), so nothing parses it back.
        public var year: Int?
    }

    /// From what the load phase read (`LoadedSite` in SiteLoad).
    package init(config: SiteConfig, incidents loaded: [Incident], pages loadedPages: [Page], home: HomeText?) {
        self.config = config
        // Sorted by index, then gathered: an incident is a large value (dozens of references),
        // and a comparison sort would copy two of them for each of its n·log n comparisons.
        let order = loaded.indices.sorted { a, b in
            loaded[a].start != loaded[b].start ? loaded[a].start > loaded[b].start : loaded[a].slug < loaded[b].slug
        }
        let sorted = order.map { loaded[$0] }
        incidents = sorted
        pages = loadedPages.sorted { a, b in (a.menu ?? Int.max, a.title, a.slug) < (b.menu ?? Int.max, b.title, b.slug) }
        self.home = home

        var countryGroups: [String: (String, [Int])] = [:]
        var asnGroups: [ASN: [Int]] = [:]
        var causeGroups: [Cause: [Int]] = [:]
        var tagGroups: [String: (String, [Int])] = [:]
        var yearGroups: [Int: [Int]] = [:]
        var asnNames: [ASN: String] = [:]
        // Fields are read through the array (incidents[index].countries), never by copying a
        // whole incident out of it.
        for index in incidents.indices {
            // Keyed by the code as written; lowercased once per country below, not per incident.
            for country in incidents[index].countries {
                countryGroups[country.alpha2, default: (country.name, [])].1.append(index)
            }
            for asn in incidents[index].asns {
                asnGroups[asn, default: []].append(index)
                if asnNames[asn] == nil, let name = incidents[index].networkNames[asn] { asnNames[asn] = name }
            }
            // Networks named without being listed (`allASNs`, without building that list).
            for (asn, name) in incidents[index].networkNames.sorted(by: { $0.key < $1.key }) where !incidents[index].asns.contains(asn) {
                asnGroups[asn, default: []].append(index)
                if asnNames[asn] == nil { asnNames[asn] = name }
            }
            causeGroups[incidents[index].cause, default: []].append(index)
            for tag in incidents[index].tags {
                tagGroups[tag.slug, default: (tag.name, [])].1.append(index)
            }
            yearGroups[incidents[index].start.year, default: []].append(index)
        }
        let hours = sorted.indices.map { Self.hours(durationSeconds: sorted[$0].durationSeconds) }
        func term(_ key: String, _ name: String, _ members: [Int], year: Int? = nil) -> Term {
            Term(key: key, name: name, incidents: members, outageHours: members.reduce(0.0) { $0 + hours[$1] }, year: year)
        }
        countries = countryGroups.map { term($0.key.lowercased(), $0.value.0, $0.value.1) }.sorted { ($0.name, $0.key) < ($1.name, $1.key) }
        // Sorted by number before the terms are made, so no key is parsed back.
        asns = asnGroups.sorted { $0.key < $1.key }.map { asn, members in
            term(String(asn.value), asnNames[asn].map { "\(asn) \($0)" } ?? asn.description, members)
        }
        causes = Cause.allCases.compactMap { cause in causeGroups[cause].map { term(cause.rawValue, cause.label, $0) } }
        tags = tagGroups.map { term($0.key, $0.value.0, $0.value.1) }.sorted { $0.key < $1.key }
        // Newest first, by number: as text, "999" would sort above "2014".
        years = yearGroups.map { term(String($0.key), String($0.key), $0.value, year: $0.key) }.sorted { ($0.year ?? 0) > ($1.year ?? 0) }
    }

    /// Outage hours of one incident: its duration, or 0 while ongoing or when the end is unknown.
    package static func hours(durationSeconds: Int64?) -> Double {
        Double(durationSeconds ?? 0) / 3600
    }

    public var totalOutageHours: Double {
        incidents.indices.reduce(0.0) { $0 + Self.hours(durationSeconds: incidents[$1].durationSeconds) }
    }

    /// Pages in the site navigation, in `menu` order.
    public var menuPages: [Page] {
        pages.filter { $0.menu != nil }
    }
}
