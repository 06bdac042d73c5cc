/// The fast path for the common data row: a whole line in the buffer, plain ASCII, no quotes,
/// every cell good and the time after the one before. Such a row is split and parsed in place
/// from the read buffer (no copy of its cells) and handed to `row`. Anything else (a quote, a
/// lone CR, non-ASCII, a bad cell, a wrong cell count, a time out of order, a row running past
/// the buffer) is left to the state machine, which reads the row as before and reports what it
/// finds: the fast path never reports anything, so the issues are the same with it or without.
extension SeriesRows {
    /// Reads the row starting at `buffer[start]`, the first byte of line `line`, if it is a
    /// common one: the index of its line feed, or nil (nothing changed) when the tokenizer
    /// must read it.
    mutating func fastRow(_ buffer: UnsafeBufferPointer<UInt8>, from start: Int, line: Int) -> Int? {
        guard limits.fastRows && headerDelivered && pendingBlankLine == 0 && issues.isEmpty else { return nil }
        let after = lastTimeLine > 0 ? lastTime : nil
        let maxLineBytes = limits.maxLineBytes
        var cache = dateCache
        let scanned = values.withUnsafeMutableBufferPointer { values in
            Self.scanRow(buffer, from: start, maxLineBytes: maxLineBytes, after: after, into: values, dateCache: &cache)
        }
        dateCache = cache
        guard let scanned else { return nil }
        lastTime = scanned.time
        lastTimeLoss = scanned.loss
        lastTimeLine = line
        let onRow = self.onRow
        values.withUnsafeBufferPointer { onRow?(scanned.time, $0) }
        return scanned.lineFeed
    }

    struct ScannedRow {
        var time: Int64
        var loss: SeriesTime.Loss?
        /// Index of the row's line feed.
        var lineFeed: Int
    }

    /// Splits and parses one row in place: the time, then each value into `values`.
    static func scanRow(
        _ buffer: UnsafeBufferPointer<UInt8>, from start: Int, maxLineBytes: Int, after: Int64?,
        into values: UnsafeMutableBufferPointer<Double>, dateCache: inout SeriesTime.DateCache
    ) -> ScannedRow? {
        guard let base = buffer.baseAddress else { return nil }
        let count = buffer.count
        // Bytes at line positions 0..<maxLineBytes may be content; a line end may come after them.
        let contentLimit = maxLineBytes >= count - start ? count : start + maxLineBytes
        var position = start
        var cellStart = start
        var cellIndex = 0
        var time: Int64 = 0
        var loss: SeriesTime.Loss?
        while true {
            // One cell: up to a comma or the line end.
            var byte: UInt8 = 0
            while position < contentLimit {
                byte = base[position]
                if byte == CSVTokenizer.comma || byte == CSVTokenizer.lineFeed || byte == CSVTokenizer.carriageReturn || byte == CSVTokenizer.quote || byte >= 0x80 { break }
                position += 1
            }
            if position == contentLimit {
                // The buffer (or the line limit) ends first; a line end there still closes the row.
                guard position < count else { return nil }
                byte = base[position]
                guard byte == CSVTokenizer.lineFeed || byte == CSVTokenizer.carriageReturn else { return nil }
            }
            var lineFeedIndex = -1
            switch byte {
            case CSVTokenizer.comma:
                break
            case CSVTokenizer.lineFeed:
                lineFeedIndex = position
            case CSVTokenizer.carriageReturn:
                guard position + 1 < count, base[position + 1] == CSVTokenizer.lineFeed else { return nil }
                lineFeedIndex = position + 1
            default:
                return nil
            }
            let cell = SeriesCells.trimmed(UnsafeBufferPointer(start: base + cellStart, count: position - cellStart))
            if cellIndex == 0 {
                if let seconds = SeriesTime.commonISO(cell, cache: &dateCache) {
                    time = seconds
                } else {
                    guard case .time(let seconds) = SeriesTime.parse(cell) else { return nil }
                    time = seconds
                    loss = SeriesTime.loss(cell)
                }
                if let after, time <= after { return nil }
            } else {
                guard cellIndex <= values.count else { return nil }
                switch SeriesNumber.parse(cell) {
                case .number(let value): values[cellIndex - 1] = value
                case .missing: values[cellIndex - 1] = .nan
                case .invalid, .tooLarge: return nil
                }
            }
            cellIndex += 1
            if lineFeedIndex >= 0 {
                guard cellIndex == values.count + 1 else { return nil }
                return ScannedRow(time: time, loss: loss, lineFeed: lineFeedIndex)
            }
            position += 1
            cellStart = position
        }
    }
}
