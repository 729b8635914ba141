import ArgumentParser

@main
struct Fazhi: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fazhi",
        abstract: "Read saved pages of 法治政府建设年度报告, extract the report, outline it and check it.",
        version: "0.1.0",
        subcommands: [Extract.self, OutlineCommand.self, CheckCommand.self, BatchCommand.self, ProfilesCommand.self]
    )
}
