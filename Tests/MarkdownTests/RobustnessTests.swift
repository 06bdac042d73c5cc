import Testing
@testable import Markdown

@Suite("Robustness")
struct RobustnessTests {
    @Test func repairedInvalidUTF8String() {
        let source = String(decoding: [0xff, 0xfe, 0x41], as: UTF8.self)
        #expect(Markdown.render(source, unsafeHTML: false).html == "<p>\u{FFFD}\u{FFFD}A</p>\n")
        #expect(Markdown.render(source, unsafeHTML: false).summary == "\u{FFFD}\u{FFFD}A")
        #expect(Markdown.renderInline(source, unsafeHTML: true) == "\u{FFFD}\u{FFFD}A")
        #expect(Markdown.plainText(source) == "\u{FFFD}\u{FFFD}A")
    }

    /// Raw bytes straight into libcmark (the path `render` takes after `String.withUTF8`):
    /// CMARK_OPT_VALIDATE_UTF8 turns every invalid sequence into U+FFFD.
    @Test(arguments: [
        ([0xff, 0xfe, 0x41], "<p>\u{FFFD}\u{FFFD}A</p>\n"),
        ([0x41, 0xC0, 0xAF, 0x42], "<p>A\u{FFFD}B</p>\n"), // overlong "/"
        ([0x41, 0xED, 0xA0, 0x80, 0x42], "<p>A\u{FFFD}B</p>\n"), // UTF-16 surrogate
        ([0x41, 0x00, 0x42], "<p>A\u{FFFD}B</p>\n"), // NUL
        ([0x41, 0xE2, 0x82], "<p>A\u{FFFD}</p>\n"), // truncated "€" at the end
    ] as [([UInt8], String)])
    func invalidUTF8Bytes(bytes: [UInt8], expected: String) {
        let rendered = bytes.withUnsafeBytes { buffer in
            DocumentRenderer.render(utf8: buffer, unsafeHTML: false, reservedIDs: [])
        }
        #expect(rendered.html == expected)
        let inline = bytes.withUnsafeBytes { buffer in
            InlineRenderer.renderInline(utf8: buffer, unsafeHTML: false)
        }
        #expect(inline + "\n" == expected.replacing("<p>", with: "").replacing("</p>", with: ""))
    }

    @Test func invalidUTF8InHeadingGivesFallbackID() {
        let bytes: [UInt8] = [0x23, 0x20, 0xE2, 0x82, 0x0A, 0x0A, 0x23, 0x20, 0x61, 0xFF, 0x62]
        let rendered = bytes.withUnsafeBytes { buffer in
            DocumentRenderer.render(utf8: buffer, unsafeHTML: false, reservedIDs: [])
        }
        #expect(rendered.headings == [
            Heading(level: 1, text: "\u{FFFD}", id: "section"),
            Heading(level: 1, text: "a\u{FFFD}b", id: "ab"),
        ])
        #expect(rendered.html == "<h1 id=\"section\">\u{FFFD}</h1>\n<h1 id=\"ab\">a\u{FFFD}b</h1>\n")
    }

    @Test func emptyBuffer() {
        let rendered = DocumentRenderer.render(utf8: UnsafeRawBufferPointer(start: nil, count: 0), unsafeHTML: false, reservedIDs: [])
        #expect(rendered == RenderedMarkdown(html: "", headings: [], summary: ""))
        #expect(InlineRenderer.plainText(utf8: UnsafeRawBufferPointer(start: nil, count: 0)) == "")
        #expect(Markdown.render("", unsafeHTML: true).html == "")
    }

    @Test func nulInString() {
        #expect(Markdown.render("a\u{0}b", unsafeHTML: false).html == "<p>a\u{FFFD}b</p>\n")
        #expect(Markdown.render("# x\u{0}y", unsafeHTML: false).headings.map(\.id) == ["xy"])
    }

    /// Inputs that stress nesting and backtracking; named so a failure does not print them.
    static let pathological: [String: String] = [
        "nested quotes": String(repeating: ">", count: 20_000) + " deep",
        "nested lists": String(repeating: "- ", count: 5_000) + "deep",
        "emphasis runs": String(repeating: "*", count: 50_000) + "deep" + String(repeating: "*", count: 50_000),
        "nested brackets": String(repeating: "[", count: 50_000) + "deep" + String(repeating: "](x)", count: 50_000),
        "unclosed backticks": "a " + String(repeating: "`", count: 30_000) + " deep",
        "long heading": "# " + String(repeating: "deep ", count: 50_000),
        "many inline tags": String(repeating: "<a>", count: 30_000) + "deep",
        "many entities": String(repeating: "&amp;&#x41;&bogus;", count: 30_000) + "deep",
    ]

    @Test(arguments: pathological.keys.sorted())
    func pathologicalInputs(name: String) {
        let source = Self.pathological[name] ?? ""
        #expect(!source.isEmpty)
        for unsafeHTML in [false, true] {
            let rendered = Markdown.render(source, unsafeHTML: unsafeHTML)
            #expect(rendered.html.contains("deep"))
            #expect(Markdown.renderInline(source, unsafeHTML: unsafeHTML).contains("deep"))
        }
        #expect(Markdown.plainText(source).contains("deep"))
    }

    @Test func largeDocument() {
        let section = "## Section\n\nParagraph with *emphasis*, a [link](https://example.org) and AT&amp;T -- again.\n\n"
        let count = 5_000_000 / section.utf8.count + 1
        let source = "# Big\n\n" + String(repeating: section, count: count)
        #expect(source.utf8.count > 5_000_000)

        let rendered = Markdown.render(source, unsafeHTML: false)
        #expect(rendered.headings.count == count + 1)
        #expect(Set(rendered.headings.map(\.id)).count == count + 1)
        #expect(rendered.headings.last?.id == "section-\(count - 1)")
        #expect(rendered.summary == "Paragraph with emphasis, a link and AT&T – again.")
        #expect(occurrences(of: "<h2 id=\"section-", in: rendered.html) == count - 1)
        #expect(rendered.html.hasSuffix("<h2 id=\"section-\(count - 1)\">Section</h2>\n<p>Paragraph with <em>emphasis</em>, a <a href=\"https://example.org\">link</a> and AT&amp;T – again.</p>\n"))
    }
}

@Suite("Concurrency")
struct ConcurrencyTests {
    static func document(_ index: Int) -> String {
        """
        # Report \(index)

        Outage number \(index) -- "quoted" & *emphasised*, see [source](https://example.org/\(index)).

        ## Timeline
        ## Timeline
        ### Détails \(index % 7)

        <script>alert(\(index))</script>

        \(String(repeating: "- item \(index)\n", count: index % 13))
        """
    }

    @Test func concurrentRenderingMatchesSerial() async {
        let indices = Array(0..<400)
        let serial = indices.map { index in
            (
                Markdown.render(Self.document(index), unsafeHTML: index.isMultiple(of: 2), reservedIDs: ["timeline"]),
                Markdown.renderInline(Self.document(index), unsafeHTML: false),
                Markdown.plainText(Self.document(index))
            )
        }
        let concurrent = await withTaskGroup(of: (Int, RenderedMarkdown, String, String).self) { group in
            for index in indices {
                group.addTask {
                    let source = Self.document(index)
                    return (
                        index,
                        Markdown.render(source, unsafeHTML: index.isMultiple(of: 2), reservedIDs: ["timeline"]),
                        Markdown.renderInline(source, unsafeHTML: false),
                        Markdown.plainText(source)
                    )
                }
            }
            var results: [Int: (RenderedMarkdown, String, String)] = [:]
            for await (index, rendered, inline, plain) in group {
                results[index] = (rendered, inline, plain)
            }
            return results
        }
        #expect(concurrent.count == indices.count)
        for index in indices {
            let expected = serial[index]
            let actual = concurrent[index]
            #expect(actual?.0 == expected.0)
            #expect(actual?.1 == expected.1)
            #expect(actual?.2 == expected.2)
        }
        // The documents really differ, and the reserved id was respected.
        #expect(serial[3].0.headings.map(\.id) == ["report-3", "timeline-1", "timeline-2", "détails-3"])
        #expect(serial[3].0.html != serial[4].0.html)
        #expect(serial[4].0.html.contains("<script>alert(4)</script>"))
        #expect(!serial[3].0.html.contains("<script>"))
    }
}
