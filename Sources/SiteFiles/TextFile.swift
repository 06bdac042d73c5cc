import Diagnostics
import Foundation

/// Reads user files as UTF-8 text, turning every failure into a diagnostic instead of a crash.
package enum TextFile {
    /// Files larger than this are refused: nothing a person writes by hand is that big, and it
    /// keeps a stray binary or a runaway export from exhausting memory.
    static let maximumSize = 64 * 1024 * 1024

    /// Reads `url` if it is a regular file inside `site` (links are resolved and checked first,
    /// so neither a FIFO nor a link out of the site is ever opened).
    package static func read(_ url: URL, displayPath: String, site: SiteFolder) -> Result<String, Diagnostic> {
        read(path: url.path, displayPath: displayPath, site: site)
    }

    package static func read(path: String, displayPath: String, site: SiteFolder) -> Result<String, Diagnostic> {
        switch readBytes(path: path, displayPath: displayPath, site: site) {
        case .failure(let diagnostic): return .failure(diagnostic)
        case .success(let bytes): return decode(bytes: bytes, displayPath: displayPath)
        }
    }

    /// The bytes of a regular file inside `site`, at most `maximumSize` of them.
    package static func readData(_ url: URL, displayPath: String, site: SiteFolder) -> Result<Data, Diagnostic> {
        readBytes(path: url.path, displayPath: displayPath, site: site).map { Data($0) }
    }

    /// The same as bytes, read with POSIX calls into one buffer of the size `inspect` found.
    package static func readBytes(path: String, displayPath: String, site: SiteFolder) -> Result<[UInt8], Diagnostic> {
        switch site.readablePath(path: path, displayPath: displayPath) {
        case .failure(let diagnostic): return .failure(diagnostic)
        case .success(let file) where file.size > maximumSize:
            return .failure(.error("file is larger than 64 MB", at: SourceLocation(file: displayPath)))
        case .success(let file):
            return FileBytes.read(path: file.path, expectedSize: file.size, limit: maximumSize).mapError { failure in
                .error("cannot read file: \(failure.message)", at: SourceLocation(file: displayPath))
            }
        }
    }

    /// Validates UTF-8 and strips a BOM; invalid bytes are an error at their line and column.
    package static func decode(_ data: Data, displayPath: String) -> Result<String, Diagnostic> {
        decode(bytes: [UInt8](data), displayPath: displayPath)
    }

    /// The same over bytes. A UTF-16 BOM, invalid UTF-8 and a NUL byte are errors; control
    /// characters are removed and CRLF becomes LF (one pass, left to right, as
    /// `replacingOccurrences(of: "\r\n", with: "\n")` does).
    package static func decode(bytes: [UInt8], displayPath: String) -> Result<String, Diagnostic> {
        let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        return bytes.withUnsafeBufferPointer { all in
            let body = UnsafeBufferPointer(rebasing: all[start...])
            if body.starts(with: [0xFF, 0xFE]) || body.starts(with: [0xFE, 0xFF]) {
                return .failure(.error("file is UTF-16, not UTF-8: save it as UTF-8", at: SourceLocation(file: displayPath, line: 1, column: 1)))
            }
            let scan = TextScan(body)
            if !scan.isASCII, let bad = firstInvalidUTF8Offset(body) {
                let (line, column) = lineAndColumn(ofByte: bad, in: body)
                return .failure(.error("file is not valid UTF-8 (byte 0x\(String(body[bad], radix: 16, uppercase: true)))",
                                       at: SourceLocation(file: displayPath, line: line, column: column)))
            }
            if let nul = scan.firstNUL {
                let (line, column) = lineAndColumn(ofByte: nul, in: body)
                return .failure(.error("file contains a NUL byte; is it a binary file?",
                                       at: SourceLocation(file: displayPath, line: line, column: column)))
            }
            guard scan.mayHaveControls || scan.hasCRLF else { return .success(String(decoding: body, as: UTF8.self)) }
            var cleaned = scan.mayHaveControls ? ControlCharacters.removed(from: body) : Array(body)
            if scan.hasCRLF { cleaned = withoutCR(beforeLF: cleaned) }
            return .success(String(decoding: cleaned, as: UTF8.self))
        }
    }

    /// What one pass over the bytes tells `decode` about the work left to do.
    struct TextScan {
        var isASCII = true
        var firstNUL: Int?
        /// A C0 control, DEL or a 0xC2 lead byte (which starts a C1 control) is present.
        var mayHaveControls = false
        var hasCRLF = false

        init(_ bytes: UnsafeBufferPointer<UInt8>) {
            var i = 0
            let count = bytes.count
            // Eight bytes at a time while none is a control, DEL or non-ASCII (most of a file).
            if let base = bytes.baseAddress {
                let raw = UnsafeRawPointer(base)
                while i + 8 <= count {
                    let word = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                    let ones: UInt64 = 0x0101_0101_0101_0101
                    let high: UInt64 = 0x8080_8080_8080_8080
                    let below20 = (word &- ones &* 0x20) & ~word & high
                    let xorDEL = word ^ (ones &* 0x7F)
                    let isDEL = (xorDEL &- ones) & ~xorDEL & high
                    if (word & high) | below20 | isDEL != 0 {
                        for k in i..<(i + 8) { look(bytes, at: k) }
                    }
                    i += 8
                }
            }
            while i < count {
                look(bytes, at: i)
                i += 1
            }
        }

        private mutating func look(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) {
            let b = bytes[i]
            if b < 0x20 {
                if b == 0x0A {
                    if i > 0 && bytes[i - 1] == 0x0D { hasCRLF = true }
                } else if b != 0x0D && b != 0x09 {
                    mayHaveControls = true
                    if b == 0, firstNUL == nil { firstNUL = i }
                }
            } else if b >= 0x7F {
                if b == 0x7F || b == 0xC2 { mayHaveControls = true }
                if b >= 0x80 { isASCII = false }
            }
        }
    }

    /// "\r\n" → "\n", non-overlapping from the left: "\r\r\n" becomes "\r\n".
    static func withoutCR(beforeLF bytes: [UInt8]) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            if bytes[i] == 0x0D, i + 1 < bytes.count, bytes[i + 1] == 0x0A {
                result.append(0x0A)
                i += 2
            } else {
                result.append(bytes[i])
                i += 1
            }
        }
        return result
    }

    static func firstInvalidUTF8Offset(_ bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { firstInvalidUTF8Offset($0) }
    }

    static func firstInvalidUTF8Offset(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
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
    static func lineAndColumn(ofByte offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (Int, Int) {
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
