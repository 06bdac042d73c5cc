import Diagnostics
import Foundation
import OutageData
import SiteFiles
import SiteModel

/// What a dataset produced, for the build's summary line:
/// `dataset ioda: 1703 rows read, 1650 published, 53 skipped`. The numbers always add up.
public struct DatasetSummary: Sendable, Hashable, CustomStringConvertible {
    public var name: String
    public var read = 0
    public var published = 0
    public var skipped = 0
    /// Invalid rows with `on_invalid_row: error` (the build fails).
    public var invalid = 0

    public var description: String {
        var text = "dataset \(name): \(formatCount(read)) row\(read == 1 ? "" : "s") read, \(formatCount(published)) published, \(formatCount(skipped)) skipped"
        if invalid > 0 { text += ", \(formatCount(invalid)) invalid" }
        return text
    }
}

/// Load phase for content/datasets/*.yml: reads each mapping and its table and turns every
/// row into an incident, reporting every row it cannot use.
struct DatasetLoader {
    let root: URL
    let site: SiteFolder

    func load(into log: DiagnosticLog) -> (incidents: [Incident], summaries: [DatasetSummary]) {
        let folder = root.appendingPathComponent("content/datasets")
        var incidents: [Incident] = []
        var summaries: [DatasetSummary] = []
        var ids: [String: String] = [:]
        for entry in FileWalker.entries(of: folder) where !entry.isDirectory && (entry.name.hasSuffix(".yml") || entry.name.hasSuffix(".yaml")) {
            let name = String(entry.name.prefix { $0 != "." })
            let file = "content/datasets/\(entry.name)"
            guard let mapping = loadMapping(file: file, name: name, folder: folder, site: site, log: log) else { continue }
            guard let table = loadTable(mapping, site: site, log: log), checkColumns(mapping, table, log: log) else { continue }
            let (rows, summary) = mapRows(mapping, table, ids: &ids, log: log)
            incidents += rows
            summaries.append(summary)
        }
        return (incidents, summaries)
    }

    private func loadMapping(file: String, name: String, folder: URL, site: SiteFolder, log: DiagnosticLog) -> DatasetMapping? {
        switch TextFile.read(root.appendingPathComponent(file), displayPath: file, site: site) {
        case .failure(let diagnostic):
            log.add(diagnostic)
            return nil
        case .success(let text):
            var reader = YAMLReader(file: file)
            let mapping = DatasetMapping.parse(text, file: file, name: name, directory: folder, reader: &reader)
            log.add(contentsOf: reader.diagnostics)
            return reader.diagnostics.contains { $0.severity == .error } ? nil : mapping
        }
    }

    private func loadTable(_ mapping: DatasetMapping, site: SiteFolder, log: DiagnosticLog) -> Table? {
        let display = mapping.sourcePath
        let data: Data
        switch TextFile.readData(mapping.sourceURL, displayPath: display, site: site) {
        case .failure(let diagnostic):
            log.add(diagnostic)
            return nil
        case .success(let bytes): data = bytes
        }
        if mapping.sourceURL.pathExtension.lowercased() == "json" {
            switch JSONTable.read(data, recordsKey: mapping.recordsKey) {
            case .success(let table): return table
            case .failure(let failure):
                log.error("the table \(failure.message)", at: SourceLocation(file: display))
                return nil
            }
        }
        let text: String
        switch TextFile.decode(data, displayPath: display) {
        case .failure(let diagnostic):
            log.add(diagnostic)
            return nil
        case .success(let t): text = t
        }
        switch CSVTable.read(text) {
        case .success(let table):
            for note in table.notes { log.warning(note.message, at: SourceLocation(file: display, line: note.line)) }
            return table
        case .failure(let failure):
            log.error(failure.message, at: SourceLocation(file: display, line: failure.line))
            return nil
        }
    }

    /// Every column the mapping names must be in the table: an error naming the columns it has.
    private func checkColumns(_ mapping: DatasetMapping, _ table: Table, log: DiagnosticLog) -> Bool {
        let known = Set(table.columns)
        let has = table.columns.map { "\"\($0)\"" }.joined(separator: ", ")
        var ok = true
        func require(_ column: String, at location: SourceLocation) {
            guard !known.contains(column) else { return }
            let hint = nearestName(to: column, in: table.columns).map { " (did you mean \"\($0)\"?)" } ?? ""
            log.error("the table has no column \"\(column)\"\(hint); its columns are \(has)", at: location)
            ok = false
        }
        for column in mapping.title.template.columns { require(column, at: mapping.title.location) }
        if let id = mapping.id { for column in id.template.columns { require(column, at: id.location) } }
        for field in mapping.fields.values.sorted(by: { $0.target < $1.target }) {
            if let column = field.column { require(column, at: field.columnLocation) }
        }
        return ok
    }

    private func mapRows(_ mapping: DatasetMapping, _ table: Table, ids: inout [String: String], log: DiagnosticLog) -> ([Incident], DatasetSummary) {
        let mapper = RowMapper(mapping: mapping, tableKind: table.kind)
        var summary = DatasetSummary(name: mapping.name)
        var incidents: [Incident] = []
        let skip = mapping.onInvalidRow == .skip
        for record in table.records {
            summary.read += 1
            let outcome = mapper.map(record)
            var problem: RowMapper.Problem?
            var warnings: [RowMapper.Problem] = []
            switch outcome {
            case .invalid(let p, let w):
                problem = p
                warnings = w
            case .incident(let incident, let w):
                warnings = w
                if let id = incident.id, let first = ids[id] {
                    problem = RowMapper.Problem(column: nil, message: "id \"\(id)\" is also used by \(first)")
                } else {
                    if let id = incident.id { ids[id] = describe(record, in: mapping, table) }
                    incidents.append(incident)
                    summary.published += 1
                }
            }
            for warning in warnings {
                log.warning(text(warning, record, table), at: mapper.rowLocation(record))
            }
            if let problem {
                if skip {
                    summary.skipped += 1
                    log.warning("row skipped: " + text(problem, record, table), at: mapper.rowLocation(record))
                } else {
                    summary.invalid += 1
                    log.error(text(problem, record, table), at: mapper.rowLocation(record))
                }
            }
        }
        return (incidents, summary)
    }

    /// `column "Begin time": …` for CSV, `record 5: key "date": …` for JSON.
    private func text(_ problem: RowMapper.Problem, _ record: TableRecord, _ table: Table) -> String {
        switch table.kind {
        case .csv:
            return problem.column.map { "column \"\($0)\": " + problem.message } ?? problem.message
        case .json:
            return "record \(record.position): " + (problem.column.map { "key \"\($0)\": " + problem.message } ?? problem.message)
        }
    }

    private func describe(_ record: TableRecord, in mapping: DatasetMapping, _ table: Table) -> String {
        table.kind == .csv ? "\(mapping.sourcePath):\(record.position)" : "\(mapping.sourcePath) record \(record.position)"
    }
}
