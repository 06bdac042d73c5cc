import Dispatch
import Foundation

/// Asks the kernel to start reading files that are about to be read, from a background thread,
/// so that the reads of a cold archive (its pages reclaimed since the last build) overlap
/// instead of waiting on the disk one file at a time on each worker: loading 10,000 incidents
/// with an empty page cache spent most of its time waiting on single reads.
///
/// Advice only: a file that cannot be opened is skipped, nothing is read into the process, and
/// a file is opened without following a final symbolic link and without blocking (a FIFO).
package enum ReadAhead {
    package static func start(_ paths: [String]) {
        guard !paths.isEmpty else { return }
        DispatchQueue.global(qos: .userInitiated).async {
            for path in paths {
                let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK)
                guard descriptor >= 0 else { continue }
                _ = posix_fadvise(descriptor, 0, 0, POSIX_FADV_WILLNEED)
                close(descriptor)
            }
        }
    }
}
