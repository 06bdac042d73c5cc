import Diagnostics
import SiteRender
import Foundation

/// A whole site rendered into memory for `serve`: every output path with its bytes. `public/`
/// and every other folder are left alone, so editing never disturbs the last deployable build.
public struct SiteInMemory: Sendable {
    /// Output paths as a build writes them ("incidents/x/index.html"), with their bytes.
    public var files: [String: [UInt8]]
    public var summary: BuildSummary
}

extension SiteBuilder {
    /// Everything `build` validates and renders, kept in memory; nil when errors stop the build.
    /// Files the site copies (a bundle's CSVs, the theme's assets) are read now, so the result
    /// does not change when the files do.
    public func buildInMemory(into log: DiagnosticLog) -> SiteInMemory? {
        guard let (graph, theme) = loadGraph(into: log) else { return nil }
        let collector = FileCollector()
        SiteOutputs(site: PreparedSite(graph), theme: theme).produce(log: log) { collector.add($0) }
        guard !log.hasErrors else { return nil }
        var files: [String: [UInt8]] = [:]
        var pages = 0
        for (path, file) in collector.files {
            if let bytes = file.content.bytes {
                files[path] = bytes
            } else if case .copy(let source) = file.content {
                guard let data = FileManager.default.contents(atPath: source) else {
                    log.error("cannot read \(source)", at: SourceLocation(file: source))
                    continue
                }
                files[path] = [UInt8](data)
            }
            if path.hasSuffix(".html") { pages += 1 }
        }
        guard !log.hasErrors else { return nil }
        return SiteInMemory(files: files, summary: BuildSummary(pages: pages, files: files.count, incidents: graph.incidents.count,
                                                                 datasets: datasetReport.summaries))
    }
}
