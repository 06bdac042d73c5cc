import Synchronization

/// Hands each rebuild's generation to every open event stream (one per open page).
final class ReloadBroadcaster: Sendable {
    private let streams = Mutex<(next: Int, open: [Int: AsyncStream<Int>.Continuation])>((0, [:]))

    /// A stream of generations, and how to end it; only the newest generation matters, so a
    /// slow page skips older ones.
    func subscribe() -> (AsyncStream<Int>, end: @Sendable () -> Void) {
        let (stream, continuation) = AsyncStream.makeStream(of: Int.self, bufferingPolicy: .bufferingNewest(1))
        let id = streams.withLock { state in
            state.next += 1
            state.open[state.next] = continuation
            return state.next
        }
        continuation.onTermination = { [weak self] _ in
            _ = self?.streams.withLock { $0.open.removeValue(forKey: id) }
        }
        return (stream, { continuation.finish() })
    }

    func broadcast(_ generation: Int) {
        for continuation in streams.withLock({ Array($0.open.values) }) {
            continuation.yield(generation)
        }
    }
}
