import ArgumentParser
import FazhiKit

struct Extract: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print a saved page's report: title, metadata and body, portal removed.",
        discussion: """
        Examples:
          fazhi extract Corpus/pages/seed-wulong-2020.html
          fazhi extract report.mhtml --format json
          gzip -c page.html | fazhi extract - --format markdown
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, markdown }

    @Argument(help: "A saved page (.html, .mhtml, gzip, .txt), or - for standard input.")
    var file: String

    @Option(help: "Output format: text, json or markdown.")
    var format: Format = .text

    @Flag(help: "In JSON, include each block's styled runs.")
    var runs = false

    @OptionGroup var limits: InputLimits

    func run() throws {
        let article = try CLIInput.article(file, limits: limits)
        switch format {
        case .text: print(ArticleRendering.text(article))
        case .markdown: print(ArticleRendering.markdown(article), terminator: "")
        case .json: print(try JSONOutput.string(ArticleRecord(article, runs: runs)))
        }
    }
}
