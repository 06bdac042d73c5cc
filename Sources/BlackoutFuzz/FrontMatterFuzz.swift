#if BLACKOUT_FUZZ
import Diagnostics
import Foundation
@testable import SiteFiles
@testable import SiteLoad
@testable import SiteModel

/// A content file's bytes as the content loader sees them: UTF-8 decoding (TextFile.decode),
/// then front matter splitting and YAML decoding as an incident (single file and bundle), a
/// page, the home page, as site.yml and as a dataset mapping.
enum FrontMatterFuzz {
    static let incidents = IncidentLoader(unsafeHTML: false)
    static let pages = PageLoader(unsafeHTML: false)

    static func run(_ bytes: [UInt8]) {
        let text: String
        switch TextFile.decode(Data(bytes), displayPath: "content/incidents/fuzz.md") {
        case .failure(let diagnostic):
            check(diagnostic.severity == .error, "a decoding failure is an error")
            return
        case .success(let decoded):
            text = decoded
        }
        var diagnostics: [Diagnostic] = []
        // An incident may come back with errors in optional keys (the build then fails on them).
        if let incident = incidents.load(text: text, file: "content/incidents/fuzz.md", defaultSlug: "fuzz",
                                         bundleDirectory: nil, bundleFiles: nil, diagnostics: &diagnostics) {
            check(!incident.title.isEmpty, "an incident with an empty title")
            _ = incident.start.iso8601
            _ = incident.end?.iso8601
        }
        if text.contains("series") {
            var bundleDiagnostics: [Diagnostic] = []
            _ = incidents.load(text: text, file: "content/incidents/fuzz/index.md", defaultSlug: "fuzz",
                               bundleDirectory: "content/incidents/fuzz", bundleFiles: ["connectivity.csv", "probes.csv"],
                               diagnostics: &bundleDiagnostics)
        }
        diagnostics = []
        _ = pages.loadPage(text: text, file: "content/pages/fuzz.md", defaultSlug: "fuzz", diagnostics: &diagnostics)
        _ = pages.loadHome(text: text, file: "content/_index.md", diagnostics: &diagnostics)
        var reader = YAMLReader(file: "site.yml")
        let config = SiteConfig.parse(text, reader: &reader)
        check(config.baseURL.hasSuffix("/"), "base_url does not end with /: \(config.baseURL)")
        _ = config.basePath
        var datasetReader = YAMLReader(file: "content/datasets/t.yml")
        if DatasetMapping.parse(text, file: "content/datasets/t.yml", name: "t", directory: DatasetFuzz.directory, reader: &datasetReader) == nil {
            check(datasetReader.diagnostics.contains { $0.severity == .error }, "a mapping was refused without an error")
        }
        for diagnostic in diagnostics + reader.diagnostics + datasetReader.diagnostics { _ = diagnostic.description }
    }
}
#endif
