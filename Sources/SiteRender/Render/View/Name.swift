import Templates

/// Every name a template can use (README, "Template variables"). Templates are compiled against
/// this list, so a view answers a name with a switch, and a name outside it is known to render
/// as nothing.
enum Name: String, CaseIterable {
    // Every page
    case site, root, assets, nav, menu, page, title, description, language, author
    case baseURL = "base_url", homeHref = "home_href", feedHref = "feed_href", hasMenu = "has_menu", baseHref = "base_href"
    case isHome = "is_home", canonical, ogType = "og_type", path, jsonLD = "json_ld", current, href
    // Lists, terms, pagination
    case heading, countText = "count_text", rows, hasRows = "has_rows", pagination, pages, number, count, gap
    case prevHref = "prev_href", nextHref = "next_href", prevLabel = "prev_label", nextLabel = "next_label", taxonomy, taxonomyHeading = "taxonomy_heading", taxonomyHref = "taxonomy_href"
    case hoursByYear = "hours_by_year", hasHoursByYear = "has_hours_by_year", hoursSVG = "hours_svg"
    case terms, hasTerms = "has_terms", name, key, hours, year, incidents, percent
    // A list row
    case startUTC = "start_utc", startISO = "start_iso", duration, place, cause, status, statusLabel = "status_label", summary
    // Home and timeline
    case intro, body, stats, countries, outageHours = "outage_hours", years, hasYears = "has_years", hasLatest = "has_latest"
    case hasMore = "has_more", incidentsHref = "incidents_href", timelineHref = "timeline_href", timelineSVG = "timeline_svg", svg
    case mapSVG = "map_svg", countriesHref = "countries_href", locatorSVG = "locator_svg"
    case content
    // Search
    case search, bundle, causesHref = "causes_href", yearsHref = "years_href"
    // The incident page
    case incident, showSummary = "show_summary", factsLine = "facts_line", isOngoing = "is_ongoing", start, end
    case utc, iso, isDateOnly = "is_date_only", local, timezone, code, networks, asn, prefixes, regions, affected, scope, impact
    case label, tags, timeline, offset, html, charts, table, note, svgHref = "svg_href", csvHref = "csv_href", csvName = "csv_name"
    case figures, baseline, lowest, lowestAt = "lowest_at", drop, window, windowDuration = "window_duration"
    case chartsHeading = "charts_heading", reconstructed, provenance, source
    case headings, level, text, id, sources, url, publisher, date, dateISO = "date_iso", downloads, kind, jsonHref = "json_href"
    case cite, updated, authors
    case hasBody = "has_body", hasCountries = "has_countries", hasNetworks = "has_networks", hasPrefixes = "has_prefixes"
    case hasRegions = "has_regions", hasAffected = "has_affected", hasTags = "has_tags", hasSources = "has_sources"
    case hasTimeline = "has_timeline", hasDownloads = "has_downloads", hasHeadings = "has_headings", hasCharts = "has_charts"

    /// Names by their number in the vocabulary.
    static let byNumber: [Name] = Array(allCases)
    /// The vocabulary templates are compiled with.
    static let vocabulary: [String: Int] = Dictionary(uniqueKeysWithValues: byNumber.enumerated().map { ($1.rawValue, $0) })

    init?(_ key: Int) {
        guard key >= 0, key < Self.byNumber.count else { return nil }
        self = Self.byNumber[key]
    }
}
