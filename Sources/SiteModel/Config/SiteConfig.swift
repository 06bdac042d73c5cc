import Charts

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

    public init() {}

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
