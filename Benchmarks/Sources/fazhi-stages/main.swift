import FazhiKit
import Foundation

// fazhi-stages FILE... | --files-from LIST
// Where one core's time goes: every page through each stage in turn, each stage timed on its own,
// summed over all pages. "parse" is libxml2's parser building the plain-value tree (HTMLParse); "extract" is Extractor.extract
// minus that parse (it parses again internally); "record" is the batch record's JSON. Prints
// milliseconds per page for each stage and the share of the total.
var paths = Array(CommandLine.arguments.dropFirst())
if paths.first == "--files-from", paths.count == 2 {
    paths = (try String(contentsOfFile: paths[1], encoding: .utf8)).split(separator: "\n").map(String.init)
}
let auditor = Auditor(profile: try ProfileLoader.load("fazhi-annual"))
let stages = ["ingest", "parse", "extract", "outline", "check", "record"]
var seconds = [Double](repeating: 0, count: stages.count)
var pages = 0

@MainActor @inline(never)
func timed<T>(_ stage: Int, _ body: () throws -> T) rethrows -> T {
    let start = DispatchTime.now().uptimeNanoseconds
    let value = try body()
    seconds[stage] += Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    return value
}

for path in paths {
    guard let document = timed(0, { Ingest.documents(path: path).first }), case .success(let page) = document.page else { continue }
    let parseTime = seconds[1]
    _ = try? timed(1, { try HTMLParse(utf8: page.utf8) })
    let parsed = seconds[1] - parseTime
    guard let article = try? timed(2, { try Extractor.extract(page) }) else { continue }
    seconds[2] -= parsed
    let outline = timed(3) { OutlineBuilder.outline(of: article) }
    let audit = timed(4) { auditor.audit(article, outline: outline) }
    _ = try? timed(5) {
        try EncodedRecord(BatchRecord(document: document, result: Pipeline.Result(article: article, outline: outline, audit: audit)))
    }
    pages += 1
}
let total = seconds.reduce(0, +)
print("pages \(pages)")
for (name, s) in zip(stages, seconds) {
    print(name.padding(toLength: 8, withPad: " ", startingAt: 0)
        + String(format: " %7.3f ms/page %5.1f %%", s * 1000 / Double(max(pages, 1)), s / total * 100))
}
print(String(format: "total    %7.3f ms/page (%.1f pages/s)", total * 1000 / Double(max(pages, 1)), Double(pages) / total))
