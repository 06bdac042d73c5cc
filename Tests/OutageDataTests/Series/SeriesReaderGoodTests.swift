import Testing
@testable import OutageData

/// Files that read without issues: exact header, times and values.
struct SeriesReaderGoodTests {
    @Test func specExample() {
        let outcome = readSeries("""
            time,bgp_prefixes,probes_up
            2014-12-22T12:00:00Z,4,118
            2014-12-22T12:05:00Z,4,
            1419258000,0,0

            """)
        #expect(outcome.issues == [])
        #expect(outcome.headers == [SeriesHeader(timeColumn: "time", signals: ["bgp_prefixes", "probes_up"])])
        #expect(outcome.rows == [
            .init(time: dec22 + 12 * 3_600, values: [4, 118]),
            .init(time: dec22 + 12 * 3_600 + 300, values: [4, nil]),
            .init(time: 1_419_258_000, values: [0, 0]),
        ])
    }

    @Test func bomCRLFNoTrailingNewlineAndHeaderWithSpaces() {
        let text = "\u{FEFF} time , bgp prefixes ,\tprobes_up\t\r\n"
            + "2014-12-22T12:00:00Z , 4 ,  118  \r\n"
            + "2014-12-22T12:05:00Z,4,117"
        let outcome = readSeries(text)
        #expect(outcome.issues == [])
        #expect(outcome.headers == [SeriesHeader(timeColumn: "time", signals: ["bgp prefixes", "probes_up"])])
        #expect(outcome.rows == [
            .init(time: dec22 + 43_200, values: [4, 118]),
            .init(time: dec22 + 43_500, values: [4, 117]),
        ])
    }

    @Test func quotedCellsWithCommasQuotesAndNewlines() {
        let text = #""time","probes, up","say ""hi""","two"# + "\n"
            + #"lines""# + "\n"
            + #""2014-12-22T12:00:00Z","12"," -3.5 ",  "1e3"  "# + "\n"
            + #"1419249660,"","NA","""# + "\n"
        let outcome = readSeries(text)
        #expect(outcome.issues == [])
        #expect(outcome.headers == [
            SeriesHeader(timeColumn: "time", signals: ["probes, up", "say \"hi\"", "two\nlines"])
        ])
        #expect(outcome.rows == [
            .init(time: dec22 + 43_200, values: [12, -3.5, 1000]),
            .init(time: dec22 + 43_260, values: [nil, nil, nil]),
        ])
    }

    @Test func quotedNewlineInsideADataCellIsOneRow() {
        // A newline inside quotes, even CRLF, belongs to the cell; the row is still one row.
        let outcome = readSeries("time,a,b\r\n1,\"2\",\"NA\r\n\"\r\n2,3,4\r\n")
        // "NA\r\n" is not a missing-value spelling: the CR and LF are part of the cell.
        #expect(outcome.rows == [])
        #expect(outcome.issues == [
            issue(2, 7, #"bad value in column "b": "NA\r\n" (expected a number, or empty, NA, null or NaN for a missing value)"#)
        ])
    }

    @Test func missingValueSpellings() {
        let spellings = ["", " ", "NA", "na", "Na", "null", "NULL", "Null", "NaN", "nan", "NAN", " NA ", "\"\"", "\" null \""]
        var text = "time," + spellings.indices.map { "s\($0)" }.joined(separator: ",") + "\n"
        text += "0," + spellings.joined(separator: ",") + "\n"
        let outcome = readSeries(text)
        #expect(outcome.issues == [])
        #expect(outcome.rows == [.init(time: 0, values: Array(repeating: nil, count: spellings.count))])
        #expect(outcome.headers.first?.signals.count == spellings.count)
    }

    @Test func numberForms() {
        let cells = ["12", "-3.5", "1e3", "+4", ".5", "5.", "1E-2", "-0", "0.1", "007", "2.5e+2", "9007199254740993", " 42 "]
        let expected: [Double] = [12, -3.5, 1000, 4, 0.5, 5, 0.01, -0.0, 0.1, 7, 250, 9_007_199_254_740_992, 42]
        var text = "time," + cells.indices.map { "v\($0)" }.joined(separator: ",") + "\n"
        text += "1," + cells.joined(separator: ",") + "\n"
        let outcome = readSeries(text)
        #expect(outcome.issues == [])
        let values = outcome.rows.first?.values.compactMap { $0 } ?? []
        #expect(values == expected)
        #expect(values.count == cells.count)
        #expect(values[7].sign == .minus)
    }

    @Test func mixedTimeFormats() {
        let outcome = readSeries("""
            when,x
            1969-12-31,1
            -1.5,2
            -1,3
            1970-01-01T00:00:00Z,4
            1.999,5
            1970-01-01T00:00:02.5+00:00,6
            1970-01-01T09:00:03+09:00,7
            1970-01-01T00:00:04z,8
            +5,9
            1970-01-02,10
            """)
        #expect(outcome.issues == [])
        #expect(outcome.headers.first?.timeColumn == "when")
        #expect(outcome.rows.map(\.time) == [-86_400, -2, -1, 0, 1, 2, 3, 4, 5, 86_400])
        #expect(outcome.rows.map { $0.values[0] } == (1...10).map { Double($0) })
    }

    @Test func trailingBlankLinesAreIgnored() {
        for ending in ["\n\n\n", "\r\n\r\n", "\n   \n\t\n", "\n \n \n"] {
            let outcome = readSeries("time,x\n1,2" + ending)
            #expect(outcome.issues == [], "ending \(ending.debugDescription)")
            #expect(outcome.rows == [.init(time: 1, values: [2])])
        }
    }

    @Test func headerOnly() {
        let outcome = readSeries("time,x,y\n")
        #expect(outcome.issues == [])
        #expect(outcome.headers == [SeriesHeader(timeColumn: "time", signals: ["x", "y"])])
        #expect(outcome.rows == [])
    }

    @Test func nonASCIINamesAndQuotedTime() {
        let outcome = readSeries("Zeit (UTC),Erreichbarkeit %,測定\n\"2014-12-22\",99.5,1\n")
        #expect(outcome.issues == [])
        #expect(outcome.headers == [SeriesHeader(timeColumn: "Zeit (UTC)", signals: ["Erreichbarkeit %", "測定"])])
        #expect(outcome.rows == [.init(time: dec22, values: [99.5, 1])])
    }

    @Test func extremeButValidValues() {
        let outcome = readSeries("t,v\n0,1.7976931348623157e308\n1,-4.9e-324\n2,1e-400\n3,123456789012345678901234567890\n")
        #expect(outcome.issues == [])
        #expect(outcome.rows.map { $0.values[0] } == [
            Double.greatestFiniteMagnitude, -Double.leastNonzeroMagnitude, 0, 1.2345678901234568e29,
        ])
    }

    @Test func timesAtTheEdgesOfTheRange() {
        let outcome = readSeries("t,v\n-62167219200,1\n0000-01-01T00:00:01Z,2\n253402300799,3\n")
        #expect(outcome.issues == [])
        #expect(outcome.rows.map(\.time) == [-62_167_219_200, -62_167_219_199, 253_402_300_799])
    }
}
