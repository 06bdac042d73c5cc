import ArgumentParser
import Site

struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "new", abstract: "Write new content.", subcommands: [NewIncident.self])
}

struct NewIncident: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "incident", abstract: "Write a new incident with its front matter filled in.")

    @Argument(help: "The incident's title.")
    var title: String

    @Option(name: .long, help: "Start time, ISO 8601 with a zone (default: now, UTC).")
    var start: String?

    @Flag(name: .long, help: "Write a bundle folder (for data files) instead of a single file.")
    var bundle = false

    @Option(name: .long, help: "The site folder.")
    var site = "."

    @OptionGroup var global: GlobalOptions

    func run() throws {
        do {
            let path = try Scaffold.newIncident(title: title, start: start, bundle: bundle, siteRoot: absoluteURL(site))
            if !global.quiet { print("Wrote \(path)") }
        } catch {
            printError(error.message)
            throw error.isUsage ? ExitCode.validationFailure : ExitCode.failure
        }
    }
}
