/// Where a value was read from: a file path (as the user would type it, relative to the site
/// folder) and a 1-based line and column. Line or column 0 means "not known".
public struct SourceLocation: Sendable, Hashable, Comparable {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int = 0, column: Int = 0) {
        self.file = file
        self.line = line
        self.column = column
    }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        (a.file, a.line, a.column) < (b.file, b.line, b.column)
    }

    /// `path:line:col`, `path:line` or `path`, whichever is known.
    public var description: String {
        if line == 0 { return file }
        if column == 0 { return "\(file):\(line)" }
        return "\(file):\(line):\(column)"
    }
}

public enum Severity: String, Sendable, Hashable, Comparable {
    case error
    case warning

    public static func < (a: Severity, b: Severity) -> Bool {
        a == .error && b == .warning
    }
}

/// One problem found in the user's files, printed compiler style:
/// `content/incidents/x.md:4:8: error: "start" has no time zone: …`
public struct Diagnostic: Error, Sendable, Hashable, Comparable, CustomStringConvertible {
    public var severity: Severity
    public var location: SourceLocation
    public var message: String

    public init(_ severity: Severity, _ message: String, at location: SourceLocation) {
        self.severity = severity
        self.message = message
        self.location = location
    }

    public static func error(_ message: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, message, at: location)
    }

    public static func warning(_ message: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.warning, message, at: location)
    }

    /// Sorted by file, line, column, then errors before warnings, then text: a stable order
    /// whatever order the (parallel) phases found them in.
    public static func < (a: Diagnostic, b: Diagnostic) -> Bool {
        if a.location != b.location { return a.location < b.location }
        if a.severity != b.severity { return a.severity < b.severity }
        return a.message < b.message
    }

    public var description: String {
        "\(location.description): \(severity.rawValue): \(message)"
    }
}
