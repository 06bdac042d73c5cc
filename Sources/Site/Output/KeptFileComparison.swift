import Foundation

/// Reads a kept file alongside new bytes and says whether they are the same, a block at a time:
/// a buffer the size of the file would double the memory a large file (incidents.json) takes,
/// and one above 128 KiB is mapped afresh each time. Shared by the whole-file comparison
/// (`PreviousOutput.unchangedFile`) and the streamed one (`FileSink.write(_:streamed:)`).
struct KeptFileComparison: ~Copyable {
    private let descriptor: Int32
    private let buffer: UnsafeMutableRawBufferPointer

    /// `expectedSize` only sizes the buffer (a small file gets a small one).
    init(descriptor: Int32, expectedSize: Int = 1 << 16) {
        self.descriptor = descriptor
        buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: Swift.max(1, Swift.min(expectedSize + 1, 1 << 16)), alignment: 16)
    }

    deinit { buffer.deallocate() }

    /// Whether the next `piece.count` bytes of the file are `piece`.
    mutating func next(matches piece: UnsafeRawBufferPointer) -> Bool {
        guard let new = piece.baseAddress, let old = buffer.baseAddress else { return piece.isEmpty }
        var compared = 0
        while compared < piece.count {
            let want = Swift.min(buffer.count, piece.count - compared)
            var filled = 0
            while filled < want {
                let count = read(descriptor, old + filled, want - filled)
                if count < 0 && errno == EINTR { continue }
                guard count > 0 else { return false }
                filled += count
            }
            guard memcmp(old, new + compared, want) == 0 else { return false }
            compared += want
        }
        return true
    }

    /// Whether the file ends here (it must not be longer than the new bytes).
    mutating func atEnd() -> Bool {
        var extra: UInt8 = 0
        while true {
            let count = read(descriptor, &extra, 1)
            if count < 0 && errno == EINTR { continue }
            return count == 0
        }
    }
}
