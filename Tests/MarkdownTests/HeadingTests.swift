import Testing
import Markdown

@Suite("Heading ids")
struct HeadingTests {
    @Test(arguments: [
        ("# Hello World", "hello-world"),
        ("# Égypte 2011", "égypte-2011"),
        ("# What's new?", "whats-new"),
        ("# C++ & Rust -- a comparison", "c-rust-a-comparison"),
        ("## `render()` and *emphasis*", "render-and-emphasis"),
        ("# [Linked](https://example.org) **bold**", "linked-bold"),
        ("# ![Alt text](i.png) image", "alt-text-image"),
        ("# Россия: блокировки", "россия-блокировки"),
        ("# 中国 防火长城", "中国-防火长城"),
        ("# -- Leading and trailing --", "leading-and-trailing"),
        ("# Hyphen-ated - words", "hyphen-ated-words"),
        ("# under_score", "underscore"),
        ("# Tab\tand  spaces", "tab-and-spaces"),
        ("# Arabic digits ١٢٣", "arabic-digits-١٢٣"),
        ("# Decomposed e\u{301}te\u{301}", "decomposed-e\u{301}te\u{301}"),
        ("# AT&amp;T", "att"),
        ("# 🎉 Party", "party"),
        ("# <em>raw</em> html", "raw-html"),
        ("Setext\ntwo lines\n===", "setext-two-lines"),
        ("# !!!", "section"),
        ("#", "section"),
        ("#    ", "section"),
    ])
    func idFromText(source: String, expected: String) {
        let rendered = Markdown.render(source, unsafeHTML: false)
        #expect(rendered.headings.map(\.id) == [expected])
        #expect(rendered.html.contains("<h\(rendered.headings.first?.level ?? 0) id=\"\(expected)\">"))
    }

    @Test func headingTextIsPlain() {
        let rendered = Markdown.render("## `render()` and *emphasis* &amp; [a link](x)\n\nSetext\nheading\n---", unsafeHTML: false)
        #expect(rendered.headings == [
            Heading(level: 2, text: "render() and emphasis & a link", id: "render-and-emphasis-a-link"),
            Heading(level: 2, text: "Setext heading", id: "setext-heading"),
        ])
    }

    @Test func headingMarkupIsCmarksPlusID() {
        let rendered = Markdown.render("## Hello *world* `x`\n\ntext", unsafeHTML: false)
        #expect(rendered.html == "<h2 id=\"hello-world-x\">Hello <em>world</em> <code>x</code></h2>\n<p>text</p>\n")
    }

    @Test func nestedHeadingsGetIDs() {
        let source = """
            > ### Quoted

            - ## In a list
            - item

            1. > #### Deep
            """
        let rendered = Markdown.render(source, unsafeHTML: false)
        #expect(rendered.headings.map(\.id) == ["quoted", "in-a-list", "deep"])
        #expect(rendered.html.contains("<blockquote>\n<h3 id=\"quoted\">Quoted</h3>\n</blockquote>"))
        #expect(rendered.html.contains("<li>\n<h2 id=\"in-a-list\">In a list</h2>\n</li>"))
        #expect(rendered.html.contains("<h4 id=\"deep\">Deep</h4>"))
    }

    @Test func duplicatesGetSuffixesThatNeverClash() {
        let rendered = Markdown.render("# A\n\n# A\n\n# A-1\n\n# A", unsafeHTML: false)
        #expect(rendered.headings.map(\.id) == ["a", "a-1", "a-1-1", "a-2"])

        let reversed = Markdown.render("# A-1\n\n# A\n\n# A\n\n# A", unsafeHTML: false)
        #expect(reversed.headings.map(\.id) == ["a-1", "a", "a-2", "a-3"])
    }

    @Test func reservedIDsAreAvoided() {
        let rendered = Markdown.render(
            "# Timeline\n\n## Sources\n\n## Timeline\n\n## Other",
            unsafeHTML: false,
            reservedIDs: ["timeline", "sources", "timeline-1"]
        )
        #expect(rendered.headings.map(\.id) == ["timeline-2", "sources-1", "timeline-3", "other"])
        #expect(!rendered.html.contains("id=\"timeline\""))
        #expect(!rendered.html.contains("id=\"sources\""))
    }

    @Test func emptyHeadings() {
        let rendered = Markdown.render("#\n\n## !!!\n\n###", unsafeHTML: false)
        #expect(rendered.headings == [
            Heading(level: 1, text: "", id: "section"),
            Heading(level: 2, text: "!!!", id: "section-1"),
            Heading(level: 3, text: "", id: "section-2"),
        ])
        #expect(rendered.html == "<h1 id=\"section\"></h1>\n<h2 id=\"section-1\">!!!</h2>\n<h3 id=\"section-2\"></h3>\n")
    }

    @Test func hostileHeadingTextGivesSafeIDs() {
        let source = """
            # "><script>alert(1)</script> & 'quotes' `"'<>&`

            ## \\" onmouseover=\\"x

            ### &lt;img src=x&gt;
            """
        for unsafeHTML in [false, true] {
            let rendered = Markdown.render(source, unsafeHTML: unsafeHTML)
            #expect(rendered.headings.count == 3)
            for heading in rendered.headings {
                #expect(isAttributeSafeID(heading.id), "\(heading.id)")
            }
            #expect(rendered.headings.map(\.id) == ["alert1-quotes", "onmouseoverx", "img-srcx"])
        }
    }

    @Test func headingsListMatchesHTML() {
        let source = """
            # Title

            Intro.

            ## Part *one*
            ### Détails
            #### Four
            ##### Five
            ###### Six

            Setext
            ======

            > ## Quoted Part one

            - ### Part one

            ## Part one
            """
        let rendered = Markdown.render(source, unsafeHTML: false, reservedIDs: ["title"])
        let tags = headingTags(in: rendered.html)
        #expect(rendered.headings.count == 10)
        #expect(tags.map(\.level) == rendered.headings.map(\.level))
        #expect(tags.map(\.id) == rendered.headings.map { Optional($0.id) })
        #expect(Set(rendered.headings.map(\.id)).count == rendered.headings.count)
        #expect(rendered.headings.map(\.id) == [
            "title-1", "part-one", "détails", "four", "five", "six", "setext", "quoted-part-one", "part-one-1", "part-one-2",
        ])
        #expect(rendered.headings.map(\.level) == [1, 2, 3, 4, 5, 6, 1, 2, 3, 2])
    }

    /// With unsafeHTML, `<h2>` tags the author wrote pass through untouched and do not confuse
    /// the ids of real headings (the ids are put in the tree, not patched into the HTML).
    @Test func authorWrittenHeadingTagsPassThrough() {
        let source = """
            <h2>Raw heading</h2>

            ## Real heading

            <h2 id="custom">Other</h2>

            Inline <h3>tag</h3> here.
            """
        let unsafe = Markdown.render(source, unsafeHTML: true)
        #expect(unsafe.headings == [Heading(level: 2, text: "Real heading", id: "real-heading")])
        #expect(unsafe.html == """
            <h2>Raw heading</h2>
            <h2 id="real-heading">Real heading</h2>
            <h2 id="custom">Other</h2>
            <p>Inline <h3>tag</h3> here.</p>

            """)

        let safe = Markdown.render(source, unsafeHTML: false)
        #expect(safe.headings == unsafe.headings)
        #expect(headingTags(in: safe.html).map(\.id) == ["real-heading"])
    }
}
