import Foundation
import Testing
@testable import Site

/// The built-in theme compiled into the binary must be exactly the repository's templates/.
@Suite struct ThemeEmbeddingTests {
    @Test func builtinThemeMatchesTemplatesFolder() {
        let folder = Fixtures.repository.appendingPathComponent("templates")
        let onDisk = snapshot(of: folder).filter { !$0.key.split(separator: "/").contains { $0.hasPrefix(".") } }
        let embedded = BuiltinTheme.files.mapValues { Data($0.utf8) }
        #expect(Set(onDisk.keys) == Set(embedded.keys), "run Tests/Tools/embed-theme.sh (make does)")
        for (path, data) in onDisk {
            #expect(embedded[path] == data, "\(path) differs from the embedded copy: run Tests/Tools/embed-theme.sh")
        }
    }

    @Test func everyRequiredTemplateIsBuiltIn() {
        for name in Theme.requiredTemplates {
            #expect(BuiltinTheme.files["\(name).mustache"] != nil)
        }
    }
}
