import Charts
import Diagnostics
import OutageData
import SiteModel

extension YAMLReader {
    static let seriesKeys = ["file", "title", "note", "signals", "normalize", "provenance", "source"]
    static let signalKeys = ["label", "unit", "color"]

    /// `series:` entries, or by default every CSV of the bundle in name order. A top-level
    /// `signals:` styles columns of every series; a series' own `signals:` wins. `sourceCount`
    /// is the length of the incident's `sources` list, which a series' `source:` may number.
    mutating func seriesReferences(in fm: YAMLMapping, bundleFiles: [String]?, sourceCount: Int) -> [SeriesReference] {
        let shared = signalStyles(in: fm)
        guard value("series", in: fm) != nil else {
            return (bundleFiles ?? []).filter { $0.lowercased().hasSuffix(".csv") && !$0.contains("/") }.map {
                SeriesReference(file: $0, title: nil, note: nil, signals: shared, normalize: nil,
                                location: SourceLocation(file: file, line: 1, column: 1))
            }
        }
        var references: [SeriesReference] = []
        for item in list("series", in: fm) {
            guard let map = mapping(item, key: "series", known: Self.seriesKeys) else { continue }
            guard let fileNode = value("file", in: map),
                  let name = scalarText(fileNode, key: "file", expected: "a file name") else {
                error("each series needs a \"file\"", at: item)
                continue
            }
            guard let bundleFiles else {
                error("\"series\" needs a bundle: move the incident to <name>/index.md and put \(name) beside it", at: fileNode)
                continue
            }
            guard bundleFiles.contains(name) else {
                let suggestion = nearestName(to: name, in: bundleFiles).map { " (did you mean \"\($0)\"?)" } ?? ""
                error("\"file\" names a file that is not in the bundle: \"\(name)\"\(suggestion)", at: fileNode)
                continue
            }
            var normalize: Normalization?
            if let node = value("normalize", in: map), let mode = scalarText(node, key: "normalize", expected: "none, max or baseline") {
                if let parsed = Normalization(rawValue: mode) {
                    normalize = parsed
                } else {
                    error("\"normalize\" must be one of none, max, baseline: \"\(mode)\"", at: node)
                }
            }
            var provenance = SeriesProvenance.measured
            if let node = value("provenance", in: map), let text = scalarText(node, key: "provenance", expected: "measured or reconstructed") {
                if let parsed = SeriesProvenance(rawValue: text) {
                    provenance = parsed
                } else {
                    error("\"provenance\" must be measured or reconstructed: \"\(text)\"", at: node)
                }
            }
            let own = signalStyles(in: map)
            let merged = own + shared.filter { style in !own.contains { $0.column == style.column } }
            references.append(SeriesReference(file: name, title: string("title", in: map, nonEmpty: true),
                                              note: string("note", in: map, nonEmpty: true), signals: merged,
                                              normalize: normalize, provenance: provenance,
                                              source: seriesSource(in: map, sourceCount: sourceCount),
                                              location: location(of: fileNode)))
        }
        return references
    }

    /// `source:` a number of the incident's `sources` list, or an http(s) URL.
    private mutating func seriesSource(in map: YAMLMapping, sourceCount: Int) -> SeriesSource? {
        guard let node = value("source", in: map),
              let text = scalarText(node, key: "source", expected: "a number from \"sources\" or a URL") else { return nil }
        if let number = Int(text) {
            guard number >= 1, number <= sourceCount else {
                error(sourceCount == 0
                      ? "\"source\" is \(number), but the incident has no \"sources\" list to number; add the source there, or give a URL"
                      : "\"source\" is \(number), but \"sources\" has \(sourceCount) entr\(sourceCount == 1 ? "y" : "ies") (numbered from 1)", at: node)
                return nil
            }
            return .entry(number)
        }
        return parse(node, key: "source", validateHTTPURL).map(SeriesSource.url)
    }

    /// `signals: { column: { label, unit?, color? } }`; a plain string is taken as the label.
    mutating func signalStyles(in mapping: YAMLMapping) -> [SignalStyle] {
        guard let node = value("signals", in: mapping) else { return [] }
        guard let signals = node.mapping else {
            error("\"signals\" must map CSV columns to {label, unit, color}", at: node)
            return []
        }
        var styles: [SignalStyle] = []
        for (key, spec) in signals {
            guard let column = key.scalar?.string else { continue }
            if let label = spec.scalar?.string {
                styles.append(SignalStyle(column: column, label: label, unit: nil, color: nil, location: location(of: key)))
                continue
            }
            guard let map = self.mapping(spec, key: "signals", known: Self.signalKeys) else { continue }
            styles.append(SignalStyle(
                column: column, label: string("label", in: map, nonEmpty: true) ?? column,
                unit: string("unit", in: map, nonEmpty: true), color: string("color", in: map, nonEmpty: true),
                location: location(of: key)))
        }
        return styles
    }
}
