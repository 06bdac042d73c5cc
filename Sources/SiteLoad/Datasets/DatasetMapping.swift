import Diagnostics
import Foundation
import OutageData

/// content/datasets/<name>.yml: how a table's rows become incidents (SPEC §5).
struct DatasetMapping: Sendable {
    enum InvalidRowPolicy: String, Sendable { case error, skip }
    enum DurationUnit: String, Sendable, CaseIterable {
        case seconds, minutes, hours, days
        var seconds: Double {
            switch self {
            case .seconds: 1
            case .minutes: 60
            case .hours: 3600
            case .days: 86_400
            }
        }
    }

    /// Where one target field's value comes from.
    struct Field: Sendable {
        var target: String
        var column: String?
        var constant: TableValue?
        var formats: [DatePattern] = []
        var zone: Zone?
        var map: [String: String] = [:]
        var mapDefault: String?
        var split: String?
        var match: CountryMatchMode?
        var stripHTML = false
        var unit: DurationUnit?
        /// Where the field (and its column name) was written, for mapping errors.
        var location: SourceLocation
        var columnLocation: SourceLocation
    }

    var name: String
    var file: String
    /// Path of the table relative to the site, as diagnostics print it.
    var sourcePath: String
    var sourceURL: URL
    var sourceLocation: SourceLocation
    var recordsKey: String?
    var id: (template: FieldTemplate, location: SourceLocation)?
    var title: (template: FieldTemplate, location: SourceLocation)
    var fields: [String: Field]
    var onInvalidRow: InvalidRowPolicy

    static let knownKeys = ["source", "records", "id", "title", "fields", "on_invalid_row"]
    static let fieldKeys = ["column", "value", "formats", "timezone", "map", "split", "match", "strip_html", "unit"]
    static let targets = [
        "start", "end", "duration", "status", "summary", "countries", "regions", "asns", "prefixes", "affected",
        "scope", "cause", "impact", "tags", "timezone", "sources", "updated", "authors", "draft",
    ]

    /// Parses the mapping; nil with diagnostics when it cannot be used.
    static func parse(_ yaml: String, file: String, name: String, directory: URL, reader: inout YAMLReader) -> DatasetMapping? {
        guard let map = reader.parseMapping(yaml) else { return nil }
        reader.checkKeys(map, known: knownKeys)
        guard let sourceNode = reader.value("source", in: map),
              let source = reader.scalarText(sourceNode, key: "source", expected: "a file name") else {
            reader.error("missing required key \"source\" (the table's file name, beside this mapping)", at: reader.documentStart)
            return nil
        }
        let sourceURL = directory.appendingPathComponent(source)
        guard !source.contains(".."), FileManager.default.fileExists(atPath: sourceURL.path) else {
            reader.error("\"source\" names a file that does not exist: \"\(source)\"", at: sourceNode)
            return nil
        }
        let title: (FieldTemplate, SourceLocation)? = template("title", in: map, reader: &reader, required: true)
        let id: (FieldTemplate, SourceLocation)? = template("id", in: map, reader: &reader, required: false)
        var policy = InvalidRowPolicy.error
        if let node = reader.value("on_invalid_row", in: map), let text = reader.scalarText(node, key: "on_invalid_row", expected: "error or skip") {
            if let parsed = InvalidRowPolicy(rawValue: text) { policy = parsed } else {
                reader.error("\"on_invalid_row\" must be one of error, skip: \"\(text)\"", at: node)
            }
        }
        var fields: [String: Field] = [:]
        if let fieldsNode = reader.value("fields", in: map) {
            if let fieldMap = fieldsNode.mapping {
                for (key, spec) in fieldMap {
                    guard let target = key.scalar?.string else { continue }
                    guard targets.contains(target) else {
                        let hint = nearestName(to: target, in: targets).map { " (did you mean \"\($0)\"?)" } ?? ""
                        reader.error("\"\(target)\" is not an incident field a dataset can fill\(hint)", at: key)
                        continue
                    }
                    if let field = Self.field(target, spec, at: reader.location(of: key), reader: &reader) { fields[target] = field }
                }
            } else {
                reader.error("\"fields\" must map incident fields to where their values come from", at: fieldsNode)
            }
        }
        if fields["start"] == nil {
            reader.error("\"fields\" needs \"start\": every incident has a start", at: reader.value("fields", in: map).map { reader.location(of: $0) } ?? reader.documentStart)
        }
        if fields["end"] != nil, let duration = fields["duration"] {
            reader.error("give \"end\" or \"duration\", not both", at: duration.location)
        }
        guard let title else { return nil }
        let directoryPath = String(file.dropLast(file.split(separator: "/").last.map { $0.count } ?? 0))
        return DatasetMapping(
            name: name, file: file, sourcePath: directoryPath + source, sourceURL: sourceURL,
            sourceLocation: reader.location(of: sourceNode), recordsKey: reader.string("records", in: map, nonEmpty: true),
            id: id.map { (template: $0.0, location: $0.1) }, title: (template: title.0, location: title.1),
            fields: fields, onInvalidRow: policy)
    }

    private static func template(_ key: String, in map: YAMLMapping, reader: inout YAMLReader, required: Bool) -> (FieldTemplate, SourceLocation)? {
        guard let node = reader.value(key, in: map) else {
            if required { reader.error("missing required key \"\(key)\" (a template such as \"{Country} outage\")", at: reader.documentStart) }
            return nil
        }
        guard let text = reader.scalarText(node, key: key, expected: "a template") else { return nil }
        do {
            return (try FieldTemplate(text), reader.location(of: node))
        } catch {
            reader.error("\"\(key)\" \(error.message)", at: node)
            return nil
        }
    }

    private static func field(_ target: String, _ node: YAMLNode, at location: SourceLocation, reader: inout YAMLReader) -> Field? {
        // A bare string is shorthand for { column: … }.
        if let column = node.scalar?.string {
            return Field(target: target, column: column, location: location, columnLocation: reader.location(of: node))
        }
        guard let spec = reader.mapping(node, key: target, known: fieldKeys) else { return nil }
        var field = Field(target: target, location: location, columnLocation: location)
        if let columnNode = reader.value("column", in: spec) {
            field.column = reader.scalarText(columnNode, key: "column", expected: "a column name")
            field.columnLocation = reader.location(of: columnNode)
        }
        if let valueNode = reader.value("value", in: spec) {
            if let list = valueNode.sequence {
                field.constant = .list(list.compactMap { $0.scalar?.string })
            } else if let text = valueNode.scalar?.string {
                field.constant = .text(text)
            } else {
                reader.error("\"value\" must be a value or a list of values", at: valueNode)
            }
        }
        if (field.column == nil) == (field.constant == nil) {
            reader.error("\"\(target)\" needs either \"column\" or \"value\"", at: location)
            return nil
        }
        for formatNode in reader.list("formats", in: spec) {
            guard let text = reader.scalarText(formatNode, key: "formats", expected: "a list of date patterns") else { continue }
            do {
                field.formats.append(try DatePattern(text))
            } catch {
                reader.error("\"formats\" \(error.message)", at: formatNode)
            }
        }
        if let zoneNode = reader.value("timezone", in: spec), let text = reader.scalarText(zoneNode, key: "timezone", expected: "an IANA time zone") {
            if let zone = Zone(identifier: text) { field.zone = zone } else {
                reader.error("\"timezone\" is not an IANA time zone: \"\(text)\"", at: zoneNode)
            }
        }
        if let mapNode = reader.value("map", in: spec) {
            if let entries = mapNode.mapping {
                for (key, value) in entries {
                    guard let from = key.scalar?.string, let to = value.scalar?.string else {
                        reader.error("\"map\" entries must map a cell value to a value", at: key)
                        continue
                    }
                    if from == "*" { field.mapDefault = to } else { field.map[from] = to }
                }
            } else {
                reader.error("\"map\" must map cell values to values, with \"*\" for the rest", at: mapNode)
            }
        }
        field.split = reader.string("split", in: spec)
        if let matchNode = reader.value("match", in: spec), let text = reader.scalarText(matchNode, key: "match", expected: "name, alpha2 or alpha3") {
            if let mode = CountryMatchMode(rawValue: text) { field.match = mode } else {
                reader.error("\"match\" must be one of name, alpha2, alpha3: \"\(text)\"", at: matchNode)
            }
        }
        field.stripHTML = reader.bool("strip_html", in: spec) ?? false
        if let unitNode = reader.value("unit", in: spec), let text = reader.scalarText(unitNode, key: "unit", expected: "a unit") {
            if let unit = DurationUnit(rawValue: text) { field.unit = unit } else {
                reader.error("\"unit\" must be one of seconds, minutes, hours, days: \"\(text)\"", at: unitNode)
            }
        }
        if target == "duration" && field.unit == nil {
            reader.error("\"duration\" needs a \"unit\": seconds, minutes, hours or days", at: location)
        }
        return field
    }
}
