import Synchronization

/// What an open page is told: the site was rebuilt (with its generation), or the search index
/// caught up with the edits.
enum ServeEvent: Sendable {
    case reload(Int)
    case searchReady
}

/// Hands each rebuild's generation to every open event stream (one per open page).
final class ReloadBroadcaster: Sendable {
    private let streams = Mutex<(next: Int, open: [Int: AsyncStream<ServeEvent>.Continuation])>((0, [:]))

    /// A stream of generations, and how to end it; only the newest generation matters, so a
    /// slow page skips older ones.
    func subscribe() -> (AsyncStream<ServeEvent>, end: @Sendable () -> Void) {
        let (stream, continuation) = AsyncStream.makeStream(of: ServeEvent.self, bufferingPolicy: .bufferingNewest(1))
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
        send(.reload(generation))
    }

    func send(_ event: ServeEvent) {
        for continuation in streams.withLock({ Array($0.open.values) }) {
            continuation.yield(event)
        }
    }
}
