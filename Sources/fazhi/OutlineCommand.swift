import ArgumentParser
import FazhiKit

struct OutlineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "outline",
        abstract: "Cut a report into its numbered sections (一、 （一） 1. （1）).",
        discussion: """
        Reads any page `fazhi extract` reads, and plain .txt files (one paragraph a line).
        Examples:
          fazhi outline Corpus/pages/seed-wulong-2020.html
          fazhi outline report.txt --format json
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, markdown }

    @Argument(help: "A saved page, a .txt file, or - for standard input.")
    var file: String

    @Option(help: "Output format: text (indented tree), json or markdown.")
    var format: Format = .text

    @OptionGroup var limits: InputLimits

    func run() throws {
        let outline = OutlineBuilder.outline(of: try CLIInput.article(file, limits: limits))
        switch format {
        case .text: print(OutlineRendering.tree(outline))
        case .markdown: print(OutlineRendering.markdown(outline), terminator: "")
        case .json: print(try JSONOutput.string(outline))
        }
    }
}
