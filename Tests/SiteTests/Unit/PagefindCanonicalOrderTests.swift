import Foundation
import Testing
@testable import Site

/// The rewrite that makes Pagefind's index reproducible, on small bundles written here in
/// Pagefind 1.5's layout (the end-to-end check, with Pagefind itself, is in SearchTests).
@Suite struct PagefindCanonicalOrderTests {
    func text(_ string: String) -> [UInt8] { CBOR.encodeText(Array(string.utf8)) }
    func array(_ items: [[UInt8]]) -> [UInt8] { CBOR.header(major: 4, count: items.count) + items.flatMap { $0 } }
    func number(_ value: Int) -> [UInt8] { CBOR.header(major: 0, count: value) }

    /// A filter chunk: [name, [[value, [page, …]], …]] with the values in the order given.
    func filter(_ name: String, _ values: [(String, [Int])]) -> [UInt8] {
        array([text(name), array(values.map { array([text($0.0), array($0.1.map(number))]) })])
    }

    /// Writes a bundle with two filters, their values and the filters' list in the given orders.
    func bundle(in folder: URL, reversed: Bool) throws {
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("filter"), withIntermediateDirectories: true)
        var countries = [("Iran", [0]), ("Sudan", [1, 2]), ("Egypt", [3])]
        var years = [("2019", [0]), ("2024", [1, 3]), ("2021", [2])]
        if reversed { countries.reverse(); years.reverse() }
        // Pagefind names files from their contents: different orders, different names.
        let countryHash = reversed ? "en_1111111" : "en_2222222", yearHash = reversed ? "en_3333333" : "en_4444444"
        let metaHash = reversed ? "en_5555555555" : "en_6666666666"
        func write(_ plain: [UInt8], _ path: String) throws {
            try Data(try Gzip.compress(PagefindCanonicalOrder.signature + plain)).write(to: folder.appendingPathComponent(path))
        }
        try write(filter("country", countries), "filter/\(countryHash).pf_filter")
        try write(filter("year", years), "filter/\(yearHash).pf_filter")
        var filters = [array([text("year"), text(yearHash)]), array([text("country"), text(countryHash)])]
        if reversed { filters.reverse() }
        let meta = array([text("1.5.2"), array([array([text("en_abc"), number(4)])]), array([]), array(filters),
                          array([array([text("start"), array([number(1), number(0)])])]), array([text("title")])])
        try write(meta, "pagefind.\(metaHash).pf_meta")
        try Data("{\"version\":\"1.5.2\",\"languages\":{\"en\":{\"hash\":\"\(metaHash)\",\"wasm\":\"en\",\"page_count\":4}}}".utf8)
            .write(to: folder.appendingPathComponent("pagefind-entry.json"))
    }

    func files(_ folder: URL) -> [String: Data] {
        var out: [String: Data] = [:]
        for path in (FileManager.default.enumerator(atPath: folder.path)?.compactMap { $0 as? String } ?? []) {
            let url = folder.appendingPathComponent(path)
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue {
                out[path] = try? Data(contentsOf: url)
            }
        }
        return out
    }

    @Test func twoOrdersOfTheSameIndexBecomeTheSameBytes() throws {
        let temp = try TempFolder()
        let one = temp.url.appendingPathComponent("one"), two = temp.url.appendingPathComponent("two")
        try bundle(in: one, reversed: false)
        try bundle(in: two, reversed: true)
        #expect(files(one) != files(two))
        try PagefindCanonicalOrder.apply(bundle: one)
        try PagefindCanonicalOrder.apply(bundle: two)
        let a = files(one), b = files(two)
        #expect(a == b)
        #expect(a.keys.filter { $0.hasPrefix("filter/") }.count == 2 && a.keys.filter { $0.hasSuffix(".pf_meta") }.count == 1)
        #expect(!a.keys.contains("filter/en_2222222.pf_filter"), "the rewritten chunk keeps Pagefind's name")

        // The values are in byte order, the filters by name, and the entry names the new metadata.
        let entry = String(decoding: try #require(a["pagefind-entry.json"]), as: UTF8.self)
        let metaHash = try #require(PagefindCanonicalOrder.hashes(in: Array(entry.utf8)).first)
        let meta = try Gzip.decompress([UInt8](try #require(a["pagefind.\(metaHash).pf_meta"])))
        let metaText = String(decoding: meta, as: UTF8.self)
        let country = try #require(metaText.range(of: "country")), year = try #require(metaText.range(of: "year"))
        #expect(country.lowerBound < year.lowerBound)
        let chunkName = try #require(a.keys.first { $0.hasPrefix("filter/") && String(decoding: (try? Gzip.decompress(a[$0].map { [UInt8]($0) } ?? [])) ?? [], as: UTF8.self).contains("Sudan") })
        let chunk = String(decoding: try Gzip.decompress([UInt8](try #require(a[chunkName]))), as: UTF8.self)
        let order = ["Egypt", "Iran", "Sudan"].map { chunk.range(of: $0)?.lowerBound }
        #expect(order.allSatisfy { $0 != nil } && order == order.sorted { $0! < $1! })
        #expect(metaText.contains(String(chunkName.dropFirst("filter/".count).dropLast(".pf_filter".count))))
    }

    @Test func aBundleNotLaidOutAsPagefind15IsAnErrorNotACrash() throws {
        let temp = try TempFolder()
        let folder = temp.url.appendingPathComponent("b")
        try bundle(in: folder, reversed: false)
        let meta = folder.appendingPathComponent("pagefind.en_6666666666.pf_meta")
        // Nested far deeper than Pagefind nests: refused before the stack runs out.
        try Data(try Gzip.compress(PagefindCanonicalOrder.signature + [UInt8](repeating: 0x81, count: 100_000) + [0])).write(to: meta)
        #expect(throws: PagefindCanonicalOrder.Failure.self) { try PagefindCanonicalOrder.apply(bundle: folder) }
        // Cut short, and not gzip at all.
        for bytes in [Array(try Gzip.compress(PagefindCanonicalOrder.signature + [0x86, 0x65]).prefix(12)), Array("hello".utf8)] {
            try Data(bytes).write(to: meta)
            #expect(throws: PagefindCanonicalOrder.Failure.self) { try PagefindCanonicalOrder.apply(bundle: folder) }
        }
    }
}
