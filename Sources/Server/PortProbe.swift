#if canImport(Glibc)
import Glibc
#endif

/// Whether a TCP port can be listened on, asked before the server starts so a taken port gets
/// a one-line answer naming a free one instead of a stack of network errors.
enum PortProbe {
    static func isFree(host: String, port: Int) -> Bool {
        #if canImport(Glibc)
        var hints = addrinfo()
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        hints.ai_flags = AI_PASSIVE
        var list: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, String(port), &hints, &list) == 0, let first = list else { return false }
        defer { freeaddrinfo(list) }
        let descriptor = socket(first.pointee.ai_family, first.pointee.ai_socktype, first.pointee.ai_protocol)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var yes: Int32 = 1
        setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        return bind(descriptor, first.pointee.ai_addr, first.pointee.ai_addrlen) == 0
        #else
        return true
        #endif
    }

    /// The first free port after `port`, looking at most 100 ports further.
    static func nextFree(host: String, after port: Int) -> Int? {
        (port + 1...min(65_535, port + 100)).first { isFree(host: host, port: $0) }
    }
}
