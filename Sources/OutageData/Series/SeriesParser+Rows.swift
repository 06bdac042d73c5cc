/// Turning a finished line of cells into the header or a data row.
extension SeriesRows {
    mutating func row(_ view: CSVRowView) {
        let cellCount = view.cellCount
        func slice(_ cell: CSVCell) -> UnsafeBufferPointer<UInt8> {
            SeriesCells.trimmed(view.bytes(cell))
        }
        if cellCount == 1, let only = view.cells.first, !only.quoted, only.junkLine == 0, slice(only).isEmpty {
            if pendingBlankLine == 0 { pendingBlankLine = view.line }
            return
        }
        reportPendingBlankLine()
        if headerSeen {
            interpretData(view, slice: slice)
        } else {
            interpretHeader(view, slice: slice)
        }
    }

    mutating func interpretHeader(_ view: CSVRowView, slice: (CSVCell) -> UnsafeBufferPointer<UInt8>) {
        let rowCells = view.cells, cellCount = view.cellCount, rowLine = view.line
        headerSeen = true
        guard cellCount <= limits.maxColumns else {
            stop(at: rowLine, 1, "the header has \(cellCount) columns, more than the \(limits.maxColumns) allowed")
            return
        }
        guard cellCount >= 2 else {
            stop(at: rowLine, 1, "the header needs a time column and at least one signal")
            return
        }
        var names: [String] = []
        names.reserveCapacity(rowCells.count)
        var firstColumn: [String: Int] = [:]
        var valid = true
        for (index, cell) in rowCells.enumerated() {
            if cell.junkLine > 0 {
                add(at: cell.junkLine, cell.junkColumn, Self.junkMessage)
                valid = false
            }
            let name = SeriesCells.text(slice(cell))
            names.append(name)
            if name.isEmpty {
                add(at: cell.line, cell.column, "empty column name")
                valid = false
            } else if let first = firstColumn[name] {
                add(at: cell.line, cell.column, "duplicate column name \(quoted(name)) (also column \(first))")
                valid = false
            } else {
                firstColumn[name] = index + 1
            }
        }
        cellLimit = rowCells.count + 1
        values = Array(repeating: .nan, count: rowCells.count - 1)
        signalNames = Array(names.dropFirst())
        if valid && issues.isEmpty {
            headerDelivered = true
            onHeader?(SeriesHeader(timeColumn: names[0], signals: signalNames))
        }
    }

    static let junkMessage = "text after the closing quote of a cell (write \"\" for a quote inside a quoted cell)"

    mutating func interpretData(_ view: CSVRowView, slice: (CSVCell) -> UnsafeBufferPointer<UInt8>) {
        let rowCells = view.cells, cellCount = view.cellCount, line = view.endLine, endColumn = view.endColumn
        let expected = values.count + 1

        // The time, and its order, even when the row has the wrong number of cells.
        var time: Int64?
        var loss: SeriesTime.Loss?
        if let timeCell = rowCells.first {
            if timeCell.junkLine > 0 {
                add(at: timeCell.junkLine, timeCell.junkColumn, Self.junkMessage)
            } else {
                let text = slice(timeCell)
                switch SeriesTime.parse(text) {
                case .time(let seconds):
                    time = seconds
                    loss = SeriesTime.loss(text)
                case let failure:
                    add(at: timeCell.line, timeCell.column, Self.timeMessage(failure, SeriesCells.text(text)))
                }
            }
            if let time {
                if lastTimeLine > 0 && time <= lastTime {
                    let this = Timestamp(seconds: time).rfc3339
                    let message: String
                    if time == lastTime, let lost = loss ?? lastTimeLoss {
                        // Two rows in one second only because times are whole seconds.
                        message = "time \(quoted(SeriesCells.text(slice(timeCell)))) falls in the same second as line \(lastTimeLine) "
                            + "(\(this)): series times are kept to the whole second (\(lost.rule)), so each row needs a second of its own"
                    } else if time == lastTime {
                        message = "time \(this) repeats line \(lastTimeLine)"
                    } else {
                        message = "time \(this) is not after line \(lastTimeLine) (\(Timestamp(seconds: lastTime).rfc3339)): "
                            + "rows must be in ascending time order"
                    }
                    add(at: timeCell.line, timeCell.column, message)
                }
                lastTime = time
                lastTimeLoss = loss
                lastTimeLine = timeCell.line
            }
        }

        guard cellCount == expected else {
            let message = "row has \(cellCount) \(cellCount == 1 ? "cell" : "cells"), the header has \(expected)"
            if cellCount > expected, rowCells.count > expected {
                add(at: rowCells[expected].line, rowCells[expected].column, message)
            } else {
                add(at: line, endColumn, message)
            }
            return
        }

        for signal in 0..<values.count {
            let cell = rowCells[signal + 1]
            if cell.junkLine > 0 {
                add(at: cell.junkLine, cell.junkColumn, Self.junkMessage)
                continue
            }
            let text = slice(cell)
            switch SeriesNumber.parse(text) {
            case .number(let value):
                values[signal] = value
            case .missing:
                values[signal] = .nan
            case .invalid:
                add(at: cell.line, cell.column,
                    "bad value in column \(quoted(signalNames[signal])): \(quoted(SeriesCells.text(text))) "
                        + "(expected a number, or empty, NA, null or NaN for a missing value)")
            case .tooLarge:
                add(at: cell.line, cell.column,
                    "bad value in column \(quoted(signalNames[signal])): \(quoted(SeriesCells.text(text))) "
                        + "(too large for a number)")
            }
        }

        if let time, headerDelivered, issues.isEmpty {
            let onRow = self.onRow
            values.withUnsafeBufferPointer { onRow?(time, $0) }
        }
    }

    static func timeMessage(_ failure: SeriesTime.Outcome, _ text: String) -> String {
        switch failure {
        case .empty:
            return "missing time (expected ISO 8601 with a zone or Unix seconds)"
        case .missingZone:
            // Only well-formed ASCII is reported as missing its zone, so it can be echoed as is.
            return "time has no time zone: \(quoted(text)) (write \(text)Z for UTC)"
        case .outOfRange(let milliseconds):
            return "time is out of range: \(quoted(text)) (Unix seconds must fall in the years 0000 to 9999"
                + (milliseconds ? "; are these milliseconds?)" : ")")
        case .invalid, .time:
            if let (what, reason) = Timestamp.impossibility(text) {
                return "time is not a real \(what): \(quoted(text)) (\(reason))"
            }
            return "\(quoted(text)) is not a time (expected ISO 8601 with a zone or Unix seconds)"
        }
    }
}
