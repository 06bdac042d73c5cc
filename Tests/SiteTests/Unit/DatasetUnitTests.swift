import Foundation
import OutageData
import Testing
@testable import SiteLoad
@testable import SiteRender

@Suite struct CSVTableTests {
    @Test func readsASpreadsheetExport() throws {
        let text = " ID , Name ,,\r\n1,\"a, b\",,\r\n2,\"two\nlines\",,\r\n,,,\r\n3,\"say \"\"hi\"\"\",,\r\n"
        let table = try CSVTable.read(text).get()
        #expect(table.columns == ["ID", "Name"])
        #expect(table.records.map(\.position) == [2, 3, 6])  // the all-empty row 5 is padding
        #expect(table.records[0].values["Name"] == .text("a, b"))
        #expect(table.records[1].values["Name"] == .text("two\nlines"))
        #expect(table.records[2].values["Name"] == .text("say \"hi\""))
    }

    @Test func extraValuesAreARowProblemAndUnnamedColumnsANote() throws {
        let table = try CSVTable.read("A,,B\n1,x,2,3\n").get()
        #expect(table.columns == ["A", "B"])
        #expect(table.records[0].problem == "row has a value in column 4, but the header has 3 columns")
        #expect(table.notes.map(\.message) == ["column 2 has no header name; its values are ignored"])
    }

    @Test func duplicateHeaderNamesAreAnError() {
        guard case .failure(let failure) = CSVTable.read("A,B,A\n1,2,3\n") else {
            Issue.record("accepted duplicate columns")
            return
        }
        #expect(failure.message == "two columns are named \"A\" (columns 1 and 3)")
    }

    @Test func textAfterAClosingQuoteIsAnError() {
        guard case .failure(let failure) = CSVTable.read("A\n\"x\"y\n") else {
            Issue.record("accepted text after a quote")
            return
        }
        #expect(failure.line == 2)
    }
}

@Suite struct JSONTableTests {
    @Test func readsRecordsUnderAKey() throws {
        let json = #"{"data": [{"id": 7, "ok": true, "tags": ["a", "b"], "gone": null, "x:y": 1.5}]}"#
        let table = try JSONTable.read(Data(json.utf8), recordsKey: "data").get()
        #expect(table.columns == ["gone", "id", "ok", "tags", "x:y"])
        let values = table.records[0].values
        #expect(values["id"] == .text("7"))
        #expect(values["ok"] == .text("true"))
        #expect(values["tags"] == .list(["a", "b"]))
        #expect(values["gone"] == nil)
        #expect(values["x:y"] == .text("1.5"))
    }

    @Test func aNonObjectRecordIsARowProblem() throws {
        let table = try JSONTable.read(Data(#"[{"a": 1}, 5]"#.utf8), recordsKey: nil).get()
        #expect(table.records[1].problem == "is not an object")
        #expect(table.records[1].position == 2)
    }

    @Test func invalidJSONIsAnError() {
        guard case .failure = JSONTable.read(Data("[{".utf8), recordsKey: nil) else {
            Issue.record("accepted invalid JSON")
            return
        }
    }
}

@Suite struct FieldTemplateTests {
    let record = TableRecord(position: 2, values: ["Country": .text(" Iran "), "Type": .text("N/A"), "Tags": .list(["a", "b"])])

    @Test func fillsColumnsAndCollapsesGaps() throws {
        #expect(try FieldTemplate("{Country}: {Type} outage").render(record) == "Iran: outage")
        #expect(try FieldTemplate("{Tags}").render(record) == "a, b")
        #expect(try FieldTemplate("{{literal}} {Country}").render(record) == "{literal} Iran")
        #expect(try FieldTemplate("{Country}").columns == ["Country"])
    }

    @Test func reportsSyntaxErrors() {
        #expect(throws: FieldTemplate.SyntaxError.self) { try FieldTemplate("{Country") }
        #expect(throws: FieldTemplate.SyntaxError.self) { try FieldTemplate("{ }") }
    }
}

@Suite struct CellValueTests {
    @Test(arguments: [("TRUE", true), ("True", true), ("yes", true), ("1", true), ("no", false), ("0", false), ("FALSE", false)])
    func booleansAsSpreadsheetsWriteThem(text: String, expected: Bool) {
        #expect(RowMapper.boolean(text) == expected)
    }

    @Test func notABoolean() {
        #expect(RowMapper.boolean("maybe") == nil)
    }

    @Test(arguments: ["", "N/A", "NA", "null", "  "])
    func emptyMarkersMeanNoValue(text: String) {
        #expect(TableValue.text(text).meaningful == nil)
    }

    @Test func stripsHTMLAndDecodesEntities() {
        #expect(HTMLText.plain("<p>Grid <b>failure</b> &amp; more&#8230;</p>\n<p>x &lt;y&gt; &#x41;</p>") == "Grid failure & more… x <y> A")
    }

    @Test func valueMapsWithADefault() throws {
        var yaml = YAMLReader(file: "t.yml")
        let folder = FileManager.default.temporaryDirectory
        let csv = folder.appendingPathComponent("map-test-\(UUID().uuidString).csv")
        try Data("C\n".utf8).write(to: csv)
        defer { try? FileManager.default.removeItem(at: csv) }
        let mapping = try #require(DatasetMapping.parse("""
        source: \(csv.lastPathComponent)
        title: "x"
        fields:
          start: { value: 2021-01-01 }
          cause: { column: C, map: { Cable: cable-cut, "*": unknown } }
          tags: { column: C, split: ";", map: { a: alpha } }
        """, file: "content/datasets/t.yml", name: "t", directory: folder, reader: &yaml))
        #expect(yaml.diagnostics.isEmpty)
        let mapper = RowMapper(mapping: mapping, tableKind: .csv)
        let field = try #require(mapping.fields["cause"])
        #expect(mapper.values(field, TableRecord(position: 2, values: ["C": .text("Cable")])) == ["cable-cut"])
        #expect(mapper.values(field, TableRecord(position: 2, values: ["C": .text("Other")])) == ["unknown"])
        let tags = try #require(mapping.fields["tags"])
        #expect(mapper.values(tags, TableRecord(position: 2, values: ["C": .text("a; b ;;N/A")])) == ["alpha", "b"])
    }
}
