import Dispatch
import Synchronization
import Testing
@testable import Site

/// The file counter of `blackout build` is written by every render worker at once. Under
/// `swift test --sanitize=thread` this test also proves it is free of reported races: the
/// `Mutex` it used before was reported on Linux (ThreadSanitizer cannot see the contended path).
@Suite struct CounterTests {
    @Test func concurrentWritersLoseNoCount() {
        let counter = Counter()
        let highest = Atomic<Int>(0)
        DispatchQueue.concurrentPerform(iterations: 100_000) { index in
            let pages = counter.add(isPage: index % 4 == 0)
            _ = highest.max(pages, ordering: .relaxed)
        }
        #expect(counter.files == 100_000)
        #expect(counter.pages == 25_000)
        #expect(highest.load(ordering: .relaxed) == 25_000)
    }
}
