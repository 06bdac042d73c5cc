import Testing
@testable import Templates

/// Where the engines differ on purpose or by a swift-mustache bug: these assert OUR output.
/// The last group is where ours departs from swift-mustache and the spec (known issues for
/// the engine, reported to the lead).
@Suite struct KnownDifferenceTests {
    static func both(_ testCase: Case) throws -> (ours: String, theirs: String) {
        let rendered = try Differential.render(testCase)
        return (rendered.oursText, rendered.theirsText)
    }

    /// swift-mustache bug: it indents a partial's line only after a "\n" Character, and "\r\n" is
    /// one Character, so with CRLF files only the first line of a standalone partial or block is
    /// indented. The spec indents every line; ours does.
    @Test func crlfIndentation() throws {
        let partial = try Self.both(Case(name: "crlf partial", template: "  {{>p}}\r\n", partials: ["p": "1\r\n2\r\n"]))
        #expect(partial.ours == "  1\r\n  2\r\n")
        #expect(partial.theirs == "  1\r\n2\r\n")
        let block = try Self.both(Case(name: "crlf block", template: "{{<p}}{{$b}}1\r\n2\r\n{{/b}}{{/p}}", partials: ["p": "  {{$b}}{{/b}}\r\n"]))
        #expect(block.ours == "  1\r\n  2\r\n\r\n")
        #expect(block.theirs == "  1\r\n2\r\n\r\n")
    }

    /// swift-mustache bug: an inverted section over an empty list pushes the list, so `{{.}}`
    /// prints "[]" and an anchored `.name` finds nothing. In the spec an inverted section leaves
    /// the context alone.
    @Test func invertedEmptyListDoesNotPush() throws {
        let dot = try Self.both(Case(name: "dot", template: "{{^list}}[{{.}}]{{/list}}", data: ["list": []]))
        #expect(dot.ours == "[]")
        #expect(dot.theirs == "[[]]")
        let anchored = try Self.both(Case(name: "anchored", template: "{{^list}}[{{.name}}|{{name}}]{{/list}}", data: ["list": [], "name": "root"]))
        #expect(anchored.ours == "[root|root]")
        #expect(anchored.theirs == "[|root]")
    }

    /// By design: a list or an object interpolated renders nothing here; swift-mustache prints
    /// Swift's description of the dictionary or array, which no theme wants.
    @Test func containersRenderNothing() throws {
        let rendered = try Self.both(Case(name: "containers", template: "[{{o}}][{{{l}}}]", data: ["o": ["a": 1], "l": [1, 2]]))
        #expect(rendered.ours == "[][]")
        #expect(rendered.theirs == "[[&quot;a&quot;: 1]][[1, 2]]")
    }

    /// swift-mustache bug: after a tag it takes any Character.isNewline (form feed, vertical
    /// tab, U+0085, U+2028) as the end of a standalone line and drops it. The spec's line endings
    /// are "\n" and "\r\n" only; ours keeps those characters as text.
    @Test(arguments: ["\u{0C}", "\u{0B}", "\u{85}", "\u{2028}"])
    func unicodeNewlinesAreText(_ separator: String) throws {
        let rendered = try Self.both(Case(name: "separator", template: "a\n{{#x}}\(separator)b{{/x}}|", data: ["x": true]))
        #expect(Array(rendered.ours.utf8) == Array("a\n\(separator)b|".utf8))
        #expect(Array(rendered.theirs.utf8) == Array("a\nb|".utf8))
    }

    /// A lone "\r" is text for swift-mustache and the spec, so tags after it are not standalone.
    @Test func loneCarriageReturnIsNotALineEnd() throws {
        let testCase = Case(name: "lone CR", template: "a\r  {{#x}}\rb\r  {{/x}}\rc", data: ["x": true])
        let rendered = try Differential.render(testCase)
        #expect(rendered.theirsText == "a\r  \rb\r  \rc")
        #expect(rendered.agree, "ours gives \(rendered.oursText.debugDescription)")
    }
}
