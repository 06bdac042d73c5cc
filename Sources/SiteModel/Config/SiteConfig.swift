import Charts
import Diagnostics

/// site.yml (SPEC §2). Every key is optional; defaults apply.
public struct SiteConfig: Sendable {
    public var title = "Incident archive"
    public var description = ""
    /// Always ends with "/".
    public var baseURL = "http://localhost:8000/"
    public var language = "en"
    public var author = ""
    public var perPage = 50
    public var unsafeHTML = false
    public var charts = ChartDefaults()
    /// `search`: nil when off (the default).
    public var search: SearchSettings?

    public init() {}

    /// `search: true`, or `search: {command: …}`: a Pagefind index and `/search/` (SPEC §2, §7).
    public struct SearchSettings: Sendable, Equatable {
        /// The Pagefind binary: a path (relative to the site folder) or a name looked up on
        /// PATH; nil means "pagefind" on PATH.
        public var command: String?
        /// Where site.yml turns search on, for the error when Pagefind cannot be found or fails.
        public var location: SourceLocation

        public init(command: String? = nil, location: SourceLocation) {
            self.command = command
            self.location = location
        }
    }

    public struct ChartDefaults: Sendable {
        public var maxPoints = 1000
        public var normalize = Normalization.max
        public var height = 240
    }

    /// The path part of `base_url`, e.g. "/archive/" for https://example.org/archive/.
    public var basePath: String {
        guard let schemeEnd = baseURL.range(of: "://") else { return "/" }
        let rest = baseURL[schemeEnd.upperBound...]
        guard let slash = rest.firstIndex(of: "/") else { return "/" }
        return String(rest[slash...])
    }
}
