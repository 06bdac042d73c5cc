import Charts
import Foundation
import SiteFiles
import SiteModel

/// What reading one series CSV gives before the incident's styles are applied: the header's
/// signal columns, the row count and time span, and each drawn signal's reduced points and
/// figures. The series cache stores exactly this.
package struct ReducedSeries: Sendable {
    var columns: [String]
    var rows: Int
    var first: Int64?
    var last: Int64?
    var signals: [(points: PackedPoints, figures: SignalFigures)]
}

/// Where reduced series are kept between builds, found by `SeriesCache.key`.
package protocol ReducedSeriesStore: Sendable {
    func reduced(for key: [UInt8]) -> ReducedSeries?
}

/// The reduced series of the last build, kept beside the output (`.public.blackout-series`),
/// so that a rebuild reads only the CSV files that changed: a site with a 2,000-row series per
/// incident spends most of its build parsing CSV otherwise.
///
/// An entry is found by its key: the CSV's path and identity as `stat` saw it before it was
/// read (device, inode, size, modification and change times to the nanosecond), and everything
/// the reduction depends on (`charts.max_points`, the signals a chart draws, the incident's
/// start and end, this format's version). Editing, replacing or touching the file changes the
/// key, and the file is read again. Only series read without an issue are kept, so diagnostics
/// are never skipped: warnings that depend on the header are made again from the stored columns.
/// Each entry carries a fingerprint of its bytes; a damaged or foreign file is ignored.
///
/// The file: entries one after another, then the index (key, offset, length, fingerprint per
/// entry), then the index's offset and entry count and the magic text.
package final class SeriesCache: ReducedSeriesStore {
    static let magic = Array("blackout series cache 1\n".utf8)
    private struct Slot: Sendable {
        var offset: Int
        var length: Int
        var fingerprint: Fingerprint
    }
    private let descriptor: Int32
    private let index: [[UInt8]: Slot]

    /// Opens the cache at `path`; an empty cache when there is none or it cannot be used.
    package init(path: String) {
        var index: [[UInt8]: Slot] = [:]
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        var info = stat()
        let trailer = 16 + Self.magic.count
        if descriptor >= 0, fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, Int(info.st_size) >= trailer {
            let size = Int(info.st_size)
            if let tail = Self.readBytes(descriptor, at: size - trailer, count: trailer), tail.suffix(Self.magic.count).elementsEqual(Self.magic) {
                var reader = ByteReader(tail)
                if let indexOffset = reader.integer().map(Int.init), let count = reader.integer(),
                   indexOffset >= 0, indexOffset <= size - trailer,
                   let bytes = Self.readBytes(descriptor, at: indexOffset, count: size - trailer - indexOffset) {
                    var reader = ByteReader(bytes)
                    for _ in 0..<min(count, UInt64(bytes.count)) {
                        guard let key = reader.bytes(), let offset = reader.integer(), let length = reader.integer(),
                              let low = reader.integer(), let high = reader.integer(),
                              offset <= UInt64(indexOffset), length <= UInt64(indexOffset) - offset else { break }
                        index[key] = Slot(offset: Int(offset), length: Int(length), fingerprint: Fingerprint(low: low, high: high))
                    }
                }
            }
        }
        self.descriptor = descriptor
        self.index = index
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }

    /// Every key the cache holds (for tests).
    var keys: [[UInt8]] { Array(index.keys) }

    /// The key of a series read from `path`, whose status before reading is `info`.
    static func key(path: String, info: stat, maxPoints: Int, start: Int64, end: Int64?) -> [UInt8] {
        var writer = ByteWriter()
        for value in [UInt64(1), UInt64(maxPoints), UInt64(ChartLimits.maximumSignals), UInt64(bitPattern: start),
                      end == nil ? 0 : 1, UInt64(bitPattern: end ?? 0),
                      UInt64(info.st_dev), UInt64(info.st_ino), UInt64(bitPattern: Int64(info.st_size)),
                      UInt64(bitPattern: Int64(info.st_mtim.tv_sec)), UInt64(bitPattern: Int64(info.st_mtim.tv_nsec)),
                      UInt64(bitPattern: Int64(info.st_ctim.tv_sec)), UInt64(bitPattern: Int64(info.st_ctim.tv_nsec))] {
            writer.integer(value)
        }
        writer.bytes(Array(path.utf8))
        return writer.output
    }

    /// The entry for `key`, when the cache has it whole.
    package func reduced(for key: [UInt8]) -> ReducedSeries? {
        guard let slot = index[key], let bytes = Self.readBytes(descriptor, at: slot.offset, count: slot.length),
              bytes.withUnsafeBytes({ Fingerprint($0) }) == slot.fingerprint else { return nil }
        return Self.decode(bytes)
    }

    /// Writes the cache for the series a build read, replacing the one at `path` (through a
    /// temporary file and a rename). A failure leaves no cache, which only costs reading.
    package static func write(to path: String, _ entries: [(key: [UInt8], series: ReducedSeries)]) {
        let temporary = path + ".new"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0o644)
        guard descriptor >= 0 else { return }
        var failed = false
        var offset = 0
        var index = ByteWriter()
        for (key, series) in entries {
            let payload = encode(series)
            let fingerprint = payload.withUnsafeBytes { Fingerprint($0) }
            failed = failed || !writeAll(descriptor, payload)
            index.bytes(key)
            for value in [UInt64(offset), UInt64(payload.count), fingerprint.low, fingerprint.high] { index.integer(value) }
            offset += payload.count
        }
        index.integer(UInt64(offset))
        index.integer(UInt64(entries.count))
        failed = failed || !writeAll(descriptor, index.output + magic)
        if close(descriptor) != 0 || failed || rename(temporary, path) != 0 {
            unlink(temporary)
            unlink(path)
        }
    }

    static func encode(_ series: ReducedSeries) -> [UInt8] {
        var writer = ByteWriter()
        writer.integer(UInt64(series.columns.count))
        for column in series.columns { writer.bytes(Array(column.utf8)) }
        writer.integer(UInt64(series.rows))
        writer.optional(series.first.map { UInt64(bitPattern: $0) })
        writer.optional(series.last.map { UInt64(bitPattern: $0) })
        writer.integer(UInt64(series.signals.count))
        for (points, figures) in series.signals {
            writer.integer(UInt64(points.count))
            writer.bytes(points.packed)
            writer.optional(figures.baseline?.bitPattern)
            writer.optional(figures.lowest.map { $0.value.bitPattern })
            writer.integer(UInt64(bitPattern: figures.lowest?.time ?? 0))
            writer.optional(figures.dropPercent?.bitPattern)
            writer.optional(figures.outageWindow.map { UInt64(bitPattern: $0.start) })
            writer.integer(UInt64(bitPattern: figures.outageWindow?.end ?? 0))
        }
        return writer.output
    }

    static func decode(_ bytes: [UInt8]) -> ReducedSeries? {
        var reader = ByteReader(bytes)
        guard let columnCount = reader.integer(), columnCount <= UInt64(bytes.count) else { return nil }
        var columns: [String] = []
        for _ in 0..<columnCount {
            guard let column = reader.bytes() else { return nil }
            columns.append(String(decoding: column, as: UTF8.self))
        }
        guard let rows = reader.integer(), let first = reader.optional(), let last = reader.optional(),
              let signalCount = reader.integer(), signalCount <= UInt64(bytes.count) else { return nil }
        var signals: [(points: PackedPoints, figures: SignalFigures)] = []
        for _ in 0..<signalCount {
            guard let count = reader.integer(), let packed = reader.bytes(), count <= UInt64(packed.count),
                  let baseline = reader.optional(), let lowest = reader.optional(), let lowestTime = reader.integer(),
                  let drop = reader.optional(), let windowStart = reader.optional(), let windowEnd = reader.integer()
            else { return nil }
            let figures = SignalFigures(
                baseline: baseline.map { Double(bitPattern: $0) },
                lowest: lowest.map { (Double(bitPattern: $0), Int64(bitPattern: lowestTime)) },
                dropPercent: drop.map { Double(bitPattern: $0) },
                outageWindow: windowStart.map { (Int64(bitPattern: $0), Int64(bitPattern: windowEnd)) })
            signals.append((PackedPoints(packed: packed, count: Int(count)), figures))
        }
        guard reader.isAtEnd, rows <= UInt64(Int.max) else { return nil }
        return ReducedSeries(columns: columns, rows: Int(rows), first: first.map { Int64(bitPattern: $0) },
                             last: last.map { Int64(bitPattern: $0) }, signals: signals)
    }

    private static func readBytes(_ descriptor: Int32, at offset: Int, count: Int) -> [UInt8]? {
        guard descriptor >= 0, count >= 0 else { return nil }
        var bytes = [UInt8](repeating: 0, count: count)
        var filled = 0
        while filled < count {
            let read = bytes.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress.map { $0 + filled }, count - filled, off_t(offset + filled)) }
            if read < 0 && errno == EINTR { continue }
            guard read > 0 else { return nil }
            filled += read
        }
        return bytes
    }

    private static func writeAll(_ descriptor: Int32, _ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { SiteFiles.writeAll(descriptor, $0) == 0 }
    }
}

/// Little-endian integers and length-prefixed bytes, for the cache's file.
private struct ByteWriter {
    var output: [UInt8] = []

    mutating func integer(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { output.append(contentsOf: $0) }
    }

    mutating func bytes(_ value: [UInt8]) {
        integer(UInt64(value.count))
        output.append(contentsOf: value)
    }

    /// A presence flag, then the value (0 when absent).
    mutating func optional(_ value: UInt64?) {
        integer(value == nil ? 0 : 1)
        integer(value ?? 0)
    }
}

/// Reads what `ByteWriter` wrote; nil, never a trap, past the end.
private struct ByteReader {
    let input: [UInt8]
    var position = 0

    init(_ input: [UInt8]) { self.input = input }

    var isAtEnd: Bool { position == input.count }

    mutating func integer() -> UInt64? {
        guard input.count - position >= 8 else { return nil }
        var value: UInt64 = 0
        for index in 0..<8 { value |= UInt64(input[position + index]) << (8 * UInt64(index)) }
        position += 8
        return value
    }

    mutating func bytes() -> [UInt8]? {
        guard let count = integer(), count <= UInt64(input.count - position) else { return nil }
        defer { position += Int(count) }
        return Array(input[position..<(position + Int(count))])
    }

    /// `.some(nil)` for an absent value, nil when the input ends.
    mutating func optional() -> UInt64?? {
        guard let flag = integer(), let value = integer(), flag <= 1 else { return nil }
        return .some(flag == 1 ? value : nil)
    }
}
