import OutageData
import SiteModel
import Templates

/// One page of a paginated incident list: all incidents, or one country, ASN, cause, tag or year.
final class ListView: TemplateObject {
    let site: PreparedSite
    let root: String
    let heading: String
    let countText: String
    /// This page's incidents (indexes into the graph).
    let members: ArraySlice<Int>
    let pagination: Pagination?
    /// Taxonomy lists: which taxonomy, its index's heading and a link to it.
    var taxonomy: (key: String, heading: String, href: String)?
    /// Country lists: the hours-per-year table and chart, and the country on a locator map.
    var countryHours: PreparedSite.CountryHours?
    var locator: String?

    init(site: PreparedSite, root: String, heading: String, countText: String, members: ArraySlice<Int>, pagination: Pagination?) {
        self.site = site
        self.root = root
        self.heading = heading
        self.countText = countText
        self.members = members
        self.pagination = pagination
    }

    func value(_ key: Int) -> TemplateValue? {
        switch Name(key) {
        case .heading: return .text(heading)
        case .countText: return .text(countText)
        case .rows: return RowView.list(members, in: site, root: root)
        case .hasRows: return .bool(!members.isEmpty)
        case .pagination: return pagination.map { .object($0) }
        case .taxonomy: return taxonomy.map { .text($0.key) }
        case .taxonomyHeading: return taxonomy.map { .text($0.heading) }
        case .taxonomyHref: return taxonomy.map { .text($0.href) }
        case .hasHoursByYear: return countryHours.map { _ in .bool(true) }
        case .hoursSVG: return countryHours.map { .text($0.svg) }
        case .locatorSVG: return locator.map { .text($0) }
        case .hoursByYear:
            guard let years = countryHours?.years else { return nil }
            // Bar width in percent of the largest year, for a CSS bar chart.
            let maximum = years.map(\.hours).max() ?? 0
            return .list(years.map { year, hours, incidents in
                let share = maximum > 0 ? Int((hours / maximum * 100).rounded()) : 0
                return .record([(.year, .text(String(year))), (.hours, .text(formatHours(hours, fixed: true))),
                                (.incidents, .int(incidents)), (.percent, .int(share))])
            })
        default: return nil
        }
    }
}

/// Links between the pages of a list. Long lists show a window, as Hugo and Zola themes do:
/// the first and last page, the current page with two on each side, and a gap where numbers are
/// left out, so a page's size does not grow with the number of pages.
final class Pagination: TemplateObject {
    let current: Int
    let count: Int
    /// The list's first page ("countries/kp/") and the page being rendered.
    let base: String
    let root: String
    /// Words on the previous and next links: lists run from newest to oldest, indexes A to Z.
    let labels: (previous: String, next: String)

    init(current: Int, count: Int, base: String, root: String, labels: (previous: String, next: String) = ("Newer", "Older")) {
        self.current = current
        self.count = count
        self.base = base
        self.root = root
        self.labels = labels
    }

    static let reach = 2

    func value(_ key: Int) -> TemplateValue? {
        switch Name(key) {
        case .current: .int(current)
        case .count: .int(count)
        case .pages: .list(Self.window(current: current, count: count).map(entry))
        case .prevHref: current > 1 ? link(current - 1) : nil
        case .nextHref: current < count ? link(current + 1) : nil
        case .prevLabel: .text(labels.previous)
        case .nextLabel: .text(labels.next)
        default: nil
        }
    }

    private func link(_ number: Int) -> TemplateValue {
        .link(root, percentEncodePath(SitePaths.file(for: SitePaths.listPage(base, number))))
    }

    private func entry(_ number: Int?) -> TemplateValue {
        guard let number else { return .record([(.gap, .bool(true)), (.current, .bool(false))]) }
        return .record([(.number, .int(number)), (.href, link(number)), (.current, .bool(number == current)), (.gap, .bool(false))])
    }

    /// Page numbers to show, nil for a gap: 1 … 6 7 [8] 9 10 … 40. A gap never stands for a
    /// single page: that page is shown instead.
    static func window(current: Int, count: Int) -> [Int?] {
        let low = max(1, current - reach)
        let high = min(count, current + reach)
        var numbers: [Int?] = []
        if low > 1 { numbers.append(1) }
        if low == 3 { numbers.append(2) } else if low > 3 { numbers.append(nil) }
        numbers += (low...high).map { $0 }
        if high == count - 2 { numbers.append(count - 1) } else if high < count - 2 { numbers.append(nil) }
        if high < count { numbers.append(count) }
        return numbers
    }
}

/// The index of a taxonomy: every term with its count and hours.
final class TermsView: TemplateObject {
    let taxonomy: Taxonomy
    /// Terms in the whole taxonomy; `terms` are this page's.
    let total: Int
    let terms: ArraySlice<SiteGraph.Term>
    let root: String
    let pagination: Pagination?
    /// The world map (`map_svg`), on the first page of the countries index.
    let map: TemplateValue?

    init(taxonomy: Taxonomy, total: Int, terms: ArraySlice<SiteGraph.Term>, root: String, pagination: Pagination?, map: String? = nil) {
        self.taxonomy = taxonomy
        self.total = total
        self.terms = terms
        self.root = root
        self.pagination = pagination
        self.map = map.map { .text($0) }
    }

    func value(_ key: Int) -> TemplateValue? {
        switch Name(key) {
        case .heading: .text(taxonomy.heading)
        case .countText: .text(taxonomy.noun(total))
        case .pagination: pagination.map { .object($0) }
        case .taxonomy: .text(taxonomy.rawValue)
        case .hasTerms: .bool(!terms.isEmpty)
        case .terms: .list(terms.map { Self.record($0, of: taxonomy, root: root) })
        case .mapSVG: map
        default: nil
        }
    }

    /// A term as `{name, key, href, count, hours}`, linked from a page whose way up is `root`.
    static func record(_ term: SiteGraph.Term, of taxonomy: Taxonomy, root: String) -> TemplateValue {
        .record([(.name, .text(term.name)), (.key, .text(term.key)),
                 (.href, .link(root, percentEncodePath(SitePaths.file(for: taxonomy.path(of: term))))),
                 (.count, .int(term.incidents.count)), (.hours, .text(formatHours(term.outageHours, fixed: true)))])
    }
}
