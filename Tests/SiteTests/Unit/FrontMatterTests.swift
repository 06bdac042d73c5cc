import Foundation
import Testing
@testable import SiteFiles
@testable import SiteLoad

@Suite struct FrontMatterTests {
    @Test func splitsYAMLFromBody() throws {
        let split = try #require(FrontMatter.split("---\ntitle: A\nstart: 2020-01-01\n---\n\nBody *text*\n"))
        #expect(split.hasFrontMatter)
        #expect(split.yaml == "title: A\nstart: 2020-01-01")
        #expect(split.yamlFirstLine == 2)
        #expect(split.body == "\nBody *text*\n")
    }

    @Test func acceptsDotsAsClosingLineAndTrailingSpaces() throws {
        let split = try #require(FrontMatter.split("--- \ntitle: A\n...\nBody"))
        #expect(split.yaml == "title: A")
        #expect(split.body == "Body")
    }

    @Test func fileWithoutFrontMatterIsAllBody() throws {
        let split = try #require(FrontMatter.split("# Just Markdown\n"))
        #expect(!split.hasFrontMatter)
        #expect(split.body == "# Just Markdown\n")
    }

    @Test func unclosedFrontMatterIsNil() {
        #expect(FrontMatter.split("---\ntitle: A\nno end\n") == nil)
    }

    @Test func textFileStripsBOMAndNormalisesCRLF() throws {
        let data = Data([0xEF, 0xBB, 0xBF] + Array("a\r\nb".utf8))
        #expect(try TextFile.decode(data, displayPath: "x.md").get() == "a\nb")
    }

    @Test func invalidUTF8IsReportedAtItsLineAndColumn() {
        let data = Data(Array("ok\nab".utf8) + [0xC3, 0x28])
        guard case .failure(let diagnostic) = TextFile.decode(data, displayPath: "x.md") else {
            Issue.record("invalid UTF-8 was accepted")
            return
        }
        #expect(diagnostic.description == "x.md:2:3: error: file is not valid UTF-8 (byte 0xC3)")
    }

    @Test(arguments: [
        [0xC0, 0xAF],  // overlong "/"
        [0xED, 0xA0, 0x80],  // UTF-16 surrogate
        [0xF4, 0x90, 0x80, 0x80],  // above U+10FFFF
        [0xE2, 0x82],  // truncated
    ] as [[UInt8]])
    func rejectsMalformedSequences(bytes: [UInt8]) {
        #expect(TextFile.firstInvalidUTF8Offset(Array("x".utf8) + bytes) == 1)
    }

    @Test func acceptsValidMultibyteText() {
        #expect(TextFile.firstInvalidUTF8Offset(Array("Égypte — 東京 🌐".utf8)) == nil)
    }

    @Test func refusesDeepNestingBeforeParsing() {
        var reader = YAMLReader(file: "x.md", firstLine: 2)
        let yaml = "a: " + String(repeating: "[", count: 500) + String(repeating: "]", count: 500)
        #expect(reader.parseMapping(yaml) == nil)
        #expect(reader.diagnostics.map(\.description) == ["x.md:2:68: error: YAML is nested more than 64 levels deep"])
    }
}
