import Testing
import Markdown

@Suite("Safe and unsafe HTML")
struct SafetyTests {
    static let rawHTMLDocument = """
        Intro

        <script>alert(1)</script>

        <div class="box">hi</div>

        Text with <b>inline</b> html.
        """

    @Test func safeModeOmitsScriptAndRawHTML() {
        let html = Markdown.render(Self.rawHTMLDocument, unsafeHTML: false).html
        #expect(!html.contains("<script"))
        #expect(!html.contains("alert(1)"))
        #expect(!html.contains("<div"))
        #expect(!html.contains("<b>"))
        // Two HTML blocks and two inline tags, each replaced by cmark's marker.
        #expect(occurrences(of: "<!-- raw HTML omitted -->", in: html) == 4)
        #expect(html.contains("<p>Intro</p>"))
        #expect(html.contains("<p>Text with <!-- raw HTML omitted -->inline<!-- raw HTML omitted --> html.</p>"))
    }

    @Test func unsafeModePassesRawHTML() {
        let html = Markdown.render(Self.rawHTMLDocument, unsafeHTML: true).html
        #expect(html.contains("<script>alert(1)</script>"))
        #expect(html.contains("<div class=\"box\">hi</div>"))
        #expect(html.contains("<p>Text with <b>inline</b> html.</p>"))
        #expect(!html.contains("raw HTML omitted"))
    }

    @Test(arguments: [
        "javascript:alert(1)",
        "JavaScript:alert(document.cookie)",
        "vbscript:msgbox(1)",
        "data:text/html;base64,PHNjcmlwdD4=",
    ])
    func safeModeDropsDangerousURLs(url: String) {
        let scheme = String(url.prefix { $0 != ":" }).lowercased()
        let link = Markdown.render("[click](\(url)) and ![pic](\(url))", unsafeHTML: false).html
        #expect(link == "<p><a href=\"\">click</a> and <img src=\"\" alt=\"pic\" /></p>\n")
        #expect(!link.lowercased().contains(scheme + ":"))

        let inline = Markdown.renderInline("[click](\(url))", unsafeHTML: false)
        #expect(inline == "<a href=\"\">click</a>")
    }

    @Test func safeModeDropsJavascriptAutolinks() {
        let html = Markdown.render("<javascript:alert(1)>", unsafeHTML: false).html
        // The link keeps its text, but not its target.
        #expect(html == "<p><a href=\"\">javascript:alert(1)</a></p>\n")
        #expect(!html.contains("href=\"javascript"))
    }

    @Test func unsafeModeKeepsJavascriptURLs() {
        let html = Markdown.render("[click](javascript:alert(1))", unsafeHTML: true).html
        #expect(html == "<p><a href=\"javascript:alert(1)\">click</a></p>\n")
    }

    @Test func safeModeKeepsOrdinaryURLs() {
        let html = Markdown.render("[x](https://example.org/a?b=1&c=2 \"T\") [y](/local#frag)", unsafeHTML: false).html
        #expect(html == "<p><a href=\"https://example.org/a?b=1&amp;c=2\" title=\"T\">x</a> <a href=\"/local#frag\">y</a></p>\n")
    }

    @Test func textIsEscaped() {
        let html = Markdown.render("1 < 2 & \"x\" > 0", unsafeHTML: false).html
        #expect(html == "<p>1 &lt; 2 &amp; “x” &gt; 0</p>\n")
    }
}

@Suite("Smart punctuation")
struct SmartPunctuationTests {
    @Test(arguments: [
        ("a -- b", "a – b"),
        ("a --- b", "a — b"),
        ("1990--2011", "1990–2011"),
        ("\"quoted\"", "“quoted”"),
        ("'single'", "‘single’"),
        ("it's", "it’s"),
        ("wait...", "wait…"),
    ])
    func smartPunctuation(source: String, expected: String) {
        #expect(Markdown.renderInline(source, unsafeHTML: false) == expected)
        #expect(Markdown.render(source, unsafeHTML: false).html == "<p>\(expected)</p>\n")
        #expect(Markdown.plainText(source) == expected)
    }

    @Test func codeIsNotSmartened() {
        #expect(Markdown.renderInline("`a -- \"b\"`", unsafeHTML: false) == "<code>a -- &quot;b&quot;</code>")
        #expect(Markdown.render("```\n--- 'x'\n```", unsafeHTML: false).html == "<pre><code>--- 'x'\n</code></pre>\n")
    }
}
