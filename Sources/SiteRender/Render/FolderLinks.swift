#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Links written in Markdown to a folder (`[About](../about/)`) get `index.html` added, as the
/// generated links have, so they also work when the site is opened from disk.
package enum FolderLinks {
    static func addIndexFiles(_ html: String) -> String {
        var html = html
        let rewritten: [UInt8]? = html.withUTF8 { bytes in
            // Most writeups link to no folder: one pass finds out, and the text is returned as is.
            guard contains(bytes, "/\"") || contains(bytes, "/#") else { return nil }
            let marker = Array("href=\"".utf8)
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 64)
            var index = 0
            var copied = 0
            while let found = find(marker, in: bytes, from: index) {
                let valueStart = found + marker.count
                guard let valueEnd = find([UInt8(ascii: "\"")], in: bytes, from: valueStart) else { break }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<valueStart]))
                out.append(contentsOf: rewrite(String(decoding: UnsafeBufferPointer(rebasing: bytes[valueStart..<valueEnd]), as: UTF8.self)).utf8)
                copied = valueEnd
                index = valueEnd
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied...]))
            return out
        }
        return rewritten.map { String(decoding: $0, as: UTF8.self) } ?? html
    }

    private static func contains(_ bytes: UnsafeBufferPointer<UInt8>, _ needle: StaticString) -> Bool {
        needle.withUTF8Buffer { find(Array($0), in: bytes, from: 0) != nil }
    }

    /// The first place of `needle` in `bytes` from `start`: `memchr` (which looks at many bytes
    /// at a time) to each candidate first byte, then the rest compared. A writeup is scanned
    /// twice on every build.
    private static func find(_ needle: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard let base = bytes.baseAddress, let first = needle.first, start >= 0 else { return nil }
        let last = bytes.count - needle.count
        var index = start
        while index <= last {
            guard let found = memchr(base + index, Int32(first), last - index + 1) else { return nil }
            index = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            var matched = 1
            while matched < needle.count, base[index + matched] == needle[matched] { matched += 1 }
            if matched == needle.count { return index }
            index += 1
        }
        return nil
    }

    /// "../about/" → "../about/index.html", "x/#y" → "x/index.html#y"; absolute URLs,
    /// root-relative paths and files are left alone.
    static func rewrite(_ link: String) -> String {
        guard !link.isEmpty, !link.hasPrefix("/"), !link.hasPrefix("#"), !hasScheme(link) else { return link }
        let cut = link.firstIndex { $0 == "#" || $0 == "?" } ?? link.endIndex
        let path = link[..<cut]
        guard path.hasSuffix("/") else { return link }
        return path + "index.html" + link[cut...]
    }

    /// "https:", "mailto:", "data:" … : a scheme is letters, digits, "+", "-", "." before the first ":".
    package static func hasScheme(_ link: String) -> Bool {
        guard let colon = link.firstIndex(of: ":") else { return false }
        let scheme = link[..<colon]
        guard let first = scheme.first, first.isASCII, first.isLetter else { return false }
        return scheme.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == ".") }
    }
}
