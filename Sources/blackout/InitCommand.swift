import ArgumentParser
import Site

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init", abstract: "Write a new site: site.yml and one example incident with a series.")

    @Argument(help: "The folder to create (default: the current folder).")
    var directory = "."

    @OptionGroup var global: GlobalOptions

    func run() throws {
        do {
            let files = try Scaffold.initSite(at: absoluteURL(directory))
            if !global.quiet {
                print("Wrote \(files.joined(separator: ", ")).\nBuild it with: blackout build --site \(directory)")
            }
        } catch {
            printError(error.message)
            throw ExitCode.failure
        }
    }
}
