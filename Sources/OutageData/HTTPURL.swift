/// Checks for the absolute http(s) URLs that sources and `base_url` must be.

/// An http or https URL with a host; returns the text unchanged.
/// Spaces and control characters are refused anywhere (write them percent-encoded), since
/// the text is written into pages as is.
public func validateHTTPURL(_ text: String) throws(ValueError) -> String {
    guard HTTPURL(text) != nil else {
        throw ValueError("must be an http or https URL: \(quoted(text))")
    }
    return text
}

/// "https://www.example.org/a" → "www.example.org" (ASCII letters lowercased, an IPv6 host
/// in brackets); nil if the text is not an http(s) URL with a host.
public func urlHost(_ text: String) -> String? {
    HTTPURL(text)?.host
}

/// The parts of an absolute http(s) URL this project needs: just the host.
private struct HTTPURL {
    let host: String

    init?(_ text: String) {
        guard !text.unicodeScalars.contains(where: Self.isForbidden) else { return nil }
        guard let rest = Self.afterScheme(text) else { return nil }
        // The authority runs to the first "/", "?" or "#".
        let authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        let hostAndPort = authority.split(separator: "@", omittingEmptySubsequences: false).last ?? authority
        guard let host = Self.host(hostAndPort) else { return nil }
        self.host = host
    }

    /// The host of "host", "host:port", "[v6]" or "[v6]:port", lowercased.
    private static func host(_ hostAndPort: Substring) -> String? {
        let host: Substring
        let port: Substring?
        if hostAndPort.hasPrefix("[") {
            guard let close = hostAndPort.firstIndex(of: "]") else { return nil }
            host = hostAndPort[...close]
            let after = hostAndPort[hostAndPort.index(after: close)...]
            guard after.isEmpty || after.hasPrefix(":") else { return nil }
            port = after.isEmpty ? nil : after.dropFirst()
            guard (try? IPPrefix.parse(String(host.dropFirst().dropLast()) + "/128")) != nil else { return nil }
        } else {
            let parts = hostAndPort.split(separator: ":", omittingEmptySubsequences: false)
            guard parts.count <= 2, let first = parts.first else { return nil }
            host = first
            port = parts.count == 2 ? parts[1] : nil
            guard !host.isEmpty, !host.unicodeScalars.contains(where: isForbiddenInHost) else { return nil }
        }
        if let port {
            // Empty ("http://host:/") is allowed by the URL standard.
            guard port.utf8.count <= 5, port.allSatisfy(\.isASCIIDigit), (Int(port) ?? 0) <= 65_535 else { return nil }
        }
        return host.lowercased()
    }

    /// What follows "http://" or "https://", the scheme in any case; nil for other schemes.
    private static func afterScheme(_ text: String) -> Substring? {
        for scheme in ["https://", "http://"] {
            let head = text.utf8.prefix(scheme.utf8.count)
            let matches = head.count == scheme.utf8.count
                && zip(head, scheme.utf8).allSatisfy { byte, expected in
                    byte == expected || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) && byte + 0x20 == expected
                }
            if matches {
                return Substring(text.utf8.dropFirst(scheme.utf8.count))
            }
        }
        return nil
    }

    private static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value <= 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar == "\\"
    }

    private static func isForbiddenInHost(_ scalar: Unicode.Scalar) -> Bool {
        "<>\"^`{|}%[]".unicodeScalars.contains(scalar)
    }
}

private extension Character {
    var isASCIIDigit: Bool {
        isASCII && isNumber
    }
}
