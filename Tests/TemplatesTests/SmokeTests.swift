import Testing
@testable import Templates

@Suite struct SmokeTests {
    struct Box: TemplateObject {
        var values: [Int: TemplateValue]
        func value(_ key: Int) -> TemplateValue? { values[key] }
    }

    @Test func rendersAVariable() throws {
        var library = TemplateLibrary(names: ["name": 0])
        try library.register("Hello {{name}}!", named: "t")
        var out = HTMLOutput()
        #expect(library.render("t", root: .object(Box(values: [0: .text("<b>")])), into: &out))
        #expect(String(decoding: out.bytes, as: UTF8.self) == "Hello &lt;b&gt;!")
    }
}
