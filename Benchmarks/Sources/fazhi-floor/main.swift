import FazhiKit
import Foundation

// fazhi-floor [--sax] FILE... | [--sax] --files-from LIST
// Reads each page, decides and decodes its charset exactly as fazhi does (Ingest), parses it with
// libxml2 into libxml2's tree and walks its text nodes (what every libxml2-based extractor pays).
// With --sax, libxml2's parser runs with callbacks that only count text bytes: no tree at all, the
// stricter floor (fazhi itself builds its own tree from these callbacks). Prints pages, bytes,
// seconds, pages/s and MB/s.
var paths = Array(CommandLine.arguments.dropFirst())
let sax = paths.first == "--sax"
if sax { paths.removeFirst() }
if paths.first == "--files-from", paths.count == 2 {
    paths = (try String(contentsOfFile: paths[1], encoding: .utf8)).split(separator: "\n").map(String.init)
}
let start = Date()
var pages = 0
var bytes = 0
var text = 0
for path in paths {
    guard let page = try? Ingest.read(path: path) else { continue }
    if sax {
        guard let count = try? HTMLParse.textByteCount(utf8: page.utf8) else { continue }
        text += count
    } else {
        guard let document = try? HTMLDocument(utf8: page.utf8) else { continue }
        text += document.textByteCount()
    }
    bytes += (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
    pages += 1
}
let seconds = Date().timeIntervalSince(start)
print(String(format: "pages %d bytes %d text %d seconds %.3f pages/s %.1f MB/s %.2f", pages, bytes, text, seconds,
             Double(pages) / seconds, Double(bytes) / seconds / 1e6))
