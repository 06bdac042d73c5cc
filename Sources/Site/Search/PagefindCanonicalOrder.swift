import Foundation
import SiteFiles

/// Pagefind 1.5 writes each filter's values, and the list of filters in its metadata file, in
/// the order of a randomly seeded hash map: two runs over the same pages give different filter
/// files, different names for them, and so a different metadata file and pagefind-entry.json.
/// Everything else it writes is the same from run to run. This puts those lists in byte order
/// and names the rewritten files from their contents, so two builds of one site are
/// byte-identical, index included (SPEC §9). Pagefind's reader looks values up by name, so the
/// order does not change what a search finds.
///
/// The files are gzip around "pagefind_dcd" and CBOR. Anything that is not laid out as 1.5
/// lays it out is an error, and the build fails rather than publish an index half rewritten.
enum PagefindCanonicalOrder {
    struct Failure: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }

    static let signature = Array("pagefind_dcd".utf8)

    static func apply(bundle: URL) throws(Failure) {
        let entryURL = bundle.appendingPathComponent("pagefind-entry.json")
        var entry = try read(entryURL)
        // {"version":…,"languages":{"en":{"hash":"en_…",…},…},…}: each language's metadata.
        for metaHash in hashes(in: entry) {
            let metaURL = bundle.appendingPathComponent("pagefind.\(metaHash).pf_meta")
            var meta = CBOR(try payload(of: try read(metaURL), file: metaURL.lastPathComponent))
            // The metadata is an array: version, pages, word chunks, filters, sorts, meta fields.
            let top = try meta.array()
            guard top.count == 6 else { throw Failure("\(metaURL.lastPathComponent): expected 6 parts, found \(top.count)") }
            var filters: [(name: [UInt8], hash: [UInt8])] = []
            var filterReader = CBOR(Array(meta.bytes[top[3]]))
            for pair in try filterReader.array() {
                var item = CBOR(Array(filterReader.bytes[pair]))
                let parts = try item.array()
                guard parts.count == 2 else { throw Failure("\(metaURL.lastPathComponent): a filter is not a name and a hash") }
                let name = try CBOR.text(item.bytes[parts[0]])
                let oldHash = String(decoding: try CBOR.text(item.bytes[parts[1]]), as: UTF8.self)
                let newHash = try canonicalFilter(bundle: bundle, hash: oldHash)
                filters.append((name, Array(newHash.utf8)))
            }
            filters.sort { $0.name.lexicographicallyPrecedes($1.name) }
            var rewritten = CBOR.header(major: 4, count: 6)
            for index in 0..<6 {
                if index == 3 {
                    rewritten += CBOR.header(major: 4, count: filters.count)
                    for filter in filters {
                        rewritten += CBOR.header(major: 4, count: 2) + CBOR.encodeText(filter.name) + CBOR.encodeText(filter.hash)
                    }
                } else {
                    rewritten += meta.bytes[top[index]]
                }
            }
            let newMetaHash = renamed(metaHash, contents: rewritten, hexDigits: 10)
            try write(signature + rewritten, to: bundle.appendingPathComponent("pagefind.\(newMetaHash).pf_meta"), replacing: metaURL)
            entry = replacing(Array("\"\(metaHash)\"".utf8), with: Array("\"\(newMetaHash)\"".utf8), in: entry)
        }
        do {
            try Data(entry).write(to: entryURL)
        } catch {
            throw Failure("cannot write \(entryURL.path): \(error)")
        }
    }

    /// Sorts one filter file's values and writes it under a name from its contents.
    private static func canonicalFilter(bundle: URL, hash: String) throws(Failure) -> String {
        let url = bundle.appendingPathComponent("filter/\(hash).pf_filter")
        var reader = CBOR(try payload(of: try read(url), file: url.lastPathComponent))
        // [name, [[value, [page, …]], …]]
        let top = try reader.array()
        guard top.count == 2 else { throw Failure("\(url.lastPathComponent): expected a name and its values") }
        var values = CBOR(Array(reader.bytes[top[1]]))
        let entries = try values.array()
        var sorted: [(value: [UInt8], bytes: ArraySlice<UInt8>)] = []
        for range in entries {
            var entry = CBOR(Array(values.bytes[range]))
            let parts = try entry.array()
            guard parts.count == 2 else { throw Failure("\(url.lastPathComponent): a value is not text and pages") }
            sorted.append((try CBOR.text(entry.bytes[parts[0]]), values.bytes[range]))
        }
        sorted.sort { $0.value.lexicographicallyPrecedes($1.value) }
        var rewritten = CBOR.header(major: 4, count: 2) + Array(reader.bytes[top[0]]) + CBOR.header(major: 4, count: sorted.count)
        for entry in sorted { rewritten += entry.bytes }
        let newHash = renamed(hash, contents: rewritten, hexDigits: 7)
        try write(signature + rewritten, to: bundle.appendingPathComponent("filter/\(newHash).pf_filter"), replacing: url)
        return newHash
    }

    /// "en_3e20ba8" → "en_" and hex digits of the new contents' fingerprint.
    private static func renamed(_ hash: String, contents: [UInt8], hexDigits: Int) -> String {
        let language = hash.split(separator: "_", maxSplits: 1).first.map(String.init) ?? "x"
        var hasher = Fingerprint.Hasher()
        contents.withUnsafeBytes { hasher.update($0) }
        let print = hasher.finish()
        let hex = String(print.high, radix: 16)
        let padded = String(repeating: "0", count: max(0, 16 - hex.count)) + hex
        return language + "_" + padded.prefix(hexDigits)
    }

    private static func read(_ url: URL) throws(Failure) -> [UInt8] {
        do {
            return [UInt8](try Data(contentsOf: url))
        } catch {
            throw Failure("cannot read \(url.path): \(error)")
        }
    }

    private static func payload(of file: [UInt8], file name: String) throws(Failure) -> [UInt8] {
        let plain: [UInt8]
        do {
            plain = file.starts(with: signature) ? file : try Gzip.decompress(file)
        } catch {
            throw Failure("\(name): \(error)")
        }
        guard plain.starts(with: signature) else { throw Failure("\(name) does not start with Pagefind's signature") }
        return Array(plain.dropFirst(signature.count))
    }

    private static func write(_ plain: [UInt8], to url: URL, replacing old: URL) throws(Failure) {
        // A new name that another of Pagefind's files already has (odds of one in 2^28) would
        // overwrite it before it is read: refused rather than risked.
        if url.path != old.path && FileManager.default.fileExists(atPath: url.path) {
            throw Failure("the reordered \(old.lastPathComponent) would take the name of \(url.lastPathComponent), which Pagefind wrote")
        }
        do {
            try Data(try Gzip.compress(plain)).write(to: url)
            if url.path != old.path { try FileManager.default.removeItem(at: old) }
        } catch {
            throw Failure("cannot write \(url.path): \(error)")
        }
    }

    /// The values of every "hash" key in pagefind-entry.json.
    static func hashes(in entry: [UInt8]) -> [String] {
        guard let json = try? JSONSerialization.jsonObject(with: Data(entry)) as? [String: Any],
              let languages = json["languages"] as? [String: Any] else { return [] }
        return languages.keys.sorted().compactMap { (languages[$0] as? [String: Any])?["hash"] as? String }
    }

    private static func replacing(_ old: [UInt8], with new: [UInt8], in bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        var index = 0
        while index < bytes.count {
            if bytes[index...].starts(with: old) {
                out += new
                index += old.count
            } else {
                out.append(bytes[index])
                index += 1
            }
        }
        return out
    }
}

/// Just enough CBOR (RFC 8949) to find the items of an array and read a text string: definite
/// lengths only, as Pagefind writes them.
struct CBOR {
    let bytes: [UInt8]
    private var position = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// The byte ranges of the items of the array at the start.
    mutating func array() throws(PagefindCanonicalOrder.Failure) -> [Range<Int>] {
        let (major, count) = try head()
        guard major == 4 else { throw .init("expected an array in Pagefind's index, found major type \(major)") }
        var items: [Range<Int>] = []
        for _ in 0..<count {
            let start = position
            try skip()
            items.append(start..<position)
        }
        return items
    }

    /// The contents of a text string item.
    static func text(_ item: ArraySlice<UInt8>) throws(PagefindCanonicalOrder.Failure) -> [UInt8] {
        var reader = CBOR(Array(item))
        let (major, count) = try reader.head()
        guard major == 3, reader.position + count == reader.bytes.count else { throw .init("expected text in Pagefind's index") }
        return Array(reader.bytes[reader.position...])
    }

    private mutating func head() throws(PagefindCanonicalOrder.Failure) -> (major: UInt8, count: Int) {
        guard position < bytes.count else { throw .init("Pagefind's index ends early") }
        let initial = bytes[position]
        position += 1
        let major = initial >> 5, info = initial & 0x1f
        let width: Int
        switch info {
        case 0..<24: return (major, Int(info))
        case 24: width = 1
        case 25: width = 2
        case 26: width = 4
        case 27: width = 8
        default: throw .init("Pagefind's index uses a CBOR form this reader does not know (\(initial))")
        }
        guard position + width <= bytes.count else { throw .init("Pagefind's index ends early") }
        var value: UInt64 = 0
        for byte in bytes[position..<(position + width)] { value = value << 8 | UInt64(byte) }
        position += width
        guard value <= UInt64(bytes.count) || major == 0 || major == 1 || major == 7 else { throw .init("a length in Pagefind's index is too large") }
        return (major, Int(truncatingIfNeeded: value))
    }

    /// Pagefind nests a few levels; a deeper item is not Pagefind's (and would exhaust the stack).
    static let maxDepth = 32

    private mutating func skip(depth: Int = 0) throws(PagefindCanonicalOrder.Failure) {
        guard depth < Self.maxDepth else { throw .init("Pagefind's index nests deeper than \(Self.maxDepth) levels") }
        let (major, count) = try head()
        switch major {
        case 0, 1, 7: break
        case 2, 3:
            guard position + count <= bytes.count else { throw .init("Pagefind's index ends early") }
            position += count
        case 4: for _ in 0..<count { try skip(depth: depth + 1) }
        case 5: for _ in 0..<(2 * count) { try skip(depth: depth + 1) }
        case 6: try skip(depth: depth + 1)
        default: throw .init("unknown CBOR major type \(major)")
        }
    }

    static func header(major: UInt8, count: Int) -> [UInt8] {
        let value = UInt64(count)
        switch value {
        case 0..<24: return [major << 5 | UInt8(value)]
        case 24...0xff: return [major << 5 | 24, UInt8(value)]
        case 0x100...0xffff: return [major << 5 | 25, UInt8(value >> 8), UInt8(value & 0xff)]
        case 0x1_0000...0xffff_ffff: return [major << 5 | 26] + (0..<4).reversed().map { UInt8((value >> ($0 * 8)) & 0xff) }
        default: return [major << 5 | 27] + (0..<8).reversed().map { UInt8((value >> ($0 * 8)) & 0xff) }
        }
    }

    static func encodeText(_ text: [UInt8]) -> [UInt8] { header(major: 3, count: text.count) + text }
}
