#if BLACKOUT_FUZZ
import Diagnostics
import Foundation
@testable import SiteFiles
@testable import SiteLoad
@testable import SiteModel

/// Fixed dataset mappings (parsed once by DatasetMapping.parse, as a build does) and the row
/// mapping both dataset targets share: every record of the table goes through RowMapper.
enum DatasetFuzz {
    /// outages.yml of the datasets fixture site, with `end` from formatted dates.
    static let csvWithEnd = """
        source: t.csv
        id: "{Outage ID}"
        title: "{Country}: {Type} outage"
        fields:
          start: { column: Begin time, formats: ["EEEE, MMMM d, yyyy, h:mm:ss a", "M/d/yyyy H:mm:ss", "M/d/yyyy"], timezone: UTC }
          end: { column: End time, formats: ["EEEE, MMMM d, yyyy, h:mm:ss a", "M/d/yyyy H:mm:ss"], timezone: America/New_York }
          countries: { column: Country, match: name }
          cause: { column: Cause, map: { Government-Ordered: government-ordered, Cable-Cut: cable-cut, "*": unknown } }
          scope: { column: Type, map: { Full: national, Mobile: network, Social: service } }
          asns: { column: AS, split: "," }
          summary: { column: Notes, strip_html: true }
          sources: { column: Link }
          draft: { column: Verified }
          tags: { value: [dataset, messy] }
        on_invalid_row: skip
        """

    /// The other options: `duration`, ISO times, alpha codes, split regions and prefixes.
    static let csvWithDuration = """
        source: t.csv
        title: "{Country} ({Region}) {{shutdown}}"
        fields:
          start: { column: Begin time }
          duration: { column: Hours, unit: hours }
          countries: { column: Country, split: ";", match: alpha3 }
          regions: { column: Region, split: ";" }
          prefixes: { column: Prefixes, split: " " }
          status: { column: Status }
          impact: { column: Impact }
          timezone: { column: Zone }
          updated: { column: Updated, formats: ["yyyy-MM-dd'T'HH:mm:ssXXX", "d MMM yy"] }
          affected: { column: Affected, split: "|", strip_html: true }
          authors: { value: [fuzz] }
        """

    /// radar.yml of the datasets fixture site, with a few more fields.
    static let json = """
        source: t.json
        id: "{id}"
        title: "Outage in {locations}"
        fields:
          start: { column: startDate }
          end: { column: endDate }
          countries: { column: locations, match: alpha2 }
          cause: { column: "outage:cause", map: { POWER_OUTAGE: power-outage, GOVERNMENT_DIRECTED: government-ordered, CABLE_CUT: cable-cut } }
          asns: { column: asns }
          prefixes: { column: prefixes }
          sources: { column: links }
          summary: { column: description, strip_html: true }
          draft: { column: verified, map: { "true": "false", "false": "true" } }
          tags: { value: radar }
        on_invalid_row: skip
        """

    static let directory: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("blackout-fuzz-\(getpid())")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        for name in ["t.csv", "t.json"] {
            _ = FileManager.default.createFile(atPath: url.appendingPathComponent(name).path, contents: Data())
        }
        return url
    }()

    static func mapper(_ yaml: String, kind: Table.Kind) -> RowMapper {
        var reader = YAMLReader(file: "content/datasets/t.yml")
        let mapping = DatasetMapping.parse(yaml, file: "content/datasets/t.yml", name: "t", directory: directory, reader: &reader)
        guard let mapping, reader.diagnostics.isEmpty else {
            fatalError("the fuzz mapping does not parse: \(reader.diagnostics)")
        }
        return RowMapper(mapping: mapping, tableKind: kind)
    }

    static let csvMappers = [mapper(csvWithEnd, kind: .csv), mapper(csvWithDuration, kind: .csv)]
    static let jsonMappers = [mapper(json, kind: .json)]

    /// Maps every record, checking what SPEC §5 promises of each outcome.
    static func mapRows(_ table: Table, with mappers: [RowMapper]) {
        for mapper in mappers {
            for record in table.records {
                _ = mapper.rowLocation(record)
                switch mapper.map(record) {
                case .invalid(let problem, _):
                    check(!problem.message.isEmpty, "an invalid row without a reason")
                case .incident(let incident, _):
                    check(!incident.title.isEmpty, "an incident with an empty title")
                    check(!incident.slug.isEmpty, "an incident with an empty slug")
                    if let end = incident.end {
                        check(Incident.effectiveEnd(end) >= incident.start.seconds, "end before start was kept")
                        _ = end.iso8601
                    }
                    _ = incident.start.iso8601
                    _ = incident.updated?.iso8601
                }
            }
        }
    }
}

/// A CSV table's bytes as DatasetLoader reads them: TextFile.decode, CSVTable.read, then the
/// row mapping.
enum DatasetCSVFuzz {
    static func run(_ bytes: [UInt8]) {
        switch TextFile.decode(Data(bytes), displayPath: "content/datasets/t.csv") {
        case .failure:
            return
        case .success(let text):
            switch CSVTable.read(text) {
            case .failure(let failure):
                check(failure.line >= 1, "a CSV failure at line \(failure.line)")
            case .success(let table):
                check(Set(table.columns).count == table.columns.count, "duplicate column names were accepted")
                DatasetFuzz.mapRows(table, with: DatasetFuzz.csvMappers)
            }
        }
    }
}

/// A JSON table's bytes as DatasetLoader reads them (JSONTable.read straight from the data,
/// with and without `records:`), then the row mapping.
enum DatasetJSONFuzz {
    static func run(_ bytes: [UInt8]) {
        let data = Data(bytes)
        for key in [nil, "annotations"] as [String?] {
            if case .success(let table) = JSONTable.read(data, recordsKey: key) {
                DatasetFuzz.mapRows(table, with: DatasetFuzz.jsonMappers)
            }
        }
    }
}
#endif
