/// Reads a plain-text report (one paragraph a line) as an article: researchers often have only text.
enum PlainTextReader {
    static func article(from page: DecodedPage) -> Article {
        let text = String(decoding: page.utf8, as: UTF8.self)
        var lines = text.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
            .map { TextNormalizer.normalize(String($0)) }
            .filter { !$0.isEmpty }
        var metadata = Metadata()
        // A first line without sentence punctuation that names a report is the title.
        if let first = lines.first, first.count <= 80, !first.contains("。"),
           first.contains("报告") || first.contains("情况") || first.contains("工作") {
            metadata.title = first
            lines.removeFirst()
        }
        let blocks = lines.map { Block(kind: .paragraph, text: $0, runs: [TextRun(text: $0)], tag: "p") }
        return Article(source: page.source, encoding: page.encoding, metadata: metadata, blocks: blocks,
                       attachments: [], bodyStatus: blocks.isEmpty ? .empty : .inline, parseDiagnostics: [])
    }
}
