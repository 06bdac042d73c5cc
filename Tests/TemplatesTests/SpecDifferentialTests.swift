import Testing
@testable import Templates

/// Hand-written templates in the spirit of the Mustache spec (interpolation, sections,
/// inverted, partials, comments, delimiters, inheritance) and of the whitespace corners the
/// theme relies on, rendered by both engines and compared byte for byte.
@Suite struct SpecDifferentialTests {
    static let interpolation: [Case] = [
        Case(name: "no tags", template: "Hello from {Mustache}!\n"),
        Case(name: "basic", template: "Hello, {{subject}}!\n", data: ["subject": "world"]),
        Case(name: "escaped five", template: "These characters should be escaped: {{forbidden}}\n", data: ["forbidden": "& \" < > '"]),
        Case(name: "triple mustache", template: "Raw: {{{forbidden}}}\n", data: ["forbidden": "& \" < > '"]),
        Case(name: "ampersand", template: "Raw: {{&forbidden}}\n", data: ["forbidden": "& \" < > '"]),
        Case(name: "integers", template: "{{n}} {{{n}}} {{&n}} {{zero}} {{neg}}", data: ["n": 85, "zero": 0, "neg": -7]),
        Case(name: "booleans", template: "{{yes}}/{{no}}", data: ["yes": true, "no": false]),
        Case(name: "null renders nothing", template: "I ({{cannot}}) be seen! ({{{cannot}}}) ({{&cannot}})", data: ["cannot": nil]),
        Case(name: "missing renders nothing", template: "I ({{cannot}}) be seen! ({{{cannot}}})", data: [:]),
        Case(name: "dotted names", template: "{{person.name}} == {{#person}}{{name}}{{/person}}", data: ["person": ["name": "Joe"]]),
        Case(name: "dotted names deep", template: "{{a.b.c.d.e.name}}", data: ["a": ["b": ["c": ["d": ["e": ["name": "Phil"]]]]]]),
        Case(name: "dotted broken chain", template: "[{{a.b.c}}]", data: ["a": [:], "c": "no"]),
        Case(name: "dotted first part climbs, rest does not", template: "{{#a}}[{{b.c.name}}]{{/a}}",
             data: ["a": ["b": [:]], "b": ["c": ["name": "no"]]]),
        Case(name: "dotted initial resolution", template: "{{#a}}{{b.c.name}}{{/a}}",
             data: ["a": ["b": ["c": ["name": "Phil"]]], "b": ["c": ["name": "Wrong"]]]),
        Case(name: "dotted through null", template: "[{{a.b}}]", data: ["a": nil]),
        Case(name: "implicit iterator strings", template: "{{#list}}({{.}}){{/list}}", data: ["list": ["a", "<b>", "", "c"]]),
        Case(name: "implicit iterator integers", template: "{{#list}}({{.}})({{{.}}}){{/list}}", data: ["list": [1, 2, 0, -3]]),
        Case(name: "surrounding whitespace", template: "| {{string}} |\t{{{string}}}\t|", data: ["string": "---"]),
        Case(name: "standalone interpolation keeps its line", template: "  {{string}}\n", data: ["string": "---"]),
        Case(name: "padding inside tags", template: "|{{ string }}|{{{ string }}}|{{& string }}|", data: ["string": "---"]),
        Case(name: "names with dashes and question marks", template: "{{is-on?}} {{a_b}}", data: ["is-on?": "yes", "a_b": "ab"]),
        Case(name: "multi-byte text", template: "→ {{s}} ← é\u{301} 日本 🇫🇷", data: ["s": "Zürich & 東京 👩‍👩‍👧"]),
    ]

    static let sections: [Case] = [
        Case(name: "truthy", template: "\"{{#boolean}}This should be rendered.{{/boolean}}\"", data: ["boolean": true]),
        Case(name: "falsey", template: "\"{{#boolean}}This should not be rendered.{{/boolean}}\"", data: ["boolean": false]),
        Case(name: "null is falsey", template: "\"{{#null}}no{{/null}}\"", data: ["null": nil]),
        Case(name: "missing is falsey", template: "[{{#missing}}Found key 'missing'!{{/missing}}]"),
        Case(name: "empty list is falsey", template: "[{{#list}}x{{/list}}]", data: ["list": []]),
        Case(name: "empty string and zero are truthy and pushed", template: "[{{#s}}<{{.}}>{{/s}}][{{#z}}<{{.}}>{{/z}}]", data: ["s": "", "z": 0]),
        Case(name: "true does not push", template: "{{#list}}{{#flag}}<{{.}}>{{/flag}}{{/list}}", data: ["list": ["a", "b"], "flag": true]),
        Case(name: "context", template: "\"{{#context}}Hi {{name}}.{{/context}}\"", data: ["context": ["name": "Joe"]]),
        Case(name: "parent contexts", template: "\"{{#sec}}{{a}}, {{b}}, {{c.d}}{{/sec}}\"",
             data: ["a": "foo", "b": "wrong", "sec": ["b": "bar"], "c": ["d": "baz"]]),
        Case(name: "variable test", template: "\"{{#foo}}{{.}} is {{foo}}{{/foo}}\"", data: ["foo": "bar"]),
        Case(name: "list of objects", template: "\"{{#list}}{{item}}{{/list}}\"", data: ["list": [["item": 1], ["item": 2], ["item": 3]]]),
        Case(name: "list of lists", template: "{{#list}}[{{#.}}{{.}},{{/.}}]{{/list}}", data: ["list": [[1, 2], [], ["a"]]]),
        Case(name: "list of booleans and nulls", template: "{{#list}}({{.}}){{/list}}", data: ["list": [true, false, nil, "x"]]),
        Case(name: "doubled", template: "{{#bool}}\n* first\n{{/bool}}\n* {{two}}\n{{#bool}}\n* third\n{{/bool}}\n", data: ["bool": true, "two": "second"]),
        Case(name: "nested truthy", template: "| A {{#bool}}B {{#bool}}C {{#bool}}D{{/bool}} E{{/bool}} F{{/bool}} G |", data: ["bool": true]),
        Case(name: "nested falsey", template: "| A {{#bool}}B {{#bool}}C {{#bool}}D{{/bool}} E{{/bool}} F{{/bool}} G |", data: ["bool": false]),
        Case(name: "deeply nested contexts", template: """
            {{#a}}
            {{one}}
            {{#b}}
            {{one}}{{two}}{{one}}
            {{#c}}
            {{one}}{{two}}{{three}}{{two}}{{one}}
            {{/c}}
            {{/b}}
            {{/a}}

            """, data: ["a": ["one": 1], "b": ["two": 2], "c": ["three": 3]]),
        Case(name: "lookup climbs the stack through a list", template: "{{#people}}{{name}} of {{team}}; {{/people}}",
             data: ["team": "red", "people": [["name": "a"], ["name": "b", "team": "blue"], ["name": "c"]]]),
        Case(name: "null stops the climb", template: "{{#inner}}[{{title}}]{{#title}}yes{{/title}}{{^title}}no{{/title}}{{/inner}}",
             data: ["title": "outer", "inner": ["title": nil]]),
        Case(name: "anchored name does not climb", template: "{{#inner}}[{{.title}}|{{title}}]{{/inner}}",
             data: ["title": "outer", "inner": ["other": 1]]),
        Case(name: "anchored dotted", template: "{{#a}}{{.b.c}}{{/a}}", data: ["a": ["b": ["c": "deep"]]]),
        Case(name: "dotted section", template: "[{{#a.b.c}}Here{{/a.b.c}}][{{#a.b.x}}No{{/a.b.x}}]", data: ["a": ["b": ["c": true]]]),
        Case(name: "section surrounding whitespace", template: " | {{#boolean}}\t|\t{{/boolean}} | \n", data: ["boolean": true]),
        Case(name: "internal whitespace", template: " | {{#boolean}} {{! Important Whitespace }}\n {{/boolean}} | \n", data: ["boolean": true]),
        Case(name: "indented inline sections", template: " {{#boolean}}YES{{/boolean}}\n {{#boolean}}GOOD{{/boolean}}\n", data: ["boolean": true]),
        Case(name: "standalone lines", template: "| This Is\n{{#boolean}}\n|\n{{/boolean}}\n| A Line\n", data: ["boolean": true]),
        Case(name: "indented standalone lines", template: "| This Is\n  {{#boolean}}\n|\n  {{/boolean}}\n| A Line\n", data: ["boolean": true]),
        Case(name: "standalone CRLF", template: "|\r\n{{#boolean}}\r\n{{/boolean}}\r\n|", data: ["boolean": true]),
        Case(name: "standalone without previous line", template: "  {{#boolean}}\n#{{/boolean}}\n/", data: ["boolean": true]),
        Case(name: "standalone without newline at end", template: "#{{#boolean}}\n/\n  {{/boolean}}", data: ["boolean": true]),
        Case(name: "padding in section tags", template: "|{{# boolean }}={{/ boolean }}|", data: ["boolean": true]),
        Case(name: "names outside the vocabulary", template: "[{{nowhere}}][{{#nowhere}}x{{/nowhere}}][{{^nowhere}}y{{/nowhere}}][{{a.nowhere}}][{{#a}}{{nowhere}}{{/a}}]",
             data: ["a": ["b": 1]], vocabulary: []),
    ]

    static let inverted: [Case] = [
        Case(name: "inverted falsey", template: "\"{{^boolean}}This should be rendered.{{/boolean}}\"", data: ["boolean": false]),
        Case(name: "inverted truthy", template: "\"{{^boolean}}This should not be rendered.{{/boolean}}\"", data: ["boolean": true]),
        Case(name: "inverted null", template: "\"{{^null}}shown{{/null}}\"", data: ["null": nil]),
        Case(name: "inverted context", template: "\"{{^context}}Hi {{name}}.{{/context}}\"", data: ["context": ["name": "Joe"]]),
        Case(name: "inverted list", template: "\"{{^list}}{{n}}{{/list}}\"", data: ["list": [["n": 1], ["n": 2]]]),
        Case(name: "inverted empty list, no implicit iterator", template: "\"{{^list}}Yay lists!{{/list}}\"", data: ["list": []]),
        Case(name: "inverted empty string and zero", template: "[{{^s}}no{{/s}}][{{^z}}no{{/z}}]", data: ["s": "", "z": 0]),
        Case(name: "inverted doubled", template: "{{^bool}}\n* first\n{{/bool}}\n* {{two}}\n{{^bool}}\n* third\n{{/bool}}\n", data: ["bool": false, "two": "second"]),
        Case(name: "inverted dotted missing", template: "\"{{^a.b.c}}Not Here{{/a.b.c}}\"", data: ["a": [:]]),
        Case(name: "inverted standalone indented", template: "| This Is\n  {{^boolean}}\n|\n  {{/boolean}}\n| A Line\n", data: ["boolean": false]),
        Case(name: "section and inverted side by side", template: "{{#x}}yes{{/x}}{{^x}}no{{/x}}\n{{#y}}yes{{/y}}{{^y}}no{{/y}}", data: ["x": 1, "y": nil]),
    ]

    static let comments: [Case] = [
        Case(name: "inline comment", template: "12345{{! Comment Block! }}67890"),
        Case(name: "multiline comment", template: "12345{{!\n  This is a\n  multi-line comment...\n}}67890\n"),
        Case(name: "standalone comment", template: "Begin.\n{{! Comment Block! }}\nEnd.\n"),
        Case(name: "indented standalone comment", template: "Begin.\n  {{! Indented Comment Block! }}\nEnd.\n"),
        Case(name: "standalone comment CRLF", template: "|\r\n{{! Standalone Comment }}\r\n|"),
        Case(name: "standalone comment at start", template: "  {{! I'm Still Standalone }}\n!"),
        Case(name: "standalone comment at end", template: "!\n  {{! I'm Still Standalone }}"),
        Case(name: "multiline standalone comment", template: "Begin.\n{{!\nSomething's going on here...\n}}\nEnd.\n"),
        Case(name: "indented inline comment", template: "  12 {{! 34 }}\n"),
        Case(name: "surrounding whitespace comment", template: "12345 {{! Comment Block! }} 67890"),
        Case(name: "comment with braces", template: "a{{! {x} { }}b"),
    ]

    static let delimiters: [Case] = [
        Case(name: "pair behavior", template: "{{=<% %>=}}(<%text%>)", data: ["text": "Hey!"]),
        Case(name: "special characters", template: "({{=[ ]=}}[text])", data: ["text": "It worked!"]),
        Case(name: "delimiters in sections", template: "[\n{{#section}}\n  {{data}}\n  |data|\n{{/section}}\n\n{{= | | =}}\n|#section|\n  {{data}}\n  |data|\n|/section|\n]\n",
             data: ["section": true, "data": "I got interpolated."]),
        Case(name: "delimiters do not reach partials", template: "[ {{>include}} ]\n{{= | | =}}\n[ |>include| ]\n",
             partials: ["include": ".{{value}}."], data: ["value": "yes"]),
        Case(name: "standalone set delimiter", template: "Begin.\n{{=@ @=}}\nEnd.\n"),
        Case(name: "indented standalone set delimiter", template: "Begin.\n  {{=@ @=}}\nEnd.\n"),
        Case(name: "set delimiter CRLF", template: "|\r\n{{= @ @ =}}\r\n|"),
        Case(name: "set delimiter at start and end", template: "  {{=@ @=}}\n=\n  @={{ }}=@"),
        Case(name: "set delimiter with padding", template: "|{{= @   @ =}}|@x@", data: ["x": "X"]),
        Case(name: "long delimiters", template: "{{=<<< >>>=}}<<<#a>>><<<b>>><<</a>>>{{b}}", data: ["a": true, "b": "B"]),
        Case(name: "ampersand with other delimiters", template: "{{=<% %>=}}<%&x%> <%x%>", data: ["x": "<&>"]),
    ]

    static let partials: [Case] = [
        Case(name: "basic partial", template: "\"{{>text}}\"", partials: ["text": "from partial"]),
        Case(name: "missing partial", template: "\"{{>text}}\""),
        Case(name: "partial context", template: "\"{{>partial}}\"", partials: ["partial": "*{{text}}*"], data: ["text": "content"]),
        Case(name: "recursion", template: "{{>node}}", partials: ["node": "{{content}}<{{#nodes}}{{>node}}{{/nodes}}>"],
             data: ["content": "X", "nodes": [["content": "Y", "nodes": []]]]),
        Case(name: "nested partial", template: "{{>outer}}", partials: ["outer": "*{{a}} {{>inner}}*", "inner": "{{b}}!"], data: ["a": "hello", "b": "world"]),
        Case(name: "surrounding whitespace partial", template: "| {{>partial}} |", partials: ["partial": "\t|\t"]),
        Case(name: "inline indentation", template: "  {{data}}  {{> partial}}\n", partials: ["partial": ">\n>"], data: ["data": "|"]),
        Case(name: "standalone partial CRLF", template: "|\r\n{{>partial}}\r\n|", partials: ["partial": ">"]),
        Case(name: "standalone partial at start", template: "  {{>partial}}\n>", partials: ["partial": ">\n>"]),
        Case(name: "standalone partial at end", template: ">\n  {{>partial}}", partials: ["partial": ">\n>"]),
        Case(name: "standalone indentation", template: "\\\n {{>partial}}\n/\n", partials: ["partial": "|\n{{{content}}}\n|\n"],
             data: ["content": "<\n->"]),
        Case(name: "tab indentation", template: "\t{{>partial}}\n\t\t{{>partial}}\nend", partials: ["partial": "a\nb\n"]),
        Case(name: "padding in partial tag", template: "|{{> partial }}|", partials: ["partial": "[]"]),
        Case(name: "nested standalone partials with indentation", template: "<\n  {{>outer}}\n>\n",
             partials: ["outer": "o1\n  {{>inner}}\no2\n", "inner": "i1\ni2\n"]),
        Case(name: "partial in section in indented partial", template: "begin\n    {{>outer}}\nend\n",
             partials: ["outer": "head\n{{#list}}\n  - {{name}}\n  {{>item}}\n{{/list}}\ntail\n", "item": "[{{name}}]\n({{name}})\n"],
             data: ["list": [["name": "a"], ["name": "b"]]]),
        Case(name: "list section across lines in an indented partial", template: "  {{>p}}\n",
             partials: ["p": "{{#list}}\n{{.}}\n{{/list}}\n"], data: ["list": ["x", "y", "z"]]),
        Case(name: "empty lines in an indented partial", template: "  {{>p}}\n", partials: ["p": "a\n\nb\n\n"]),
        Case(name: "indented partial ending without newline", template: "  {{>p}}\nafter", partials: ["p": "a\nb"]),
        Case(name: "indented partial with variable at line start", template: "  {{>p}}\n", partials: ["p": "{{x}}\n{{x}}\n{{y}}\nz\n"],
             data: ["x": "X", "y": ""]),
        Case(name: "partial with slash in name", template: "{{>dir/p}}", partials: ["dir/p": "in dir"]),
    ]

    static let inheritance: [Case] = [
        Case(name: "default block", template: "{{$title}}Default title{{/title}}\n"),
        Case(name: "variable in default", template: "{{$foo}}default {{bar}} content{{/foo}}\n", data: ["bar": "baz"]),
        Case(name: "triple in default", template: "{{$foo}}<{{{bar}}}>{{/foo}}", data: ["bar": "<&>"]),
        Case(name: "section in default", template: "{{$foo}}default {{#bar}}{{baz}}{{/bar}} content{{/foo}}\n", data: ["bar": ["baz": "qux"]]),
        Case(name: "overridden content", template: "{{<super}}{{$title}}sub template title{{/title}}{{/super}}",
             partials: ["super": "...{{$title}}Default title{{/title}}..."]),
        Case(name: "data does not override block", template: "{{<include}}{{/include}}",
             partials: ["include": "{{$var}}var in include{{/var}}"], data: ["var": "var in data"]),
        Case(name: "overridden parent", template: "test {{<parent}}{{$stuff}}override{{/stuff}}{{/parent}}",
             partials: ["parent": "{{$stuff}}...{{/stuff}}"]),
        Case(name: "two overridden parents", template: "test {{<parent}}{{$stuff}}override1{{/stuff}}{{/parent}} {{<parent}}{{$stuff}}override2{{/stuff}}{{/parent}}\n",
             partials: ["parent": "|{{$stuff}}...{{/stuff}}{{$default}} default{{/default}}|"]),
        Case(name: "override parent with newlines", template: "{{<parent}}{{$ballmer}}\npeaked\n\n:(\n{{/ballmer}}{{/parent}}",
             partials: ["parent": "{{$ballmer}}peaking{{/ballmer}}"]),
        Case(name: "inherit indentation", template: "{{<parent}}{{$nineties}}hammer time{{/nineties}}{{/parent}}",
             partials: ["parent": "stop:\n  {{$nineties}}collaborate and listen{{/nineties}}\n"]),
        Case(name: "only one override", template: "{{<parent}}{{$stuff2}}override two{{/stuff2}}{{/parent}}",
             partials: ["parent": "{{$stuff}}new default one{{/stuff}}, {{$stuff2}}new default two{{/stuff2}}"]),
        Case(name: "parent template", template: "{{>parent}}|{{<parent}}{{/parent}}",
             partials: ["parent": "{{$foo}}default content{{/foo}}"]),
        Case(name: "recursion in inheritance", template: "{{<parent}}{{$foo}}override{{/foo}}{{/parent}}",
             partials: ["parent": "{{$foo}}default content{{/foo}} {{$bar}}{{<parent2}}{{/parent2}}{{/bar}}",
                        "parent2": "{{$foo}}parent2 default content{{/foo}} {{<parent}}{{$bar}}don't recurse{{/bar}}{{/parent}}"]),
        Case(name: "multi-level inheritance", template: "{{<parent}}{{$a}}c{{/a}}{{/parent}}",
             partials: ["parent": "{{<older}}{{$a}}p{{/a}}{{/older}}",
                        "older": "{{<grandParent}}{{$a}}o{{/a}}{{/grandParent}}",
                        "grandParent": "{{$a}}g{{/a}}"]),
        Case(name: "multi-level, no sub child", template: "{{<parent}}{{/parent}}",
             partials: ["parent": "{{<older}}{{$a}}p{{/a}}{{/older}}",
                        "older": "{{<grandParent}}{{$a}}o{{/a}}{{/grandParent}}",
                        "grandParent": "{{$a}}g{{/a}}"]),
        Case(name: "block overridden in the parent of the parent", template: "{{<mid}}{{$top}}T{{/top}}{{/mid}}",
             partials: ["mid": "{{<base}}{{$body}}[{{$top}}mid-top{{/top}}]{{/body}}{{/base}}",
                        "base": "<{{$top}}base-top{{/top}}|{{$body}}base-body{{/body}}>"]),
        Case(name: "text inside parent is ignored", template: "{{<parent}} ignored {{$ballmer}}peaked{{/ballmer}} also\n{{/parent}}",
             partials: ["parent": "{{$ballmer}}peaking{{/ballmer}}"]),
        Case(name: "block scope", template: "{{<parent}}{{$block}}I say {{fruit}}.{{/block}}{{/parent}}",
             partials: ["parent": "{{#nested}}{{$block}}You say {{fruit}}.{{/block}}{{/nested}}"],
             data: ["fruit": "apples", "nested": ["fruit": "bananas"]]),
        Case(name: "standalone parent", template: "Hi,\n  {{<parent}}{{/parent}}\n",
             partials: ["parent": "one\ntwo\n"]),
        Case(name: "standalone block", template: "{{<parent}}{{$block}}\none\ntwo{{/block}}\n{{/parent}}\n",
             partials: ["parent": "Hi,\n  {{$block}}{{/block}}\n"]),
        Case(name: "block reindentation", template: "{{<parent}}{{$block}}\n    one\n    two\n{{/block}}\n{{/parent}}\n",
             partials: ["parent": "Hi,\n  {{$block}}\n  {{/block}}\n"]),
        Case(name: "intrinsic indentation", template: "{{<parent}}{{$block}}\none\ntwo\n{{/block}}\n{{/parent}}\n",
             partials: ["parent": "Hi,\n{{$block}}\n{{/block}}\n"]),
        Case(name: "nested block reindentation", template: "{{<parent}}{{$nested}}\nthree\n{{/nested}}\n{{/parent}}\n",
             partials: ["parent": "{{<grandparent}}{{$block}}\n one\n{{$nested}}\n two\n{{/nested}}\n{{/block}}\n{{/grandparent}}\n",
                        "grandparent": "{{$block}}{{/block}}"]),
        Case(name: "layout like the theme", template: "{{<base}}\n{{$main}}\n<div>\n  {{#rows}}\n  <p>{{.}}</p>\n  {{/rows}}\n</div>\n{{/main}}\n{{/base}}\n",
             partials: ["base": "<html>\n<title>{{$title}}T{{/title}}</title>\n<main>\n{{$main}}{{/main}}\n</main>\n  {{> footer}}\n</html>\n",
                        "footer": "<footer>\n{{#rows}}{{.}}{{/rows}}\n</footer>\n"],
             data: ["rows": ["a", "b"]]),
        Case(name: "indented block in indented partial", template: "  {{>p}}\n",
             partials: ["p": "a\n  {{$b}}\nx\ny\n  {{/b}}\nz\n"]),
    ]

    static let lineEndings: [Case] = [
        Case(name: "CRLF everywhere", template: "a\r\n{{#s}}\r\n  {{x}}\r\n{{/s}}\r\n  {{>p}}\r\nb\r\n",
             partials: ["p": "p1{{x}}"], data: ["s": true, "x": "X"]),
        Case(name: "tabs around standalone tags", template: "\t{{#s}}\t\n\tin\n\t{{/s}}\t\n\t{{^s}} \t\nno\n {{/s}}\t", data: ["s": [1, 2]]),
        Case(name: "standalone at start and end of file", template: "{{#s}}\n{{.}}\n{{/s}}", data: ["s": "v"]),
        Case(name: "only a standalone tag", template: "  {{! only }}  "),
        Case(name: "only a section", template: "{{#a}}{{/a}}", data: ["a": true]),
        Case(name: "empty template", template: ""),
        Case(name: "blank lines only", template: "\n\n  \n\t\n"),
        Case(name: "two tags on one line are not standalone", template: "  {{#a}}{{/a}}  \n|", data: ["a": true]),
        Case(name: "tag then text is not standalone", template: "  {{#a}} x\n{{/a}}|", data: ["a": true]),
        Case(name: "blank line inside section", template: "{{#a}}\n\n{{/a}}\n|", data: ["a": [1, 2]]),
    ]

    @Test(arguments: interpolation + sections + inverted + comments + delimiters + partials + inheritance + lineEndings)
    func bothEnginesAgree(_ testCase: Case) throws {
        let rendered = try Differential.render(testCase)
        #expect(rendered.agree, "ours:\n\(visible(rendered.oursText))\nswift-mustache:\n\(visible(rendered.theirsText))")
    }

    @Test func caseCount() {
        let all = Self.interpolation + Self.sections + Self.inverted + Self.comments + Self.delimiters + Self.partials
            + Self.inheritance + Self.lineEndings
        #expect(all.count >= 60)
        #expect(Set(all.map(\.name)).count == all.count, "case names are unique")
    }
}
