import Synchronization

/// Collects diagnostics from every phase (and from concurrent tasks) so one run reports all
/// problems at once. Printing happens once, at the end, sorted.
public final class DiagnosticLog: Sendable {
    private let storage = Mutex<[Diagnostic]>([])

    public init() {}

    public func add(_ diagnostic: Diagnostic) {
        storage.withLock { $0.append(diagnostic) }
    }

    public func add(contentsOf diagnostics: some Sequence<Diagnostic>) {
        storage.withLock { $0.append(contentsOf: diagnostics) }
    }

    public func error(_ message: String, at location: SourceLocation) {
        add(.error(message, at: location))
    }

    public func warning(_ message: String, at location: SourceLocation) {
        add(.warning(message, at: location))
    }

    /// All diagnostics, sorted and without exact duplicates.
    public var sorted: [Diagnostic] {
        Array(Set(storage.withLock { $0 })).sorted()
    }

    public var hasErrors: Bool {
        storage.withLock { $0.contains { $0.severity == .error } }
    }

    /// Counts match what is printed: exact duplicates count once.
    public var errorCount: Int {
        sorted.count { $0.severity == .error }
    }

    public var warningCount: Int {
        sorted.count { $0.severity == .warning }
    }
}
