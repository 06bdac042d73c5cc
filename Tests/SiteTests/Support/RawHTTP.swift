import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A minimal HTTP/1.1 client over a socket, so a test can send request targets exactly as
/// written (`/../x`, `%2e%2e`, a backslash): URL types would normalise them first.
enum RawHTTP {
    struct Reply {
        var status: Int
        /// Header names lowercased.
        var headers: [String: String]
        var body: String
    }

    enum Failure: Error { case connect, timeout, malformed(String) }

    /// 127.0.0.1:`port`, for the socket calls below.
    private static func loopback(_ port: Int) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = UInt16(port).bigEndian
        return address
    }

    /// A socket bound to 127.0.0.1:`port` (0: a port the kernel picks), or -1.
    static func bound(port: Int) -> Int32 {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = loopback(port)
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard result == 0 else {
            close(descriptor)
            return -1
        }
        return descriptor
    }

    /// A port nothing listens on now (the kernel's choice for port 0).
    static func freePort() -> Int {
        let descriptor = bound(port: 0)
        defer { close(descriptor) }
        var address = loopback(0)
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) } }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    static func connect(port: Int, timeout: Double) throws -> Int32 {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = loopback(port)
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            close(descriptor)
            throw Failure.connect
        }
        var limit = timeval(tv_sec: Int(timeout), tv_usec: Int((timeout - Double(Int(timeout))) * 1_000_000))
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        return descriptor
    }

    /// Sends one request (the target exactly as given) and reads the reply to the end.
    static func request(port: Int, _ target: String, method: String = "GET", headers: [String: String] = [:], timeout: Double = 10) throws -> Reply {
        let descriptor = try connect(port: port, timeout: timeout)
        defer { close(descriptor) }
        var text = "\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n"
        for (name, value) in headers { text += "\(name): \(value)\r\n" }
        text += "\r\n"
        _ = text.utf8CString.withUnsafeBufferPointer { send(descriptor, $0.baseAddress, $0.count - 1, 0) }
        var data = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            if count < 0 { throw Failure.timeout }
            if count == 0 { break }
            data += buffer[..<count]
        }
        return try parse(data)
    }

    static func parse(_ data: [UInt8]) throws -> Reply {
        let text = String(decoding: data, as: UTF8.self)
        guard let split = text.range(of: "\r\n\r\n") else { throw Failure.malformed(text) }
        let lines = text[..<split.lowerBound].components(separatedBy: "\r\n")
        guard let statusLine = lines.first, let status = Int(statusLine.split(separator: " ").dropFirst().first ?? "") else {
            throw Failure.malformed(text)
        }
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        var body = String(text[split.upperBound...])
        if headers["transfer-encoding"] == "chunked" { body = dechunk(body) }
        return Reply(status: status, headers: headers, body: body)
    }

    private static func dechunk(_ text: String) -> String {
        var rest = Substring(text)
        var out = ""
        while let end = rest.range(of: "\r\n"), let size = Int(rest[..<end.lowerBound], radix: 16), size > 0 {
            let start = end.upperBound
            let utf8 = rest.utf8
            guard let stop = utf8.index(start, offsetBy: size, limitedBy: utf8.endIndex) else { break }
            out += String(rest[start..<stop])
            rest = rest[stop...].dropFirst(2)
        }
        return out
    }

    /// An open `text/event-stream`: `next` waits for the next `reload` event and returns its data.
    final class EventStream {
        let descriptor: Int32
        private var pending = ""

        init(port: Int, path: String = "/__blackout/events", timeout: Double = 60) throws {
            descriptor = try RawHTTP.connect(port: port, timeout: timeout)
            let request = "GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n"
            _ = request.utf8CString.withUnsafeBufferPointer { send(descriptor, $0.baseAddress, $0.count - 1, 0) }
            _ = try waitFor(": connected")
        }

        deinit { close(descriptor) }

        func nextReload() throws -> String {
            let block = try waitFor("event: reload\ndata: ")
            return String(block.split(separator: "\n").first ?? "")
        }

        /// Waits for `serve`'s word that the search index caught up (skipping reloads before it).
        func nextSearchReady() throws {
            _ = try waitFor("event: search\ndata: ready")
        }

        /// Reads until `marker` has arrived; returns what follows it and consumes up to there.
        private func waitFor(_ marker: String) throws -> String {
            var buffer = [UInt8](repeating: 0, count: 4_096)
            while true {
                if let range = pending.range(of: marker) {
                    let after = String(pending[range.upperBound...])
                    if after.contains("\n") || marker.hasSuffix("connected") {
                        pending = String(pending[range.upperBound...])
                        return after
                    }
                }
                let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
                guard count > 0 else { throw Failure.timeout }
                pending += String(decoding: buffer[..<count], as: UTF8.self)
            }
        }
    }
}
