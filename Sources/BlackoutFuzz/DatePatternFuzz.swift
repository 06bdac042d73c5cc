#if BLACKOUT_FUZZ
@testable import OutageData

/// Input: a pattern, a newline, a cell (invalid UTF-8 is decoded with replacement characters,
/// as a String from any source would be). Compiles the pattern as a dataset's `formats` does and
/// matches the cell in UTC and in a zone with daylight saving.
enum DatePatternFuzz {
    static let zones: [Zone] = [Zone.utc] + ["America/New_York", "Australia/Lord_Howe"].compactMap { Zone(identifier: $0) }

    static func run(_ bytes: [UInt8]) {
        let split = bytes.firstIndex(of: UInt8(ascii: "\n")) ?? bytes.endIndex
        let pattern = String(decoding: bytes[..<split], as: UTF8.self)
        let cell = String(decoding: bytes[min(split + 1, bytes.endIndex)...], as: UTF8.self)
        let compiled: DatePattern
        do {
            compiled = try DatePattern(pattern)
        } catch {
            check(error.message.hasPrefix("is not a date pattern: "), "unexpected pattern error: \(error.message)")
            return
        }
        for zone in zones {
            let matched = compiled.match(cell, zone: zone)
            check(matched == parseDate(cell, patterns: [compiled], zone: zone), "parseDate differs from match")
            if let matched {
                check(matched.isDateOnly == !compiled.hasTime, "date-only flag differs from the pattern")
                _ = matched.iso8601
                _ = matched.rfc3339
                _ = matched.year
            }
        }
    }
}
#endif
