import Testing
import OutageData

struct HTTPURLTests {
    @Test(arguments: [
        "https://www.example.org/a", "http://example.org", "HTTPS://Example.org/path?q=1#x",
        "https://example.org:8443/", "http://example.org:/", "https://user:secret@example.org/",
        "http://[2001:db8::1]/", "http://[2001:db8::1]:8080/x", "https://例え.jp/パス", "http://192.0.2.1/",
        "https://example.org?q", "https://example.org#top",
    ])
    func acceptsHTTPURLsUnchanged(_ text: String) throws {
        #expect(try validateHTTPURL(text) == text)
    }

    @Test(arguments: [
        "", "example.org", "www.example.org/a", "ftp://example.org", "mailto:x@example.org", "javascript:alert(1)",
        "https:example.org", "https:/example.org", "https://", "https:///path", "https://?q", "https://:80/",
        "https://exa mple.org", "https://example.org/a b", "https://example.org/\n", "https://exa<mple.org",
        "https://example.org:99999/", "https://example.org:80a/", "https://example.org:1:2/",
        "http://[::1/", "http://[zz::1]/", "http://[::1]x/", " https://example.org", "https://example.org\\a",
    ])
    func rejectsEverythingElse(_ text: String) {
        #expect(throws: ValueError("must be an http or https URL: \(quotedForTest(text))")) {
            try validateHTTPURL(text)
        }
    }

    @Test(arguments: [
        ("https://www.example.org/a", "www.example.org"),
        ("https://WWW.Example.ORG:8080/x", "www.example.org"),
        ("http://user:pw@host.example/", "host.example"),
        ("http://[2001:DB8::1]/", "[2001:db8::1]"),
        ("https://example.org?q=a/b", "example.org"),
    ] as [(String, String)])
    func hosts(_ text: String, _ host: String) {
        #expect(urlHost(text) == host)
    }

    @Test(arguments: ["ftp://example.org", "example.org", "https://", "/relative/path"])
    func noHostForOtherText(_ text: String) {
        #expect(urlHost(text) == nil)
    }

    /// Error messages escape a newline; the rest of these texts are printed as they are.
    private func quotedForTest(_ text: String) -> String {
        "\"" + text.replacingNewlinesAndBackslashes() + "\""
    }
}

private extension String {
    func replacingNewlinesAndBackslashes() -> String {
        var result = ""
        for character in self {
            switch character {
            case "\n": result += "\\n"
            case "\\": result += "\\\\"
            default: result.append(character)
            }
        }
        return result
    }
}
