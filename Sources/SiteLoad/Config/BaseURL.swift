import OutageData

/// `base_url` is pasted into canonical links, feed ids, the sitemap and `<base href>`, so it
/// must be a plain http(s) URL of a folder: no query or fragment (they would end up in the
/// middle of every URL), and no character that could break out of an attribute or XML text.
package func validateBaseURL(_ text: String) throws(ValueError) -> String {
    let url = try validateHTTPURL(text)
    if url.contains("?") { throw ValueError("must not have a query (\"?…\"): \(quoted(text))") }
    if url.contains("#") { throw ValueError("must not have a fragment (\"#…\"): \(quoted(text))") }
    if let bad = url.unicodeScalars.first(where: { "\"'<>`\\{}|^".unicodeScalars.contains($0) || $0.properties.isWhitespace || $0.value < 0x20 || $0.value == 0x7F }) {
        throw ValueError("must not contain \(quoted(String(bad))) (percent-encode it, or leave it out): \(quoted(text))")
    }
    return url
}
