import Testing
import Markdown

@Suite("Summary")
struct SummaryTests {
    @Test(arguments: [
        ("# Title\n\nFirst *para* with [a link](https://x.org) and `code`.\n\nSecond.", "First para with a link and code."),
        ("AT&amp;T and &copy; &#x41; &quot;q&quot;", "AT&T and © A \"q\""),
        ("Line one\nline two  \nline three\\\nline four", "Line one line two line three line four"),
        ("\"Smart\" -- quotes", "“Smart” – quotes"),
        ("   Leading and trailing spaces   ", "Leading and trailing spaces"),
        ("# Only a heading", ""),
        ("", ""),
        ("- a list item\n\nAfter the list", "After the list"),
        ("> a quote\n\nAfter the quote", "After the quote"),
        ("<div>raw block</div>\n\nReal paragraph", "Real paragraph"),
        ("<span></span>\n\nThe first paragraph with text", "The first paragraph with text"),
        ("![Alt text](x.png)\n\nNext", "Alt text"),
        ("**Strong** _and_ ~plain~ <b>tags</b>", "Strong and ~plain~ tags"),
        // Collapsing works on ASCII whitespace only; other Unicode whitespace is only trimmed.
        ("&nbsp;Égypte\u{2003}—\u{A0}東京 `a\u{0B}b`&#x2003;", "Égypte\u{2003}—\u{A0}東京 a b"),
        ("\u{3000}ideographic space\u{3000}", "ideographic space"),
        ("Tab\tand\u{0C}form feed", "Tab and form feed"),
    ])
    func summary(source: String, expected: String) {
        #expect(Markdown.render(source, unsafeHTML: false).summary == expected)
    }

    @Test func summaryIgnoresUnsafeFlag() {
        let source = "## Heading\n\nText with <b>bold</b> &amp; more."
        #expect(Markdown.render(source, unsafeHTML: true).summary == "Text with bold & more.")
        #expect(Markdown.render(source, unsafeHTML: false).summary == "Text with bold & more.")
    }
}

@Suite("Inline rendering")
struct InlineTests {
    @Test(arguments: [
        ("**Dyn** reports", "<strong>Dyn</strong> reports"),
        ("plain", "plain"),
        ("a & b < c", "a &amp; b &lt; c"),
        ("AT&amp;T", "AT&amp;T"),
        ("First\n\nSecond *para*", "First Second <em>para</em>"),
        ("line\nbreak", "line\nbreak"),
        ("2011. Egypt cuts off the internet", "2011. Egypt cuts off the internet"),
        ("3) Three\n4) Four", "3) Three 4) Four"),
        ("# Title *x*", "Title <em>x</em>"),
        ("> quoted", "quoted"),
        ("- bullet", "bullet"),
        ("    code block", "<code>code block</code>"),
        ("a\n\n---\n\nb", "a b"),
        ("[Dyn](https://dyn.com \"t\")", "<a href=\"https://dyn.com\" title=\"t\">Dyn</a>"),
        ("trailing  \n", "trailing"),
        ("", ""),
    ])
    func renderInline(source: String, expected: String) {
        let html = Markdown.renderInline(source, unsafeHTML: false)
        #expect(html == expected)
        #expect(!html.contains("<p>"))
        #expect(!html.hasSuffix("\n"))
    }

    @Test func rawHTMLDependsOnFlag() {
        #expect(Markdown.renderInline("a <b>x</b>", unsafeHTML: false) == "a <!-- raw HTML omitted -->x<!-- raw HTML omitted -->")
        #expect(Markdown.renderInline("a <b>x</b>", unsafeHTML: true) == "a <b>x</b>")
        #expect(Markdown.renderInline("<div>block</div>", unsafeHTML: true) == "<div>block</div>")
        #expect(Markdown.renderInline("<div>block</div>", unsafeHTML: false) == "<!-- raw HTML omitted -->")
    }
}

@Suite("Plain text")
struct PlainTextTests {
    @Test(arguments: [
        ("**Dyn** reports", "Dyn reports"),
        ("AT&amp;T", "AT&T"),
        ("[link](https://x.org) and `code`", "link and code"),
        ("a <b>bold</b> c", "a bold c"),
        ("# Heading\n\nPara", "Heading Para"),
        ("It's -- \"fine\"", "It’s – “fine”"),
        ("2011. Egypt", "2011. Egypt"),
        ("![alt](x.png)", "alt"),
        ("a\\\nb", "a b"),
        ("1 < 2", "1 < 2"),
        ("  spaced   out  ", "spaced out"),
        ("", ""),
    ])
    func plainText(source: String, expected: String) {
        #expect(Markdown.plainText(source) == expected)
    }
}
