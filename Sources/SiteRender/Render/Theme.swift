import Diagnostics
import Foundation
import SiteFiles
import Templates

/// The templates and assets a site renders with: the built-in theme (compiled into the binary
/// from the repository's templates/ folder), overridden file by file by the site's own
/// templates/ folder.
public struct Theme: Sendable {
    let library: TemplateLibrary
    /// Asset files by path relative to assets/, with their bytes.
    package let assets: [(path: String, data: [UInt8])]
    /// Per template name: a fingerprint of its source and of every partial it includes, at any
    /// depth, so `serve` re-renders only the pages whose templates changed.
    package let templatePrints: [String: Fingerprint]

    /// Page templates every site needs; a missing one is a build error.
    static let requiredTemplates = ["home", "list", "terms", "incident", "page", "timeline", "404"]

    /// Loads the theme for the site at `root`, reporting template syntax errors with file and line.
    public static func load(siteRoot root: URL, into log: DiagnosticLog) -> Theme {
        var sources: [String: (text: String, display: String)] = [:]
        var assets: [String: [UInt8]] = [:]
        for (path, text) in BuiltinTheme.files {
            if path.hasPrefix("assets/") {
                assets[String(path.dropFirst("assets/".count))] = Array(text.utf8)
            } else if path.hasSuffix(".mustache") {
                sources[templateName(path)] = (text, "(built-in theme)/templates/\(path)")
            }
        }
        let userFolder = root.appendingPathComponent("templates")
        let site = SiteFolder(root: root)
        if FileWalker.isDirectory(userFolder) {
            let (files, diagnostics) = FileWalker.files(under: userFolder, site: site, display: "templates")
            log.add(contentsOf: diagnostics)
            for path in files {
                let url = userFolder.appendingPathComponent(path)
                if path.hasPrefix("assets/") {
                    switch TextFile.readData(url, displayPath: "templates/\(path)", site: site) {
                    case .success(let data): assets[String(path.dropFirst("assets/".count))] = [UInt8](data)
                    case .failure(let diagnostic): log.add(diagnostic)
                    }
                } else if path.hasSuffix(".mustache") {
                    switch TextFile.read(url, displayPath: "templates/\(path)", site: site) {
                    case .success(let text): sources[templateName(path)] = (text, "templates/\(path)")
                    case .failure(let diagnostic): log.add(diagnostic)
                    }
                }
            }
        }
        var library = TemplateLibrary(names: Name.vocabulary)
        for (name, source) in sources.sorted(by: { $0.key < $1.key }) {
            do throws(TemplateSyntaxError) {
                try library.register(source.text, named: name)
            } catch {
                if let (message, line, column) = TemplateScan.sectionMistake(in: source.text) {
                    log.error("template error: \(message)", at: SourceLocation(file: source.display, line: line, column: column))
                } else {
                    log.error("template error: \(error.message)", at: SourceLocation(file: source.display, line: error.line, column: error.column))
                }
            }
        }
        // A partial that does not exist renders as nothing in Mustache; here it is an error,
        // as a typo would otherwise drop part of every page silently.
        for (_, source) in sources.sorted(by: { $0.key < $1.key }) {
            for tag in TemplateScan.partials(in: source.text) where sources[tag.name] == nil {
                let known = sources.keys.filter { !requiredTemplates.contains($0) }.sorted()
                let hint = nearestName(to: tag.name, in: known).map { " (did you mean \"\($0)\"?)" } ?? ""
                log.error("template error: there is no template or partial named \"\(tag.name)\"\(hint)",
                          at: SourceLocation(file: source.display, line: tag.line, column: tag.column))
            }
        }
        for name in requiredTemplates where sources[name] == nil {
            log.error("the theme has no \"\(name).mustache\" template", at: SourceLocation(file: "templates/\(name).mustache"))
        }
        return Theme(library: library, assets: assets.sorted { $0.key < $1.key }.map { ($0.key, $0.value) },
                     templatePrints: fingerprints(sources.mapValues(\.text)))
    }

    /// Each template's source with its partials' (found by `TemplateScan`, followed to any
    /// depth). A dynamic partial (`{{>*name}}`) could be any template: then all of them count.
    static func fingerprints(_ sources: [String: String]) -> [String: Fingerprint] {
        let includes = sources.mapValues { TemplateScan.partials(in: $0).map(\.name) }
        let dynamic = sources.values.contains { TemplateScan.tags(in: $0)?.contains { ($0.sigil == ">" || $0.sigil == "<") && $0.name.hasPrefix("*") } ?? true }
        var prints: [String: Fingerprint] = [:]
        for name in sources.keys {
            var reached: Set<String> = [name]
            var queue = [name]
            while let next = queue.popLast() {
                for included in includes[next] ?? [] where reached.insert(included).inserted { queue.append(included) }
            }
            var hasher = KeyHasher()
            for used in (dynamic ? Set(sources.keys) : reached).sorted() {
                hasher.add(used)
                hasher.add(sources[used] ?? "")
            }
            prints[name] = hasher.finish()
        }
        return prints
    }

    /// "incident.mustache" → "incident"; "partials/header.mustache" → "header" (partials are
    /// included as {{> header}}).
    static func templateName(_ path: String) -> String {
        let file = path.split(separator: "/").last.map(String.init) ?? path
        return String(file.dropLast(".mustache".count))
    }

    /// Renders `root` with the named template.
    func render(_ root: TemplateValue, template name: String) -> Result<[UInt8], Diagnostic> {
        var output = HTMLOutput()
        do throws(TemplateLibrary.RenderError) {
            try library.render(name, root: root, into: &output)
            return .success(output.take())
        } catch {
            switch error {
            case .noTemplate:
                return .failure(.error("the theme has no \"\(name).mustache\" template", at: SourceLocation(file: "templates/\(name).mustache")))
            case .tooDeep(let partial):
                return .failure(.error("template error: partials nest more than \(TemplateLibrary.maximumDepth) deep at \"\(partial)\"; does a partial include itself?",
                                       at: SourceLocation(file: "templates/\(name).mustache")))
            }
        }
    }
}
