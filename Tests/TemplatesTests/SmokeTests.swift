import Testing
@testable import Templates

@Suite struct SmokeTests {
    final class Box: TemplateObject {
        let values: [Int: TemplateValue]
        init(values: [Int: TemplateValue]) { self.values = values }
        func value(_ key: Int) -> TemplateValue? { values[key] }
    }

    @Test func rendersAVariable() throws {
        var library = TemplateLibrary(names: ["name": 0])
        try library.register("Hello {{name}}!", named: "t")
        var out = HTMLOutput()
        try library.render("t", root: .object(Box(values: [0: .text("<b>")])), into: &out)
        #expect(String(decoding: out.bytes, as: UTF8.self) == "Hello &lt;b&gt;!")
    }

    /// Bytes render as the same text would: escaped in `{{x}}`, as they are in `{{{x}}}`, and
    /// true in a section.
    @Test func bytesRenderAsTheirText() throws {
        var library = TemplateLibrary(names: ["x": 0])
        try library.register("{{x}}|{{{x}}}|{{#x}}yes{{/x}}", named: "t")
        let text = "<svg a=\"1\">é & 'q'</svg>"
        var fromBytes = HTMLOutput()
        try library.render("t", root: .object(Box(values: [0: .utf8(Array(text.utf8))])), into: &fromBytes)
        var fromText = HTMLOutput()
        try library.render("t", root: .object(Box(values: [0: .text(text)])), into: &fromText)
        #expect(fromBytes.bytes == fromText.bytes)
        #expect(String(decoding: fromBytes.bytes, as: UTF8.self)
            == "&lt;svg a=&quot;1&quot;&gt;é &amp; &#39;q&#39;&lt;/svg&gt;|<svg a=\"1\">é & 'q'</svg>|yes")
    }

    @Test func aMissingTemplateIsAnError() {
        let library = TemplateLibrary(names: [:])
        var out = HTMLOutput()
        #expect(throws: TemplateLibrary.RenderError.noTemplate("nope")) { try library.render("nope", root: .null, into: &out) }
    }

    /// A partial that includes itself stops at the depth limit with an error instead of
    /// overflowing the stack; so does a block whose override includes the partial defining it.
    @Test(arguments: [
        ["t": "{{> a}}", "a": "x{{> a}}"],
        ["t": "{{> a}}", "a": "{{> b}}", "b": "{{> a}}"],
        ["t": "{{<p}}{{$b}}{{> p}}{{/b}}{{/p}}", "p": "[{{$b}}{{/b}}]"],
    ])
    func selfIncludingPartialsStop(templates: [String: String]) throws {
        var library = TemplateLibrary(names: [:])
        for (name, text) in templates { try library.register(text, named: name) }
        var out = HTMLOutput()
        #expect(throws: TemplateLibrary.RenderError.self) { try library.render("t", root: .null, into: &out) }
    }
}
