import Foundation
import Testing
import Yams
@testable import SiteLoad

/// The fast reader of flat front matter gives exactly Yams' tree (strings, styles, positions)
/// whenever it reads a text, and leaves everything else to Yams.
@Suite struct FlatYAMLTests {
    /// Every front matter and YAML file of the fixtures, the example archive and the fuzz corpus.
    static let documents: [String] = {
        let repository = Fixtures.repository
        var texts: [String] = []
        for folder in ["Tests/Fixtures", "content", "Tests/Fuzz/corpus/frontmatter", "Tests/Fuzz/corpus/values"] {
            let root = repository.appendingPathComponent(folder)
            guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else { continue }
            for case let url as URL in walker {
                guard let data = try? Data(contentsOf: url), data.count < 200_000 else { continue }
                let text = String(decoding: data, as: UTF8.self)
                if url.pathExtension == "yml" || url.pathExtension == "yaml" {
                    texts.append(text)
                } else if let split = FrontMatter.split(text), split.hasFrontMatter {
                    texts.append(split.yaml)
                }
            }
        }
        return texts.sorted()
    }()

    /// Small, awkward texts at the edge of the subset.
    static let edges: [String] = [
        "", "# only a comment\n", "title: A", "title: A\n", "title:", "title:\nstart: 1", "a: b # c", "a: b #c\nd: e",
        "a: b#c", "a: 'it''s'", "a: ''", "a: \"\"", "a: \"x\" # c", "a: \"x\"#c", "a: 'x'y", "a: x:y", "a: x: y", "a: x:",
        "a: [x, y]", "a: []", "a: [ ]", "a: [x,]", "a: [x, [y]]", "a: [\"x\", 'y' , z ]", "a: [x y, z]", "a: [x:y]", "a: [x: y]",
        "a: {}", "a: {x: 1}", "a: {x: 1, y: 'b'}", "a: {x: 1, x: 2}", "a: {x:1}", "a: {\"x\": 1}", "a: {x: }", "a: {x: [1]}",
        "a:\n  - x\n  - y", "a:\n- x\n- y\nb: c", "a:\n  -x", "a:\n  - x\n   - y", "a:\n  - x\n b: c", "a:\n  - \n  - y",
        "a:\n  - b: 1\n    c: 2\n  - b: 3", "a:\n  -   b: 1\n      c: 2", "a:\n  - b: 1\n   c: 2", "a:\n  - b: 1\n     c: 2",
        "a:\n  b: 1\n  c:\n    d: 2", "a:\n  b: 1\n c: 2", "a: 1\na: 2", "a: 1\n\"a\": 2", "1: x\n\"1\": y", "a: 1\n  b: 2",
        "a: b\n  continued", "a:\n  text", "- a\n- b", "just text", "a: &x 1\nb: *x", "a: !!str 1", "a: |\n  x", "a: >\n  x",
        "a: \"esc \\n\"", "a: \"two\n  lines\"", "a:\t1", "a: 1\r\nb: 2", "---\na: 1", "a: 1\n...\n", "%YAML 1.1\n---\na: 1",
        "a: -1", "a: - 1", "a: ?x", "a: @x", "a: `x`", "a: ~", "a: null", "\"title\": x", "'title': x", "\"ti\"tle: x",
        "  a: 1\n  b: 2", "  a: 1\nb: 2", "a:   \n", "a: x   \n", "a: é: b", "é: [ü, \"ö\"]\nb: {ñ: ç}", "a: 東京 # c\nb: [🌐, x]",
        "a:\n  - \"q\": 1\n  - 'r': 2", "a:\n  - [x, y]\n  - {p: q}", "a:\n  - x # c\n  # c\n  - y", "a:\n\n  - x\n\n  - y\n",
        "a:\n  - x\nb:\n  c: [1]\n  d:\n  - 2", "a: b\n# c\n  # d\nc: d", "? a\n: b", "a: [x, y", "a: {x: 1", "a: \"x", "a: 'x",
        "a: x, y", "a: 10:30", "a: http://x.org/a#b", "a: 2001:db8::/32", "a: [2001:db8::/32]", "a\u{A0}b: c", "a: \u{FEFF}x",
        "a: \u{85}x", "a: x\u{2028}y", String(repeating: "k", count: 1030) + ": v", "a:\n  b:\n    c:\n      d: [1, 2]",
    ]

    /// Variations of the documents: each character dropped, and a few inserted, at some places.
    static var mutated: [String] {
        let inserts = [":", " ", "#", "'", "\"", "-", "[", "]", "{", "}", ",", "\n", "  ", ": ", "- ", "\n  ", "\\", "&", "é"]
        var results: [String] = []
        for (n, text) in (documents + edges).enumerated() {
            let characters = Array(text)
            guard !characters.isEmpty else { continue }
            let step = max(1, characters.count / 24)
            for (k, position) in stride(from: 0, to: characters.count, by: step).enumerated() {
                var dropped = characters
                dropped.remove(at: position)
                results.append(String(dropped))
                var inserted = characters
                inserted.insert(contentsOf: inserts[(n + k) % inserts.count], at: position)
                results.append(String(inserted))
            }
        }
        return results
    }

    /// Yams' tree, or nil when Yams refuses the text.
    static func yams(_ yaml: String) -> YAMLNode?? {
        do {
            return .some(try Yams.compose(yaml: yaml).map(YAMLNode.init))
        } catch {
            return nil
        }
    }

    static func check(_ yaml: String) -> Bool {
        guard case .document(let fast) = FlatYAML.parse(yaml) else { return false }
        guard let expected = yams(yaml) else {
            Issue.record("the flat reader accepted what Yams refuses: \(yaml.debugDescription)")
            return true
        }
        #expect(fast == expected, "\(yaml.debugDescription)")
        return true
    }

    @Test func agreesWithYamsOnEveryFixture() {
        var read = 0
        for yaml in Self.documents where Self.check(yaml) { read += 1 }
        // Most real front matter is in the subset: the fast path is the usual one.
        #expect(read * 10 >= Self.documents.count * 7, "read \(read) of \(Self.documents.count)")
    }

    @Test func agreesWithYamsOnEdges() {
        for yaml in Self.edges { _ = Self.check(yaml) }
    }

    @Test func agreesWithYamsOnVariations() {
        let variations = Self.mutated
        var read = 0
        for yaml in variations where Self.check(yaml) { read += 1 }
        #expect(read > variations.count / 4, "read \(read) of \(variations.count)")
    }

    @Test func agreesWithYamsOnRandomTexts() {
        // Seeded: the same texts on every run. Made of the characters that matter to YAML.
        let pieces = ["a", "b", "k", ":", ": ", " ", "\n", "\n  ", "- ", "-", "[", "]", "{", "}", ", ", "'", "\"", " #", "é", "1", "''"]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int(truncatingIfNeeded: (z ^ (z >> 31)) >> 1)
        }
        var read = 0
        for _ in 0..<20_000 {
            var yaml = "k: "
            for _ in 0..<(4 + next() % 20) { yaml += pieces[next() % pieces.count] }
            if Self.check(yaml) { read += 1 }
        }
        #expect(read > 1_000, "read \(read)")
    }

    @Test func readsTheBenchmarkShapes() throws {
        let yaml = """
            title: "SY outage 0"
            start: 2014-03-18T01:01:00Z
            end: 2014-03-19T01:50:00Z
            countries: [IR]
            asns: [27257]
            cause: cable-cut
            tags: [bgp]
            timeline:
              - at: 2014-03-18T01:01:00Z
                text: Event 0 observed
              - at: 2014-03-18T05:58:48Z
                text: Event 1 observed
            networks:
              - {asn: 3491, name: "PCCW Global"}
            signals:
              hijack: {label: "Hijacked /24", unit: "routes"}
            """
        guard case .document(let node) = FlatYAML.parse(yaml) else {
            Issue.record("not read by the fast path")
            return
        }
        #expect(node == Self.yams(yaml))
    }

    @Test func readerReportsTheSameWithEitherPath() {
        // A type error found after parsing is located by the tree: the same from both paths.
        let yaml = "title: [a, b]\nstart: 2020-01-01\ntags:\n  - x\n  - {y: 1}\n"
        var fast = YAMLReader(file: "x.md", firstLine: 2)
        let mapping = fast.parseMapping(yaml)
        var slow = YAMLReader(file: "x.md", firstLine: 2)
        let composed = slow.composeWithYams(yaml)
        #expect(mapping == composed??.mapping)
        _ = fast.string("title", in: mapping ?? YAMLMapping([]))
        #expect(fast.diagnostics.map(\.description) == ["x.md:2:8: error: \"title\" must be a string"])
    }
}
