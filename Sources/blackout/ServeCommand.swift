import ArgumentParser
import Diagnostics
import Foundation
import Server

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Build the site into memory, serve it, rebuild on every save and reload open pages.",
        discussion: "public/ is never touched: deploy with `blackout build`. Listens on loopback unless --host says otherwise.")

    @Option(name: .long, help: "The site folder (with site.yml and content/).")
    var site = "."

    @Option(name: .long, help: "The port to listen on.")
    var port = 8000

    @Option(name: .long, help: "The address to listen on (another machine can connect only if this is not loopback).")
    var host = "127.0.0.1"

    @Flag(name: .long, help: "Include drafts.")
    var drafts = false

    @Flag(name: .long, help: "Open the site in the default browser once it is served.")
    var open = false

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        guard (1...65_535).contains(port) else { throw ValidationError("--port must be between 1 and 65535: \(port)") }
    }

    func run() async throws {
        let color = global.useColor, quiet = global.quiet
        let server = DevServer(
            options: ServeOptions(siteRoot: absoluteURL(site), host: host, port: port, includeDrafts: drafts, logger: global.makeLogger()),
            report: { line in if !quiet { Self.say(terminalSafe(line)) } },
            printDiagnostics: { DiagnosticPrinter(color: color).print($0) })
        let open = self.open
        do {
            try await server.run { url in
                Self.say("Serving \(url) (public/ is not touched; Ctrl-C stops)")
                if open { Self.openInBrowser(url) }
            }
        } catch let error as DevServer.StartError {
            printError(error.description)
            throw ExitCode.failure
        }
    }

    /// One line, written at once: a rebuild's line is seen as it happens even when stdout is a
    /// pipe or a file (print would hold it in a buffer).
    static func say(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    /// xdg-open where there is one; a missing opener is not an error.
    static func openInBrowser(_ url: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["xdg-open", url]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try? process.run()
    }
}
