import Diagnostics
import SiteRender

/// Finds internal links and #anchors in the rendered HTML that point nowhere. Works on the
/// in-memory output, so `check` needs to write nothing.
struct LinkChecker {
    let files: [String: OutputFile]

    func check(into log: DiagnosticLog) {
        var idCache: [String: Set<String>] = [:]
        for (path, file) in files.sorted(by: { $0.key < $1.key }) where path.hasSuffix(".html") {
            guard let html = file.content.text else { continue }
            for link in HTMLScan.links(in: html) {
                guard let (target, fragment) = resolve(link, from: path) else { continue }
                guard files[target] != nil else {
                    log.error("broken link in \(path): \"\(link)\" points to \(target), which the site does not have", at: SourceLocation(file: file.origin))
                    continue
                }
                guard let fragment, !fragment.isEmpty, target.hasSuffix(".html") else { continue }
                if idCache[target] == nil, let targetHTML = files[target]?.content.text {
                    idCache[target] = HTMLScan.ids(in: targetHTML)
                }
                if !(idCache[target] ?? []).contains(fragment) {
                    log.error("broken anchor in \(path): \"\(link)\" has no element with id \"\(fragment)\" in \(target)", at: SourceLocation(file: file.origin))
                }
            }
        }
    }

    /// The output path and fragment a relative link points at; nil for external links and
    /// other schemes, which are not checked.
    func resolve(_ link: String, from page: String) -> (String, String?)? {
        if link.isEmpty || link.hasPrefix("//") || FolderLinks.hasScheme(link) { return nil }
        var rest = Substring(link)
        var fragment: String?
        if let hash = rest.firstIndex(of: "#") {
            fragment = String(rest[rest.index(after: hash)...])
            rest = rest[..<hash]
        }
        if let query = rest.firstIndex(of: "?") { rest = rest[..<query] }
        if rest.hasPrefix("/") { return nil }  // root-relative: depends on the host path, not checked here
        var parts = page.split(separator: "/", omittingEmptySubsequences: false).dropLast().map(String.init)
        if rest.isEmpty { return (page, fragment) }
        for segment in rest.split(separator: "/", omittingEmptySubsequences: false) {
            switch segment {
            case ".": continue
            case "..":
                if parts.isEmpty { return ("../" + rest, fragment) }
                parts.removeLast()
            default: parts.append(percentDecode(String(segment)))
            }
        }
        var target = parts.joined(separator: "/")
        if rest.hasSuffix("/") || target.isEmpty { target += "index.html" }
        return (target, fragment)
    }

    private func percentDecode(_ text: String) -> String {
        guard text.contains("%") else { return text }
        var bytes: [UInt8] = []
        var iterator = Array(text.utf8).makeIterator()
        while let byte = iterator.next() {
            if byte == UInt8(ascii: "%"), let h = iterator.next(), let l = iterator.next(),
               let value = UInt8(String(decoding: [h, l], as: UTF8.self), radix: 16) {
                bytes.append(value)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
