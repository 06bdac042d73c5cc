import Foundation
import Testing
@testable import SiteRender

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

    /// `make test` does not regenerate the embedded theme, and this compares the committed
    /// Swift file with what the script makes of templates/ now: a template edited without
    /// re-running the script (and committing the result) fails here.
    @Test func committedEmbeddedThemeIsUpToDate() throws {
        let temp = try TempFolder()
        let generated = temp.url.appendingPathComponent("BuiltinTheme.swift")
        let script = Process()
        script.executableURL = URL(fileURLWithPath: "/bin/bash")
        script.arguments = [Fixtures.repository.appendingPathComponent("Tests/Tools/embed-theme.sh").path, generated.path]
        try script.run()
        script.waitUntilExit()
        #expect(script.terminationStatus == 0)
        let committed = try Data(contentsOf: Fixtures.repository.appendingPathComponent("Sources/SiteRender/Render/BuiltinTheme.swift"))
        #expect(try Data(contentsOf: generated) == committed, "templates/ changed: run Tests/Tools/embed-theme.sh and commit Sources/SiteRender/Render/BuiltinTheme.swift")
    }

    @Test func everyRequiredTemplateIsBuiltIn() {
        for name in Theme.requiredTemplates {
            #expect(BuiltinTheme.files["\(name).mustache"] != nil)
        }
    }
}
