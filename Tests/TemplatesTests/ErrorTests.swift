import Mustache
import Testing
@testable import Templates

/// Syntax errors with the place they are reported at (1-based line and column, columns in
/// characters), each also rejected by swift-mustache.
@Suite struct ErrorTests {
    struct Bad: Sendable, CustomTestStringConvertible {
        var template: String
        var message: String
        var line: Int
        var column: Int
        var testDescription: String { template.debugDescription }
    }

    static let cases: [Bad] = [
        Bad(template: "Hello {{name", message: "a tag is not closed with }}", line: 1, column: 13),
        Bad(template: "a\nb {{name}", message: "a tag is not closed with }}", line: 2, column: 9),
        Bad(template: "{{{name}}", message: "a tag is not closed with }}", line: 1, column: 10),
        Bad(template: "x\n  {{#items}}\n  {{name}}\n", message: "a section is opened but never closed", line: 4, column: 1),
        Bad(template: "{{^a}}{{#b}}{{/b}}", message: "a section is opened but never closed", line: 1, column: 19),
        Bad(template: "{{#a}}\nx{{/b}}", message: "a section is closed with a different name than it was opened with", line: 2, column: 5),
        Bad(template: "{{#a}}{{#b}}{{/a}}{{/b}}", message: "a section is closed with a different name than it was opened with", line: 1, column: 16),
        Bad(template: "{{/a}}", message: "a section is closed with a different name than it was opened with", line: 1, column: 4),
        Bad(template: "é\n{{! never closed\nstill }", message: "a comment is not closed with }}", line: 2, column: 4),
        Bad(template: "{{=<% %>=}}<%! open %", message: "a comment is not closed with %>", line: 1, column: 15),
        // A bad set-delimiter tag is reported where its content starts, right after `{{=`.
        Bad(template: "{{=<% %>}}", message: "invalid set-delimiter tag", line: 1, column: 4),
        Bad(template: "ab\n{{= <% =}}", message: "invalid set-delimiter tag", line: 2, column: 4),
        Bad(template: "{{=<%%>=}}", message: "invalid set-delimiter tag", line: 1, column: 4),
        Bad(template: "{{=<% %>=}}<%{x}%>", message: "a tag is not closed with %>", line: 1, column: 16),
        Bad(template: "<p>\n  {{uppercased(x)}}", message: "transforms such as uppercased(x) are not supported; names are plain (`incident.title`)",
            line: 2, column: 20),
        Bad(template: "{{#reversed(list)}}{{/reversed(list)}}", message: "transforms such as reversed(list) are not supported; names are plain (`incident.title`)",
            line: 1, column: 20),
    ]

    @Test(arguments: cases)
    func rejectedWithPlace(_ bad: Bad) {
        var library = TemplateLibrary(names: ["name": 0, "a": 1, "b": 2, "x": 3, "items": 4, "list": 5])
        do {
            try library.register(bad.template, named: "t")
            Issue.record("accepted: \(bad.template.debugDescription)")
        } catch {
            #expect(error.message == bad.message)
            #expect(error.line == bad.line)
            #expect(error.column == bad.column)
        }
        #expect(!library.contains("t"), "a syntax error leaves the library unchanged")
    }

    /// swift-mustache rejects the same templates (transforms excepted: it supports them).
    @Test(arguments: cases.filter { !$0.template.contains("(") })
    func swiftMustacheRejectsToo(_ bad: Bad) {
        #expect(throws: (any Error).self) { try MustacheTemplate(string: bad.template) }
    }

    @Test func unsupportedTags() {
        var library = TemplateLibrary(names: [:])
        for (template, message) in [("{{>*dynamic}}", "dynamic partials ({{>*name}}) are not supported"),
                                    ("{{<*dynamic}}{{/*dynamic}}", "dynamic parents ({{<*name}}) are not supported"),
                                    ("{{% CONTENT_TYPE: TEXT }}", "configuration tags ({{% … }}) are not supported"),
                                    ("{{<parent}}{{x}}{{/parent}}", "only block overrides {{$name}} may stand inside a {{<parent}} section")] {
            #expect(throws: TemplateSyntaxError.self) { try library.register(template, named: "t") }
            do { try library.register(template, named: "t") } catch { #expect(error.message == message) }
        }
    }
}
