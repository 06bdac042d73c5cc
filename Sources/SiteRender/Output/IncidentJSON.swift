import OutageData
import SiteModel

/// incidents.json and each incident's incident.json: the archive as data, for tools.
package enum IncidentJSON {
    package static func incident(_ incident: Incident, config: SiteConfig) -> JSON {
        let path = SitePaths.incident(incident.slug)
        return .object([
            ("slug", .string(incident.slug)),
            ("id", JSON.string(incident.id)),
            ("title", .string(incident.title)),
            ("url", .string(config.baseURL + path)),
            ("path", .string(path)),
            ("start", .string(incident.start.iso8601)),
            ("end", JSON.string(incident.end?.iso8601)),
            ("status", .string(incident.status.rawValue)),
            ("duration_seconds", incident.durationSeconds.map(JSON.int)),
            ("summary", .string(incident.summary)),
            ("countries", .array(incident.countries.map { .object([("code", .string($0.alpha2)), ("name", .string($0.name))]) })),
            ("regions", .array(incident.regions.map(JSON.string))),
            ("networks", .array(incident.allASNs.map { asn in
                .object([("asn", .int(Int64(asn.value))), ("name", JSON.string(incident.networkNames[asn]))])
            })),
            ("prefixes", .array(incident.prefixes.map { .string($0.description) })),
            ("affected", .array(incident.affected.map(JSON.string))),
            ("scope", JSON.string(incident.scope?.rawValue)),
            ("cause", .string(incident.cause.rawValue)),
            ("impact", JSON.string(incident.impact?.rawValue)),
            ("tags", .array(incident.tags.map { .string($0.name) })),
            ("timezone", JSON.string(incident.timezone?.identifier)),
            ("timeline", .array(incident.timeline.map { entry in
                .object([("at", .string(entry.at.iso8601)), ("status", JSON.string(entry.status?.rawValue)), ("text", .string(entry.plainText))])
            })),
            ("sources", .array(incident.sources.map { source in
                .object([("title", .string(source.title)), ("url", .string(source.url)),
                         ("publisher", JSON.string(source.publisher)), ("date", JSON.string(source.date?.iso8601))])
            })),
            ("series", .array(incident.seriesData.map { series($0, of: incident) })),
            ("updated", JSON.string(incident.updated?.iso8601)),
            ("authors", .array(incident.authors.map(JSON.string))),
        ])
    }

    /// A series and the figures derived from it (SPEC §6).
    static func series(_ series: SeriesData, of incident: Incident) -> JSON {
        let time = { (t: Int64) in JSON.string(Timestamp(seconds: t).iso8601) }
        // `source`: the link it resolves to, with the entry number when it numbers `sources`.
        let source: JSON? = incident.sourceLink(of: series.reference).map { link in
            var fields: [(String, JSON?)] = [("title", .string(link.title)), ("url", .string(link.url))]
            if case .entry(let number) = series.reference.source { fields.append(("entry", .int(Int64(number)))) }
            return .object(fields)
        }
        let signals: [JSON] = series.signals.map { signal in
            let f = signal.figures
            return .object([
                ("column", .string(signal.column)),
                ("label", .string(signal.label)),
                ("unit", JSON.string(signal.unit)),
                ("baseline", f.baseline.map(JSON.number)),
                ("lowest", f.lowest.map { .object([("value", .number($0.value)), ("at", time($0.time))]) }),
                ("drop_percent", f.dropPercent.map(JSON.number)),
                ("outage_window", f.outageWindow.map {
                    .object([("start", time($0.start)), ("end", time($0.end)), ("duration_seconds", .int($0.end - $0.start))])
                }),
            ])
        }
        let head: [(String, JSON?)] = [
            ("file", .string(series.reference.file)),
            ("chart", .string(series.svgName)),
            ("title", JSON.string(series.reference.title)),
            ("provenance", .string(series.reference.provenance.rawValue)),
            ("source", source),
        ]
        return .object(head + [
            ("rows", .int(Int64(series.rowCount))),
            ("first", series.firstTime.map(time)),
            ("last", series.lastTime.map(time)),
            ("signals", .array(signals)),
        ])
    }

    /// incidents.json from each incident's incident.json (`json(index)`, in the graph's order):
    /// the text the whole archive as one JSON tree would give, each incident indented into the
    /// list, and the file's final newline, handed to `emit` in pieces of about 256 KiB. It is
    /// the largest file of a site (65 MB at 50,000 incidents), so it is never held whole.
    package static func archive(_ graph: SiteGraph, emit: ([UInt8]) -> Void, json: (Int) -> [UInt8]) {
        archive(graph, emit: emit) { index, out in appendEntry(json(index), to: &out) }
    }

    /// The same, with each incident's entry appended by `entry` (`serve` keeps them made).
    package static func archive(_ graph: SiteGraph, emit: ([UInt8]) -> Void, entry: (Int, inout [UInt8]) -> Void) {
        let count = graph.incidents.count
        var head = JSON.object([
            ("title", .string(graph.config.title)),
            ("url", .string(graph.config.baseURL)),
            ("count", .int(Int64(graph.incidents.count))),
            ("incidents", .array([])),
        ]).bytes()
        guard count > 0 else {
            emit(head + [0x0A])
            return
        }
        // `{ … "incidents": [] }`: open the list where "[]" stands and fill it.
        head.removeLast("[]\n}".utf8.count)
        let pieceSize = 1 << 18
        var out = head
        out.reserveCapacity(pieceSize + pieceSize / 2)
        out.append(contentsOf: "[\n".utf8)
        for index in 0..<count {
            entry(index, &out)
            out.append(contentsOf: (index < count - 1 ? ",\n" : "\n").utf8)
            if out.count >= pieceSize {
                emit(out)
                out.removeAll(keepingCapacity: true)
            }
        }
        out.append(contentsOf: "  ]\n}\n".utf8)
        emit(out)
    }

    /// One incident's JSON as an entry of the archive's list: every line indented by four spaces.
    package static func appendEntry(_ json: [UInt8], to out: inout [UInt8]) {
        let newline = UInt8(ascii: "\n")
        let indent = "    ".utf8
        out.append(contentsOf: indent)
        // Strings hold no raw newline (JSON escapes it), so every newline starts a line.
        var start = 0
        while let end = json[start...].firstIndex(of: newline) {
            out.append(contentsOf: json[start...end])
            out.append(contentsOf: indent)
            start = end + 1
        }
        out.append(contentsOf: json[start...])
    }
}
