import Templates

/// One incident in a list, linked from a page whose way up to the site root is `root`.
final class RowView: TemplateObject {
    let row: IncidentRow
    let root: String

    init(row: IncidentRow, root: String) {
        self.row = row
        self.root = root
    }

    func value(_ key: Int) -> TemplateValue? {
        switch Name(key) {
        case .title: .text(row.title)
        case .href: .link(root, row.target)
        case .startUTC: .text(row.startUTC)
        case .startISO: .text(row.startISO)
        case .duration: .text(row.duration)
        case .place: .text(row.place)
        case .cause: .text(row.cause)
        case .status: .text(row.status.rawValue)
        case .statusLabel: .text(row.status.label)
        case .summary: .text(row.summary)
        default: nil
        }
    }

    static func list(_ members: some Sequence<Int>, in site: PreparedSite, root: String) -> TemplateValue {
        .list(members.map { .object(RowView(row: site.rows[$0], root: root)) })
    }
}
