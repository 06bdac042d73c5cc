#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// write(2) until every byte is out: a write may be partial, or interrupted by a signal.
/// Returns 0, or the errno of the failure (EIO for a write that wrote nothing, which would
/// otherwise loop for ever). Shared by the output sink, its manifest and the series cache.
package func writeAll(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer) -> Int32 {
    guard var next = bytes.baseAddress else { return 0 }
    var left = bytes.count
    while left > 0 {
        let written = write(descriptor, next, left)
        if written < 0 {
            if errno == EINTR { continue }
            return errno
        }
        guard written > 0 else { return EIO }
        next += written
        left -= written
    }
    return 0
}
