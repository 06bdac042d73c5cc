#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a whole file with POSIX calls into one array: no Foundation, one allocation when the
/// size is known, and errors as the system states them.
enum FileBytes {
    /// Why a file could not be read, as the system says it ("Permission denied").
    struct Failure: Error {
        var message: String
    }

    /// The file's bytes, or the reason it could not be read. `expectedSize` sizes the buffer
    /// (the file may still have changed since); more than `limit` bytes is a failure.
    static func read(path: String, expectedSize: Int, limit: Int) -> Result<[UInt8], Failure> {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return .failure(Failure(message: systemError(errno))) }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        // One byte more than expected, so a file that has not grown is read to EOF in one call.
        var capacity = max(0, min(expectedSize, limit)) + 1
        while true {
            var failure: Int32 = 0
            let before = bytes.count
            bytes.reserveCapacity(capacity)
            bytes.append(contentsOf: repeatElement(0, count: capacity - before))
            let count = bytes.withUnsafeMutableBufferPointer { buffer -> Int in
                guard let base = buffer.baseAddress else { return 0 }
                while true {
                    let n = readBytes(descriptor, base + before, capacity - before)
                    if n < 0 && errno == EINTR { continue }
                    if n < 0 { failure = errno }
                    return n
                }
            }
            if count < 0 { return .failure(Failure(message: systemError(failure))) }
            bytes.removeLast(capacity - before - count)
            if count == 0 { return .success(bytes) }
            if bytes.count > limit { return .failure(Failure(message: "it grew beyond \(limit / (1024 * 1024)) MB while being read")) }
            if bytes.count == capacity { capacity = min(limit + 1, capacity * 2) }
        }
    }

    private static func readBytes(_ descriptor: Int32, _ into: UnsafeMutablePointer<UInt8>, _ count: Int) -> Int {
        #if canImport(Glibc)
        Glibc.read(descriptor, into, count)
        #else
        Darwin.read(descriptor, into, count)
        #endif
    }

    static func systemError(_ code: Int32) -> String {
        guard let text = strerror(code) else { return "error \(code)" }
        return String(cString: text)
    }
}
