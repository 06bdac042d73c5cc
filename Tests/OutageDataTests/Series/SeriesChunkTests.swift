import Testing
@testable import OutageData

/// The same input fed in chunks of 1, 2, 3 and 7 bytes gives what one chunk gives: boundaries
/// fall inside the BOM, multi-byte characters, CRLF pairs, `""` escapes, numbers and times.
/// (Every other test in this folder also runs each input at these sizes, through `readSeries`.)
struct SeriesChunkTests {
    static let goodInput = "\u{FEFF}time, \"sig, nal\" ,\"é\u{1F310}\"\r\n"
        + "2014-12-22T12:00:00Z,\"1\"\"\",2\r\n"  // an issue: 1" is not a number
        + "2014-12-22T12:00:00.5+00:00,1e3,\r\n"
        + "1419249700,  -0.25  ,NaN\r\n"
        + "\"2014-12-22T12:05:00Z\",\"7\",\"null\"\r\n\r\n"

    static let cleanInput = "\u{FEFF}time, \"sig, nal\" ,\"é\u{1F310}\"\r\n"
        + "2014-12-22T12:00:00Z,\"1\",2\r\n"
        + "1419249660,1e3,\r\n"
        + "1419249700,  -0.25  ,NaN\r\n"
        + "\"2014-12-22T12:05:00Z\",\"7\",\"null\"\r\n\r\n"

    @Test(arguments: [1, 2, 3, 7])
    func tinyChunksGiveIdenticalResults(chunkSize: Int) {
        var tiny = SeriesLimits()
        tiny.chunkSize = chunkSize
        for input in [Self.goodInput, Self.cleanInput] {
            let bytes = Array(input.utf8)
            let whole = readSeriesOnce(bytes, limits: SeriesLimits())
            let chunked = readSeriesOnce(bytes, limits: tiny)
            #expect(chunked == whole)
        }
        // And the results themselves, so that "identical" is not "identically empty".
        let clean = readSeriesOnce(Array(Self.cleanInput.utf8), limits: tiny)
        #expect(clean.issues == [])
        #expect(clean.headers == [SeriesHeader(timeColumn: "time", signals: ["sig, nal", "é\u{1F310}"])])
        #expect(clean.rows == [
            .init(time: dec22 + 43_200, values: [1, 2]),
            .init(time: dec22 + 43_260, values: [1000, nil]),
            .init(time: dec22 + 43_300, values: [-0.25, nil]),
            .init(time: dec22 + 43_500, values: [7, nil]),
        ])
        let withIssues = readSeriesOnce(Array(Self.goodInput.utf8), limits: tiny)
        #expect(withIssues.issues == [
            issue(2, 22, #"bad value in column "sig, nal": "1\"" (expected a number, or empty, NA, null or NaN for a missing value)"#),
            issue(3, 1, "time \"2014-12-22T12:00:00.5+00:00\" falls in the same second as line 2 (2014-12-22T12:00:00Z): "
                  + "series times are kept to the whole second (fractions are dropped), so each row needs a second of its own"),
        ])
    }

    @Test(arguments: [1, 2, 3, 7])
    func tinyChunksThatDoNotDivideTheInput(chunkSize: Int) {
        // Chunk sizes that do not divide the input: the last chunk is short.
        var limits = SeriesLimits()
        limits.chunkSize = chunkSize
        var input = "t,v\n"
        for index in 0..<500 { input += "\(index),\(index % 3 == 0 ? "NA" : "\(index).\(index)")\n" }
        let outcome = readSeriesOnce(Array(input.utf8), limits: limits)
        #expect(outcome.issues == [])
        #expect(outcome.rows.count == 500)
        #expect(outcome.rows[499] == .init(time: 499, values: [499.499]))
        #expect(outcome.rows[498] == .init(time: 498, values: [nil]))
    }
}
