import ArgumentParser
import Diagnostics
import Foundation
import Site

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "build", abstract: "Build the site into the output folder.")

    @Option(name: .long, help: "The site folder (with site.yml and content/).")
    var site = "."

    @Option(name: .long, help: "The output folder (default: <site>/public).")
    var output: String?

    @Option(name: .customLong("base-url"), help: "Override base_url from site.yml.")
    var baseURL: String?

    @Flag(name: .long, help: "Include drafts.")
    var drafts = false

    @Flag(name: .long, help: "Replace an output folder that Blackout did not make.")
    var force = false

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let clock = ContinuousClock.now
        let options = BuildOptions(siteRoot: absoluteURL(site), output: output.map(absoluteURL), baseURL: baseURL,
                                   includeDrafts: drafts, force: force)
        let log = DiagnosticLog()
        var builder = SiteBuilder(options: options, logger: global.makeLogger())
        let progress = ProgressLine.ifTerminal(quiet: global.quiet)
        if let progress { builder.progress = progress.update }
        builder.waiting = { printNote($0) }
        builder.leavesMemoryToExit = true
        let summary = builder.build(into: log)
        progress?.finish()
        DiagnosticPrinter(color: global.useColor).print(log)
        if !global.quiet {
            for dataset in builder.datasetReport.summaries { print(terminalSafe(dataset.description)) }
        }
        guard let summary, !log.hasErrors else {
            printError("build failed: \(DiagnosticPrinter.counts(log)); \(options.output.path) was left as it was")
            throw ExitCode.failure
        }
        if !global.quiet {
            let elapsed = ContinuousClock.now - clock
            let ms = elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000
            print("Built \(summary.incidents) incident\(summary.incidents == 1 ? "" : "s"): \(summary.pages) pages, \(summary.files) files"
                  + (summary.searchFiles > 0 ? " and a search index of \(summary.searchFiles) files" : "") + " in \(ms) ms → \(options.output.path)"
                  + (log.warningCount > 0 ? " (\(DiagnosticPrinter.counts(log)))" : ""))
        }
    }
}
