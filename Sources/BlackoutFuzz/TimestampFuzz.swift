#if BLACKOUT_FUZZ
@testable import OutageData

/// Timestamp.parse (front matter, datasets without formats) on the input as text, and the
/// series time cell parser (ISO 8601 or Unix seconds) on the raw bytes.
enum TimestampFuzz {
    static func run(_ bytes: [UInt8]) {
        let text = String(decoding: bytes, as: UTF8.self)
        var parsed: Timestamp?
        do {
            let timestamp = try Timestamp.parse(text)
            parsed = timestamp
            let iso = timestamp.iso8601
            _ = timestamp.rfc3339
            _ = timestamp.civil(offsetSeconds: 14 * 3600)
            if (0...9999).contains(timestamp.year) {
                let again = try? Timestamp.parse(iso)
                check(again == timestamp, "\(iso) does not read back as \(timestamp)")
            }
        } catch {
            check(!error.message.isEmpty, "an empty timestamp error")
        }
        let cell = bytes.withUnsafeBufferPointer { SeriesTime.parse($0) }
        if case .time(let seconds) = cell {
            // Unix seconds are held to 0000–9999 in UTC; an ISO time to 0000–9999 as written, so
            // its UTC offset (at most 14 hours) may take it just outside.
            let slack = TimestampScanner.maximumOffset
            check(seconds >= SeriesTime.earliest - slack && seconds <= SeriesTime.latest + slack, "series time out of range: \(seconds)")
            // ISO text (a "-" after the year) must give the same instant both ways.
            if bytes.count > 4, bytes[4] == UInt8(ascii: "-"), let parsed {
                check(parsed.seconds == seconds, "series time \(seconds) differs from Timestamp.parse \(parsed.seconds)")
            }
        }
    }
}
#endif
