import Diagnostics

/// A content file split into its YAML front matter and its Markdown body.
struct FrontMatterSplit: Sendable {
    /// The YAML between the `---` lines ("" when the file has none).
    var yaml: String
    /// 1-based line in the file where the YAML starts, so YAML marks map back to the file.
    var yamlFirstLine: Int
    var body: String
    var hasFrontMatter: Bool
}

enum FrontMatter {
    /// Splits a content file, reporting an unclosed front matter, and a missing one when
    /// `requiredBecause` says why it is needed. Nil when the file cannot be read further.
    static func open(_ text: String, file: String, requiredBecause: String?, diagnostics: inout [Diagnostic]) -> FrontMatterSplit? {
        let start = SourceLocation(file: file, line: 1, column: 1)
        guard let split = split(text) else {
            diagnostics.append(.error("front matter is not closed: add a line \"---\" after it", at: start))
            return nil
        }
        if !split.hasFrontMatter, let reason = requiredBecause {
            diagnostics.append(.error("missing front matter: \(reason)", at: start))
            return nil
        }
        return split
    }

    /// Splits `---\n yaml \n---\n body`. A file that does not start with `---` has no front
    /// matter; one that starts but never closes is reported by the caller as an error.
    ///
    /// Works on the UTF-8 bytes. Lines end at "\n", except one right after "\r": the text is
    /// split as a String splits on the Character "\n", and "\r\n" is one Character (it can
    /// remain after CRLF normalisation, from "\r\r\n").
    static func split(_ text: String) -> FrontMatterSplit? {
        var text = text
        return text.withUTF8 { bytes -> FrontMatterSplit? in
            var lines = LineCursor(bytes)
            guard let first = lines.next(), isFence(bytes, first) else {
                return FrontMatterSplit(yaml: "", yamlFirstLine: 1, body: String(decoding: bytes, as: UTF8.self), hasFrontMatter: false)
            }
            let yamlStart = first.next
            while let line = lines.next() {
                if isFence(bytes, line) || isDots(bytes, line) {
                    // The YAML is every line between, without the line end before the fence.
                    let yaml = line.start > yamlStart ? UnsafeBufferPointer(rebasing: bytes[yamlStart..<(line.start - 1)]) : UnsafeBufferPointer(rebasing: bytes[yamlStart..<yamlStart])
                    return FrontMatterSplit(
                        yaml: String(decoding: yaml, as: UTF8.self), yamlFirstLine: 2,
                        body: String(decoding: UnsafeBufferPointer(rebasing: bytes[line.next...]), as: UTF8.self), hasFrontMatter: true)
                }
            }
            return nil
        }
    }

    /// One line: its bytes `start..<end` (without the line end) and where the next one starts.
    struct Line {
        var start: Int
        var end: Int
        var next: Int
    }

    /// The lines of a text, as `String.split(separator: "\n", omittingEmptySubsequences: false)`
    /// gives them.
    struct LineCursor {
        let bytes: UnsafeBufferPointer<UInt8>
        var position = 0
        var done = false

        init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

        mutating func next() -> Line? {
            guard !done else { return nil }
            var i = position
            while i < bytes.count {
                if bytes[i] == 0x0A && (i == 0 || bytes[i - 1] != 0x0D) {
                    let line = Line(start: position, end: i, next: i + 1)
                    position = i + 1
                    return line
                }
                i += 1
            }
            done = true
            return Line(start: position, end: bytes.count, next: bytes.count)
        }
    }

    private static func isFence(_ bytes: UnsafeBufferPointer<UInt8>, _ line: Line) -> Bool {
        trimmed(bytes, line).elementsEqual("---".utf8)
    }

    private static func isDots(_ bytes: UnsafeBufferPointer<UInt8>, _ line: Line) -> Bool {
        trimmed(bytes, line).elementsEqual("...".utf8)
    }

    /// The line without trailing spaces, tabs and carriage returns.
    private static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>, _ line: Line) -> Slice<UnsafeBufferPointer<UInt8>> {
        var end = line.end
        while end > line.start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 || bytes[end - 1] == 0x0D { end -= 1 }
        return bytes[line.start..<end]
    }
}
