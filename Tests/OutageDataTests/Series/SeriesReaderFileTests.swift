import Foundation
import Testing
@testable import OutageData

/// Reading from disk, and volume: files stream in chunks.
struct SeriesReaderFileTests {
    /// A fresh folder under the system's temporary folder, removed after `body`.
    func withTemporaryFolder(_ body: (URL) throws -> Void) throws {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("blackout-series-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try body(folder)
    }

    /// 200,000 rows in the shapes real exports have; the expected sums are computed alongside.
    static func generated(rows: Int) -> (bytes: [UInt8], sum: Double, missing: Int, lastTime: Int64) {
        var text = "\u{FEFF}time,bgp_prefixes,probes_up,active\r\n"
        var sum = 0.0
        var missing = 0
        var time = dec22
        for index in 0..<rows {
            time = dec22 + Int64(index) * 60
            let a = index % 7
            let b = 100 + index % 53
            if index % 2 == 0 {
                text += "\(time),"
            } else {
                text += Timestamp(seconds: time).rfc3339 + ","
            }
            if index % 97 == 0 {
                text += "\(a),,NA\r\n"
                sum += Double(a)
                missing += 2
            } else {
                text += "\(a),\"\(b)\",\(b).5e-1\r\n"  // 100.5e-1 is 10.05
                sum += Double(a) + Double(b) + (Double(b) + 0.5) / 10
            }
        }
        return (Array(text.utf8), sum, missing, time)
    }

    @Test func twoHundredThousandRowsStreamFromAFile() throws {
        let rows = 200_000
        let (bytes, expectedSum, expectedMissing, lastTime) = Self.generated(rows: rows)
        try withTemporaryFolder { folder in
            let file = folder.appendingPathComponent("connectivity.csv")
            try Data(bytes).write(to: file)
            for chunkSize in [4_096, 1 << 20, 333] {
                var limits = SeriesLimits()
                limits.chunkSize = chunkSize
                var count = 0
                var sum = 0.0
                var missing = 0
                var previous = Int64.min
                var ascending = true
                var headers: [SeriesHeader] = []
                let issues = SeriesReader.read(
                    path: file.path, maxIssues: 20, limits: limits,
                    header: { headers.append($0) },
                    row: { time, values in
                        count += 1
                        if time <= previous { ascending = false }
                        previous = time
                        for value in values {
                            if value.isNaN { missing += 1 } else { sum += value }
                        }
                    })
                #expect(issues == [])
                #expect(headers == [SeriesHeader(timeColumn: "time", signals: ["bgp_prefixes", "probes_up", "active"])])
                #expect(count == rows)
                #expect(ascending)
                #expect(previous == lastTime)
                #expect(missing == expectedMissing)
                #expect(abs(sum - expectedSum) < 1e-6 * expectedSum)
            }
        }
    }

    @Test func twoHundredThousandRowsFromMemoryMatchTheFile() throws {
        let (bytes, _, _, _) = Self.generated(rows: 200_000)
        var fromMemory: [Int64] = []
        var fromFile: [Int64] = []
        #expect(SeriesReader.read(bytes: bytes, header: { _ in }, row: { time, _ in fromMemory.append(time) }) == [])
        try withTemporaryFolder { folder in
            let file = folder.appendingPathComponent("a.csv")
            try Data(bytes).write(to: file)
            #expect(SeriesReader.read(path: file.path, header: { _ in }, row: { time, _ in fromFile.append(time) }) == [])
        }
        #expect(fromMemory.count == 200_000)
        #expect(fromFile == fromMemory)
    }

    @Test func issuesFromAFileHaveLinesAndColumns() throws {
        try withTemporaryFolder { folder in
            let file = folder.appendingPathComponent("bad.csv")
            try Data("time,x\n1,2\n1,3\n".utf8).write(to: file)
            let issues = SeriesReader.read(path: file.path, header: { _ in }, row: { _, _ in })
            #expect(issues == [issue(3, 1, "time 1970-01-01T00:00:01Z repeats line 2")])
        }
    }

    @Test func missingFile() {
        let issues = SeriesReader.read(path: "/nonexistent/blackout/series.csv", header: { _ in }, row: { _, _ in })
        #expect(issues == [issue(0, 0, "cannot read the file: No such file or directory")])
    }

    @Test func directory() throws {
        try withTemporaryFolder { folder in
            let issues = SeriesReader.read(path: folder.path, header: { _ in }, row: { _, _ in })
            #expect(issues == [issue(0, 0, "cannot read the file: it is a directory")])
        }
    }

    @Test func notARegularFile() {
        let issues = SeriesReader.read(path: "/dev/null", header: { _ in }, row: { _, _ in })
        #expect(issues == [issue(0, 0, "cannot read the file: it is not a regular file")])
    }

    @Test func pathThroughAFile() throws {
        try withTemporaryFolder { folder in
            let file = folder.appendingPathComponent("plain.csv")
            try Data("t,v\n".utf8).write(to: file)
            let issues = SeriesReader.read(path: file.path + "/inner.csv", header: { _ in }, row: { _, _ in })
            #expect(issues == [issue(0, 0, "cannot read the file: Not a directory")])
        }
    }

    @Test func emptyFileOnDisk() throws {
        try withTemporaryFolder { folder in
            let file = folder.appendingPathComponent("empty.csv")
            try Data().write(to: file)
            var called = false
            let issues = SeriesReader.read(path: file.path, header: { _ in called = true }, row: { _, _ in called = true })
            #expect(issues == [issue(0, 0, "file is empty")])
            #expect(!called)
        }
    }
}
