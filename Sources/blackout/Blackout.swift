import ArgumentParser

@main
struct Blackout: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "blackout",
        abstract: "A static site generator for archives of outages and incidents.",
        version: "0.1.0",
        subcommands: [BuildCommand.self, CheckCommand.self, ServeCommand.self, NewCommand.self, InitCommand.self]
    )
}
