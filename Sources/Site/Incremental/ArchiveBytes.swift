import SiteModel
import SiteRender

/// incidents.json as `serve` holds it, with where each incident's entry starts, so that a patch
/// replaces the entries of the incidents it changed instead of joining 10,000 of them again.
struct ArchiveBytes: Sendable {
    private(set) var bytes: [UInt8] = []
    /// Per incident (graph order): the offset of its entry in `bytes`, and the entry.
    private var starts: [Int] = []
    private var entries: [[UInt8]] = []

    /// The archive of `graph` from each incident's entry (`IncidentJSON.appendEntry`).
    init(_ graph: SiteGraph, entries: [[UInt8]]) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(entries.reduce(4_096) { $0 + $1.count + 2 })
        var starts: [Int] = []
        starts.reserveCapacity(entries.count)
        IncidentJSON.archive(graph, emit: { bytes += $0 }, entry: { index, out in
            // `out` is the piece not yet handed to `emit`: the entry starts after both.
            starts.append(bytes.count + out.count)
            out += entries[index]
        })
        self.bytes = bytes
        self.starts = starts
        self.entries = entries
    }

    /// Replaces incident `index`'s entry.
    mutating func replace(_ index: Int, with entry: [UInt8]) {
        let start = starts[index]
        bytes.replaceSubrange(start..<(start + entries[index].count), with: entry)
        let shift = entry.count - entries[index].count
        if shift != 0 {
            for later in (index + 1)..<starts.count { starts[later] += shift }
        }
        entries[index] = entry
    }
}
