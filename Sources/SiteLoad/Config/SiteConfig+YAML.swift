import Charts
import Diagnostics
import OutageData
import SiteModel

/// Reading site.yml into `SiteConfig` (the settings themselves are in SiteModel).
extension SiteConfig {
    static let knownKeys = ["title", "description", "base_url", "language", "author", "per_page", "unsafe_html", "charts", "search"]
    static let knownSearchKeys = ["command"]
    static let knownChartKeys = ["max_points", "normalize", "height"]

    /// Reads `site.yml` text; diagnostics go to `reader`.
    static func parse(_ yaml: String, reader: inout YAMLReader) -> SiteConfig {
        var config = SiteConfig()
        guard let mapping = reader.parseMapping(yaml) else { return config }
        reader.checkKeys(mapping, known: knownKeys)
        if let title = reader.string("title", in: mapping, nonEmpty: true) { config.title = title }
        if let description = reader.string("description", in: mapping) { config.description = description }
        if let node = reader.value("base_url", in: mapping),
           let url = reader.parse(node, key: "base_url", validateBaseURL) {
            config.baseURL = url.hasSuffix("/") ? url : url + "/"
        }
        if let node = reader.value("language", in: mapping),
           let language = reader.scalarText(node, key: "language", expected: "a language tag") {
            if isLanguageTag(language) {
                config.language = language
            } else {
                reader.error("\"language\" must be a BCP 47 language tag such as en or pt-BR: \"\(language)\"", at: node)
            }
        }
        if let author = reader.string("author", in: mapping) { config.author = author }
        if let perPage = reader.int("per_page", in: mapping, range: 1...1000) { config.perPage = perPage }
        if let unsafe = reader.bool("unsafe_html", in: mapping) { config.unsafeHTML = unsafe }
        if let chartsNode = reader.value("charts", in: mapping) {
            if let charts = chartsNode.mapping {
                reader.checkKeys(charts, known: knownChartKeys)
                if let maxPoints = reader.int("max_points", in: charts, range: 10...100_000) { config.charts.maxPoints = maxPoints }
                if let height = reader.int("height", in: charts, range: 80...2000) { config.charts.height = height }
                if let node = reader.value("normalize", in: charts),
                   let mode = reader.scalarText(node, key: "normalize", expected: "none, max or baseline") {
                    if let parsed = Normalization(rawValue: mode) {
                        config.charts.normalize = parsed
                    } else {
                        reader.error("\"normalize\" must be one of none, max, baseline: \"\(mode)\"", at: node)
                    }
                }
            } else {
                reader.error("\"charts\" must be a mapping with keys \(knownChartKeys.joined(separator: ", "))", at: chartsNode)
            }
        }
        if let node = reader.value("search", in: mapping) { config.search = parseSearch(node, in: mapping, reader: &reader) }
        return config
    }

    /// `search: true | false`, or a mapping `{command}` (which turns search on).
    static func parseSearch(_ node: YAMLNode, in mapping: YAMLMapping, reader: inout YAMLReader) -> SearchSettings? {
        let location = reader.location(of: node)
        if let settings = node.mapping {
            reader.checkKeys(settings, known: knownSearchKeys)
            return SearchSettings(command: reader.string("command", in: settings, nonEmpty: true), location: location)
        }
        guard node.scalar != nil else {
            reader.error("\"search\" must be true, false or a mapping with the key command", at: node)
            return nil
        }
        return reader.bool("search", in: mapping) == true ? SearchSettings(location: location) : nil
    }

    /// A loose BCP 47 check: letters, digits and hyphens in subtags of 1–8 characters, starting
    /// with a 2–3 letter language.
    static func isLanguageTag(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, (2...3).contains(first.count), first.allSatisfy({ $0.isASCII && $0.isLetter }) else {
            return false
        }
        return parts.dropFirst().allSatisfy { part in
            (1...8).contains(part.count) && part.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
        }
    }
}
