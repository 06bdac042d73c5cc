import Diagnostics
import Foundation

/// Reads user files as UTF-8 text, turning every failure into a diagnostic instead of a crash.
enum TextFile {
    /// Files larger than this are refused: nothing a person writes by hand is that big, and it
    /// keeps a stray binary or a runaway export from exhausting memory.
    static let maximumSize = 64 * 1024 * 1024

    /// Reads `url` if it is a regular file inside `site` (links are resolved and checked first,
    /// so neither a FIFO nor a link out of the site is ever opened).
    static func read(_ url: URL, displayPath: String, site: SiteFolder) -> Result<String, Diagnostic> {
        switch readData(url, displayPath: displayPath, site: site) {
        case .failure(let diagnostic): return .failure(diagnostic)
        case .success(let data): return decode(data, displayPath: displayPath)
        }
    }

    /// The bytes of a regular file inside `site`, at most `maximumSize` of them.
    static func readData(_ url: URL, displayPath: String, site: SiteFolder) -> Result<Data, Diagnostic> {
        switch site.readablePath(url, displayPath: displayPath) {
        case .failure(let diagnostic): return .failure(diagnostic)
        case .success(let file) where file.size > maximumSize:
            return .failure(.error("file is larger than 64 MB", at: SourceLocation(file: displayPath)))
        case .success(let file):
            do {
                return .success(try Data(contentsOf: URL(fileURLWithPath: file.path)))
            } catch {
                return .failure(.error("cannot read file: \(error.localizedDescription)", at: SourceLocation(file: displayPath)))
            }
        }
    }

    /// Validates UTF-8 and strips a BOM; invalid bytes are an error at their line and column.
    static func decode(_ data: Data, displayPath: String) -> Result<String, Diagnostic> {
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            return .failure(.error("file is UTF-16, not UTF-8: save it as UTF-8", at: SourceLocation(file: displayPath, line: 1, column: 1)))
        }
        if let bad = firstInvalidUTF8Offset(bytes) {
            let (line, column) = lineAndColumn(ofByte: bad, in: bytes)
            return .failure(.error("file is not valid UTF-8 (byte 0x\(String(bytes[bad], radix: 16, uppercase: true)))",
                                   at: SourceLocation(file: displayPath, line: line, column: column)))
        }
        if bytes.contains(0) {
            let offset = bytes.firstIndex(of: 0) ?? 0
            let (line, column) = lineAndColumn(ofByte: offset, in: bytes)
            return .failure(.error("file contains a NUL byte; is it a binary file?",
                                   at: SourceLocation(file: displayPath, line: line, column: column)))
        }
        if ControlCharacters.contains(in: bytes) { bytes = ControlCharacters.removed(from: bytes) }
        var text = String(decoding: bytes, as: UTF8.self)
        if text.contains("\r\n") { text = text.replacingOccurrences(of: "\r\n", with: "\n") }
        return .success(text)
    }

    static func firstInvalidUTF8Offset(_ bytes: [UInt8]) -> Int? {
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            let length: Int
            switch b {
            case 0x00...0x7F: i += 1; continue
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return i
            }
            guard i + length <= n else { return i }
            for k in 1..<length where bytes[i + k] & 0xC0 != 0x80 { return i }
            // Overlong, surrogate and out-of-range forms.
            let second = bytes[i + 1]
            if b == 0xE0 && second < 0xA0 { return i }
            if b == 0xED && second > 0x9F { return i }
            if b == 0xF0 && second < 0x90 { return i }
            if b == 0xF4 && second > 0x8F { return i }
            i += length
        }
        return nil
    }

    /// 1-based line and column (in characters, counting a multi-byte sequence once).
    static func lineAndColumn(ofByte offset: Int, in bytes: [UInt8]) -> (Int, Int) {
        var line = 1
        var column = 1
        for b in bytes[..<min(offset, bytes.count)] {
            if b == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if b & 0xC0 != 0x80 {
                column += 1
            }
        }
        return (line, column)
    }
}
