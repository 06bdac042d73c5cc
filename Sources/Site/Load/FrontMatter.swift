import Diagnostics

/// A content file split into its YAML front matter and its Markdown body.
struct FrontMatterSplit: Sendable {
    /// The YAML between the `---` lines ("" when the file has none).
    var yaml: String
    /// 1-based line in the file where the YAML starts, so YAML marks map back to the file.
    var yamlFirstLine: Int
    var body: String
    var hasFrontMatter: Bool
}

enum FrontMatter {
    /// Splits a content file, reporting an unclosed front matter, and a missing one when
    /// `requiredBecause` says why it is needed. Nil when the file cannot be read further.
    static func open(_ text: String, file: String, requiredBecause: String?, diagnostics: inout [Diagnostic]) -> FrontMatterSplit? {
        let start = SourceLocation(file: file, line: 1, column: 1)
        guard let split = split(text) else {
            diagnostics.append(.error("front matter is not closed: add a line \"---\" after it", at: start))
            return nil
        }
        if !split.hasFrontMatter, let reason = requiredBecause {
            diagnostics.append(.error("missing front matter: \(reason)", at: start))
            return nil
        }
        return split
    }

    /// Splits `---\n yaml \n---\n body`. A file that does not start with `---` has no front
    /// matter; one that starts but never closes is reported by the caller as an error.
    static func split(_ text: String) -> FrontMatterSplit? {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)[...]
        guard let first = lines.first, isFence(first) else {
            return FrontMatterSplit(yaml: "", yamlFirstLine: 1, body: text, hasFrontMatter: false)
        }
        lines = lines.dropFirst()
        var yamlLines: [Substring] = []
        while let line = lines.first {
            lines = lines.dropFirst()
            if isFence(line) || line.trimmingTrailingSpace() == "..." {
                let body = lines.joined(separator: "\n")
                return FrontMatterSplit(
                    yaml: yamlLines.joined(separator: "\n"), yamlFirstLine: 2,
                    body: body, hasFrontMatter: true)
            }
            yamlLines.append(line)
        }
        return nil
    }

    private static func isFence(_ line: Substring) -> Bool {
        line.trimmingTrailingSpace() == "---"
    }
}

extension Substring {
    func trimmingTrailingSpace() -> Substring {
        var end = endIndex
        while end > startIndex {
            let previous = index(before: end)
            let c = self[previous]
            guard c == " " || c == "\t" || c == "\r" else { break }
            end = previous
        }
        return self[startIndex..<end]
    }
}
