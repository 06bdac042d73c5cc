import Dispatch
import Foundation

/// Asks the kernel to start reading files that are about to be read, from a background thread,
/// so that the reads of a cold archive (its pages reclaimed since the last build) overlap
/// instead of waiting on the disk one file at a time on each worker: loading 10,000 incidents
/// with an empty page cache spent most of its time waiting on single reads.
///
/// Advice only: a file that cannot be opened is skipped, nothing is read into the process, and
/// a file is opened without following a final symbolic link and without blocking (a FIFO).
///
/// When a sample of the files is already in the page cache (an author's rebuild), no advice is
/// given: it would cost an `open`, `fadvise` and `close` per file for nothing, on the cores the
/// loading threads need.
package enum ReadAhead {
    /// How many files, spread over the list, are looked at before deciding.
    static let samples = 16

    package static func start(_ paths: [String]) {
        guard !paths.isEmpty else { return }
        DispatchQueue.global(qos: .userInitiated).async {
            let step = max(1, paths.count / samples)
            if stride(from: 0, to: paths.count, by: step).allSatisfy({ isCached(paths[$0]) }) { return }
            for path in paths {
                let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK)
                guard descriptor >= 0 else { continue }
                _ = posix_fadvise(descriptor, 0, 0, POSIX_FADV_WILLNEED)
                close(descriptor)
            }
        }
    }

    /// Whether the file's first page is in the page cache (mapped, not read: `mincore`).
    static func isCached(_ path: String) -> Bool {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        let length = 4_096
        guard let map = mmap(nil, length, PROT_READ, MAP_SHARED, descriptor, 0), map != MAP_FAILED else { return false }
        defer { munmap(map, length) }
        var resident: UInt8 = 0
        return mincore(map, length, &resident) == 0 && resident & 1 == 1
    }
}
