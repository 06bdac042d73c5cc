import ArgumentParser
import Diagnostics
import Site

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: "Validate the site and its internal links and anchors; write nothing.")

    @Option(name: .long, help: "The site folder (with site.yml and content/).")
    var site = "."

    @Flag(name: .long, help: "Include drafts.")
    var drafts = false

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let log = DiagnosticLog()
        let options = BuildOptions(siteRoot: absoluteURL(site), includeDrafts: drafts)
        let builder = SiteBuilder(options: options, logger: global.makeLogger())
        let summary = builder.check(into: log)
        DiagnosticPrinter(color: global.useColor).print(log)
        if !global.quiet {
            for dataset in builder.datasetReport.summaries { print(terminalSafe(dataset.description)) }
        }
        guard let summary, !log.hasErrors else {
            printError("check failed: \(DiagnosticPrinter.counts(log))")
            throw ExitCode.failure
        }
        if !global.quiet {
            print("Checked \(summary.incidents) incidents, \(summary.pages) pages: no broken links (\(DiagnosticPrinter.counts(log)))")
        }
    }
}
