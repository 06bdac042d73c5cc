/// Where a request's target leads in the served site, decided from the raw target alone. The
/// site is held in memory under the paths a build writes, so nothing on disk can be reached;
/// still, anything that could mean "up" or "elsewhere" is refused rather than normalised:
/// `..` and `.` segments (also percent-encoded), an encoded slash or backslash, a backslash,
/// NUL or another control byte, and double encoding (a `%` left after decoding).
enum RequestPath: Equatable {
    /// A file of the site, by its output path ("incidents/x/index.html").
    case file(String)
    /// A folder asked for without its final slash: the same target with one.
    case redirect(String)
    case notFound

    static func resolve(_ target: String, exists: (String) -> Bool) -> RequestPath {
        var raw = Substring(target)
        if let mark = raw.firstIndex(where: { $0 == "?" || $0 == "#" }) { raw = raw[..<mark] }
        guard raw.hasPrefix("/"), let decoded = decode(raw.utf8) else { return .notFound }
        var segments = decoded.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
        let folder = segments.last == ""
        if folder { segments = segments.dropLast() }
        for segment in segments where segment.isEmpty || segment == "." || segment == ".." {
            return .notFound
        }
        let key = segments.joined(separator: "/")
        if key.isEmpty || folder {
            let index = key.isEmpty ? "index.html" : key + "/index.html"
            return exists(index) ? .file(index) : .notFound
        }
        if exists(key) { return .file(key) }
        if exists(key + "/index.html") { return .redirect(String(raw) + "/") }
        return .notFound
    }

    /// Percent-decodes once; nil for a malformed escape, an encoded "/" or "\", a byte below
    /// 0x20, a backslash, or a "%" that decoding leaves (double encoding).
    private static func decode(_ bytes: Substring.UTF8View) -> String? {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            var byte = bytes[index]
            if byte == UInt8(ascii: "%") {
                let first = bytes.index(after: index)
                guard first < bytes.endIndex else { return nil }
                let second = bytes.index(after: first)
                guard second < bytes.endIndex, let high = hex(bytes[first]), let low = hex(bytes[second]) else { return nil }
                byte = high << 4 | low
                guard byte != UInt8(ascii: "/"), byte != UInt8(ascii: "%") else { return nil }
                index = bytes.index(after: second)
            } else {
                index = bytes.index(after: index)
            }
            guard byte >= 0x20, byte != 0x7F, byte != UInt8(ascii: "\\") else { return nil }
            out.append(byte)
        }
        return String(validating: out, as: UTF8.self)
    }

    private static func hex(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
