/// A value-level problem; the caller prefixes the key and attaches file:line:col.
/// `message` is phrased to follow a quoted key, e.g. `"start" ` + message.
public struct ValueError: Error, Sendable, Equatable {
    public let message: String

    public init(_ message: String) {
        self.message = message
    }
}
