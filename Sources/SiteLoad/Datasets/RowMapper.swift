import Diagnostics
import Foundation
import Markdown
import OutageData
import SiteFiles
import SiteModel

/// Turns one record of a table into an incident with the mapping (SPEC §5). A row whose title
/// or start cannot be mapped is invalid; a bad value in an optional field is a warning and the
/// value is left out.
struct RowMapper {
    let mapping: DatasetMapping
    let tableKind: Table.Kind

    /// A problem with one row, phrased `column "X": reason` (CSV) or `key "X": reason` (JSON).
    struct Problem: Sendable {
        var column: String?
        var message: String
    }

    enum Outcome {
        case incident(Incident, warnings: [Problem])
        case invalid(Problem, warnings: [Problem])
    }

    func map(_ record: TableRecord) -> Outcome {
        var warnings: [Problem] = []
        if let problem = record.problem { return .invalid(Problem(column: nil, message: problem), warnings: []) }

        let title = mapping.title.template.render(record)
        guard !title.isEmpty else {
            let columns = mapping.title.template.columns.map { "\"\($0)\"" }.joined(separator: ", ")
            return .invalid(Problem(column: nil, message: "the title is empty (its columns \(columns) have no values)"), warnings: [])
        }
        guard let startField = mapping.fields["start"] else {
            return .invalid(Problem(column: nil, message: "the mapping has no start"), warnings: [])
        }
        guard let startText = text(startField, record) else {
            return .invalid(Problem(column: startField.column, message: "no start time (the cell is empty)"), warnings: [])
        }
        guard let start = date(startText, startField, &warnings) else {
            return .invalid(Problem(column: startField.column, message: dateError(startText, startField)), warnings: [])
        }

        var end: Timestamp?
        if let field = mapping.fields["end"], let value = text(field, record) {
            if let parsed = date(value, field, &warnings) {
                if Incident.effectiveEnd(parsed) < start.seconds {
                    warnings.append(Problem(column: field.column, message: "the end \(parsed.iso8601) is before the start \(start.iso8601); the end is left out"))
                } else {
                    end = parsed
                }
            } else {
                warnings.append(Problem(column: field.column, message: dateError(value, field) + "; the end is left out"))
            }
        }
        if let field = mapping.fields["duration"], let value = text(field, record), let unit = field.unit {
            switch Self.end(after: start, duration: value, unit: unit) {
            case .success(let timestamp): end = timestamp
            case .failure(let problem): warnings.append(Problem(column: field.column, message: problem.message + "; the end is left out"))
            }
        }

        var status: IncidentStatus = end == nil ? .ongoing : .resolved
        if let field = mapping.fields["status"], let value = text(field, record) {
            if let parsed = IncidentStatus(rawValue: value) { status = parsed } else { warnings.append(enumProblem(IncidentStatus.self, value, field)) }
        }

        let countries = list("countries", record).compactMap { item -> Country? in
            let field = mapping.fields["countries"]
            if let country = matchCountry(item, mode: field?.match) { return country }
            let hint = CountryMatcher.suggestion(for: item).map { " (did you mean \($0.name), \($0.alpha2)?)" } ?? ""
            warnings.append(Problem(column: field?.column, message: "\"\(item)\" is not a country it knows\(hint); it is left out"))
            return nil
        }
        let asns = parsedList("asns", record, &warnings) { (text: String) throws(ValueError) in try ASN.parse(text) }
        let prefixes = parsedList("prefixes", record, &warnings) { (text: String) throws(ValueError) in try IPPrefix.parse(text) }
        let sources = parsedList("sources", record, &warnings) { (text: String) throws(ValueError) -> SourceReference in
            let url = try validateHTTPURL(text)
            return SourceReference(title: urlHost(url) ?? url, url: url, publisher: nil, date: nil)
        }
        let tags = Tag.list(list("tags", record))
        let scope: Scope? = enumValue("scope", record, &warnings)
        let cause: Cause = enumValue("cause", record, &warnings) ?? .unknown
        let impact: Impact? = enumValue("impact", record, &warnings)
        var timezone: Zone?
        if let field = mapping.fields["timezone"], let value = text(field, record) {
            timezone = Zone(identifier: value)
            if timezone == nil { warnings.append(Problem(column: field.column, message: "\"\(value)\" is not an IANA time zone; it is left out")) }
        }
        var updated: Timestamp?
        if let field = mapping.fields["updated"], let value = text(field, record) {
            updated = date(value, field, &warnings)
            if updated == nil { warnings.append(Problem(column: field.column, message: dateError(value, field) + "; it is left out")) }
        }
        var draft = false
        if let field = mapping.fields["draft"], let value = text(field, record) {
            if let parsed = Self.boolean(value) { draft = parsed } else {
                warnings.append(Problem(column: field.column, message: "\"\(value)\" is not true or false; it is left out"))
            }
        }
        let summary = mapping.fields["summary"].flatMap { text($0, record) }

        let id = mapping.id.map { $0.template.render(record) }.flatMap { $0.isEmpty ? nil : $0 } ?? "\(mapping.name)-\(record.position)"
        let location = rowLocation(record)
        let incident = Incident(
            sourcePath: mapping.sourcePath, bundleDirectory: nil, bundleFiles: [],
            slug: Slug.slugify(id), slugLocation: location, id: id, title: title, start: start, end: end, status: status,
            summary: summary ?? "", hasExplicitSummary: summary != nil,
            countries: uniqueInOrder(countries), regions: list("regions", record), asns: uniqueInOrder(asns), networkNames: [:],
            prefixes: Array(Set(prefixes)).sorted(), affected: list("affected", record), scope: scope, cause: cause, impact: impact,
            tags: tags, timezone: timezone, sources: sources, timeline: [], series: [], draft: draft, updated: updated,
            authors: list("authors", record), body: RenderedMarkdown(html: "", headings: [], summary: ""))
        return .incident(incident, warnings: warnings)
    }

    /// A CSV row's line; a JSON record has no useful line, so its number goes in the message.
    func rowLocation(_ record: TableRecord) -> SourceLocation {
        tableKind == .csv ? SourceLocation(file: mapping.sourcePath, line: record.position) : SourceLocation(file: mapping.sourcePath)
    }

    /// The end `duration` after `start`: a number of `unit`s, not negative, and not so long
    /// that the end falls after 9999-12-31T23:59:59Z (the last instant ISO 8601 can name), which
    /// also keeps the arithmetic far from overflowing.
    static func end(after start: Timestamp, duration value: String, unit: DatasetMapping.DurationUnit) -> Result<Timestamp, ValueError> {
        guard let amount = Double(value), amount.isFinite, amount >= 0 else {
            return .failure(ValueError("\"\(value)\" is not a duration in \(unit.rawValue)"))
        }
        let seconds = (amount * unit.seconds).rounded()
        guard seconds <= Double(Timestamp.latestSeconds - start.seconds) else {
            return .failure(ValueError("\(value) \(unit.rawValue) is out of range (the end would fall after 9999-12-31)"))
        }
        // In range by the guard: at most about 3·10¹¹, exact in a Double and an Int64.
        return .success(Timestamp(seconds: start.seconds + Int64(seconds), isDateOnly: false))
    }

    // MARK: Values

    /// The field's value as one text (a list's items joined), after empty markers, HTML
    /// stripping and the value map; nil when there is none.
    func text(_ field: DatasetMapping.Field, _ record: TableRecord) -> String? {
        let items = values(field, record)
        return items.isEmpty ? nil : items.joined(separator: ", ")
    }

    /// The field's values: a list value or a split cell gives several.
    func values(_ field: DatasetMapping.Field, _ record: TableRecord) -> [String] {
        let raw: TableValue? = field.constant ?? field.column.flatMap { record.values[$0] }
        guard let value = raw?.meaningful else { return [] }
        var items: [String]
        switch value {
        case .list(let list): items = list
        case .text(let text):
            if let separator = field.split, !separator.isEmpty {
                items = text.components(separatedBy: separator)
            } else {
                items = [text]
            }
        }
        // Decoding entities can spell control characters ("&#27;"): removed after stripping.
        items = items.map { field.stripHTML ? ControlCharacters.removed(from: HTMLText.plain($0)) : $0 }
            .map { $0.trimmingWhitespace() }
            .filter { !TableValue.emptyMarkers.contains($0) }
        return items.map { item in field.map[item] ?? field.mapDefault ?? item }
    }

    private func list(_ target: String, _ record: TableRecord) -> [String] {
        mapping.fields[target].map { values($0, record) } ?? []
    }

    private func parsedList<T>(_ target: String, _ record: TableRecord, _ warnings: inout [Problem],
                               _ parse: (String) throws(ValueError) -> T) -> [T] {
        guard let field = mapping.fields[target] else { return [] }
        return values(field, record).compactMap { item in
            do throws(ValueError) {
                return try parse(item)
            } catch {
                warnings.append(Problem(column: field.column, message: "the value \(error.message); it is left out"))
                return nil
            }
        }
    }

    private func enumValue<E: RawRepresentable & CaseIterable>(_ target: String, _ record: TableRecord, _ warnings: inout [Problem]) -> E?
    where E.RawValue == String {
        guard let field = mapping.fields[target], let value = text(field, record) else { return nil }
        if let parsed = E(rawValue: value) { return parsed }
        warnings.append(enumProblem(E.self, value, field))
        return nil
    }

    private func enumProblem<E: RawRepresentable & CaseIterable>(_ type: E.Type, _ value: String, _ field: DatasetMapping.Field) -> Problem
    where E.RawValue == String {
        Problem(column: field.column, message: "\"\(field.target)\" \(enumError(E.self, value).message); it is left out (add it to the field's map)")
    }

    /// The date in `text`; an AM/PM that contradicts a 24-hour hour is a warning, not an
    /// error, since the hour alone says the time (SPEC §5: a row is never dropped for it).
    private func date(_ text: String, _ field: DatasetMapping.Field, _ warnings: inout [Problem]) -> Timestamp? {
        guard let reading = readDate(text, patterns: field.formats, zone: field.zone ?? Zone.utc) else { return nil }
        if let conflict = reading.dayPeriodConflict {
            warnings.append(Problem(column: field.column, message: conflict.message(cell: text)))
        }
        return reading.timestamp
    }

    private func dateError(_ text: String, _ field: DatasetMapping.Field) -> String {
        field.formats.isEmpty
            ? "\"\(text)\" is not an ISO 8601 date (give \"formats\" for other spellings)"
            : "\"\(text)\" is not a date in any of the given formats"
    }

    /// Countries by the mapping's `match`; without one, two letters are an alpha-2 code, three
    /// an alpha-3 code, anything else a name.
    private func matchCountry(_ text: String, mode: CountryMatchMode?) -> Country? {
        if let mode { return CountryMatcher.match(text, mode: mode) }
        switch text.count {
        case 2: return CountryMatcher.match(text, mode: .alpha2) ?? CountryMatcher.match(text, mode: .name)
        case 3: return CountryMatcher.match(text, mode: .alpha3) ?? CountryMatcher.match(text, mode: .name)
        default: return CountryMatcher.match(text, mode: .name)
        }
    }

    /// Booleans as spreadsheets write them.
    static func boolean(_ text: String) -> Bool? {
        switch text.lowercased() {
        case "true", "yes", "y", "1", "x": true
        case "false", "no", "n", "0": false
        default: nil
        }
    }
}
