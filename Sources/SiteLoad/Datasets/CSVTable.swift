import OutageData
import SiteFiles

/// Reads a CSV table as real spreadsheets export it: a BOM, CRLF, quoted cells with commas and
/// newlines, header names with stray spaces, dozens of trailing empty columns, blank rows.
/// (Split by the tokenizer the series reader streams with; tables are small enough to hold.)
enum CSVTable {
    struct Failure: Error {
        var line: Int
        var message: String
    }

    static func read(_ text: String) -> Result<Table, Failure> {
        let rows: [(line: Int, cells: [String])]
        switch split(text) {
        case .success(let r): rows = r
        case .failure(let failure): return .failure(failure)
        }
        guard let header = rows.first else { return .failure(Failure(line: 1, message: "the table is empty")) }
        var names = header.cells.map { $0.trimmingWhitespace() }
        // Unnamed columns at the end of the header are padding from the spreadsheet.
        while names.last?.isEmpty == true { names.removeLast() }
        var seen: [String: Int] = [:]
        for (index, name) in names.enumerated() {
            if name.isEmpty { continue }
            if let first = seen[name] {
                return .failure(Failure(line: header.line, message: "two columns are named \"\(name)\" (columns \(first + 1) and \(index + 1))"))
            } else {
                seen[name] = index
            }
        }
        var table = Table(kind: .csv, columns: names.filter { !$0.isEmpty }, records: [])
        var reportedUnnamed: Set<Int> = []
        for row in rows.dropFirst() {
            // A row of empty cells is spreadsheet padding, not a record.
            if row.cells.allSatisfy({ $0.trimmingWhitespace().isEmpty }) { continue }
            var record = TableRecord(position: row.line, values: [:])
            for (index, cell) in row.cells.enumerated() {
                if index < names.count {
                    if names[index].isEmpty {
                        if !cell.trimmingWhitespace().isEmpty && reportedUnnamed.insert(index).inserted {
                            table.notes.append((row.line, "column \(index + 1) has no header name; its values are ignored"))
                        }
                    } else {
                        record.values[names[index]] = .text(cell)
                    }
                } else if !cell.trimmingWhitespace().isEmpty {
                    record.problem = "row has a value in column \(index + 1), but the header has \(names.count) columns"
                    break
                }
            }
            table.records.append(record)
        }
        return .success(table)
    }

    /// RFC 4180 records with the line each starts on, from the tokenizer the series reader
    /// uses too (OutageData's `CSVTokenizer`), with the table options: spaces before a cell
    /// kept, a CR outside quotes dropped, no length limits (see `CSVRecords.split`).
    static func split(_ text: String) -> Result<[(line: Int, cells: [String])], Failure> {
        CSVRecords.split(text).mapError { Failure(line: $0.line, message: $0.message) }
    }
}
