import OutageData
import SiteModel

/// incidents.json and each incident's incident.json: the archive as data, for tools.
package enum IncidentJSON {
    /// incident.json (without its final newline): the layout `JSON.bytes()` gives, written
    /// straight into bytes.
    package static func incident(_ incident: Incident, config: SiteConfig) -> [UInt8] {
        let path = SitePaths.incident(incident.slug)
        var json = JSONWriter(indent: 2)
        json.object { json in
            json.field("slug", incident.slug)
            json.field("id", incident.id)
            json.field("title", incident.title)
            json.field("url", config.baseURL + path)
            json.field("path", path)
            json.field("start", incident.start.iso8601)
            json.field("end", incident.end?.iso8601)
            json.field("status", incident.status.rawValue)
            json.field("duration_seconds", incident.durationSeconds)
            json.field("summary", incident.summary)
            json.array("countries") { json in
                for country in incident.countries {
                    json.object { json in
                        json.field("code", country.alpha2)
                        json.field("name", country.name)
                    }
                }
            }
            json.array("regions") { json in for region in incident.regions { json.element(region) } }
            json.array("networks") { json in
                for asn in incident.allASNs {
                    json.object { json in
                        json.field("asn", Int64(asn.value))
                        json.field("name", incident.networkNames[asn])
                    }
                }
            }
            json.array("prefixes") { json in for prefix in incident.prefixes { json.element(prefix.description) } }
            json.array("affected") { json in for affected in incident.affected { json.element(affected) } }
            json.field("scope", incident.scope?.rawValue)
            json.field("cause", incident.cause.rawValue)
            json.field("impact", incident.impact?.rawValue)
            json.array("tags") { json in for tag in incident.tags { json.element(tag.name) } }
            json.field("timezone", incident.timezone?.identifier)
            json.array("timeline") { json in
                for entry in incident.timeline {
                    json.object { json in
                        json.field("at", entry.at.iso8601)
                        json.field("status", entry.status?.rawValue)
                        json.field("text", entry.plainText)
                    }
                }
            }
            json.array("sources") { json in
                for source in incident.sources {
                    json.object { json in
                        json.field("title", source.title)
                        json.field("url", source.url)
                        json.field("publisher", source.publisher)
                        json.field("date", source.date?.iso8601)
                    }
                }
            }
            json.array("series") { json in for series in incident.seriesData { write(series, of: incident, into: &json) } }
            json.field("updated", incident.updated?.iso8601)
            json.array("authors") { json in for author in incident.authors { json.element(author) } }
        }
        return json.bytes
    }

    /// A series and the figures derived from it (SPEC §6).
    private static func write(_ series: SeriesData, of incident: Incident, into json: inout JSONWriter) {
        let time = { (t: Int64) in Timestamp(seconds: t).iso8601 }
        json.object { json in
            json.field("file", series.reference.file)
            json.field("chart", series.svgName)
            json.field("title", series.reference.title)
            json.field("provenance", series.reference.provenance.rawValue)
            // `source`: the link it resolves to, with the entry number when it numbers `sources`.
            if let link = incident.sourceLink(of: series.reference) {
                json.object("source") { json in
                    json.field("title", link.title)
                    json.field("url", link.url)
                    if case .entry(let number) = series.reference.source { json.field("entry", Int64(number)) }
                }
            }
            json.field("rows", Int64(series.rowCount))
            json.field("first", series.firstTime.map(time))
            json.field("last", series.lastTime.map(time))
            json.array("signals") { json in
                for signal in series.signals {
                    let figures = signal.figures
                    json.object { json in
                        json.field("column", signal.column)
                        json.field("label", signal.label)
                        json.field("unit", signal.unit)
                        json.field("baseline", number: figures.baseline)
                        if let lowest = figures.lowest {
                            json.object("lowest") { json in
                                json.field("value", number: lowest.value)
                                json.field("at", time(lowest.time))
                            }
                        }
                        json.field("drop_percent", number: figures.dropPercent)
                        if let window = figures.outageWindow {
                            json.object("outage_window") { json in
                                json.field("start", time(window.start))
                                json.field("end", time(window.end))
                                json.field("duration_seconds", window.end - window.start)
                            }
                        }
                    }
                }
            }
        }
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
