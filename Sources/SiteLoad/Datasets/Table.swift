import SiteFiles

/// A table read from a dataset's source: named columns and records of values. CSV and JSON
/// sources both become this, so the mapping does not care which it was.
struct Table: Sendable {
    enum Kind: Sendable { case csv, json }

    var kind: Kind
    /// Header names (trimmed) or JSON keys (in first-seen order).
    var columns: [String]
    var records: [TableRecord]
    /// Problems with the table as a whole that do not stop it being read (an unnamed column
    /// holding values), as (line, message).
    var notes: [(line: Int, message: String)] = []
}

struct TableRecord: Sendable {
    /// CSV: the line the row starts on. JSON: the record's number, from 1.
    var position: Int
    var values: [String: TableValue]
    /// Set when the row itself is malformed (too many cells); the row is then invalid.
    var problem: String?
}

enum TableValue: Sendable, Hashable {
    case text(String)
    case list([String])

    /// Cells that mean "no value" in real tables.
    static let emptyMarkers: Set<String> = ["", "N/A", "n/a", "NA", "null", "NULL", "None", "#N/A"]

    /// The value with empty markers removed; nil when nothing is left.
    var meaningful: TableValue? {
        switch self {
        case .text(let text):
            let trimmed = text.trimmingWhitespace()
            return Self.emptyMarkers.contains(trimmed) ? nil : .text(trimmed)
        case .list(let items):
            let kept = items.map { $0.trimmingWhitespace() }.filter { !Self.emptyMarkers.contains($0) }
            return kept.isEmpty ? nil : .list(kept)
        }
    }

    /// The value as one piece of text (lists joined with ", ").
    var text: String {
        switch self {
        case .text(let text): text
        case .list(let items): items.joined(separator: ", ")
        }
    }
}
