/// Markdown and plain-text renderings of an extracted article.
public enum ArticleRendering {
    /// The title line, then the body text, one block per line.
    public static func text(_ article: Article) -> String {
        var lines: [String] = []
        if let title = article.metadata.title { lines.append(title) }
        if !article.blocks.isEmpty { lines.append(article.text) }
        if article.bodyStatus == .attachmentOnly {
            lines.append("[body in attachment: \(article.attachments.map(\.name).joined(separator: ", "))]")
        }
        return lines.joined(separator: "\n")
    }

    /// The title as `#`, metadata as a list, paragraphs separated by blank lines, tables as pipe tables.
    public static func markdown(_ article: Article) -> String {
        var out: [String] = []
        out.append("# " + escape(article.metadata.title ?? article.source))
        let m = article.metadata
        let fields: [(String, String?)] = [("发布日期", m.publishedDate), ("成文日期", m.writtenDate), ("发布机构", m.publisher),
                                           ("索引号", m.indexNumber), ("文号", m.documentNumber), ("栏目", m.column),
                                           ("网站", m.siteName), ("网址", m.url)]
        let present = fields.compactMap { k, v in v.map { "- \(k): \(escape($0))" } }
        if !present.isEmpty { out.append(present.joined(separator: "\n")) }
        for block in article.blocks {
            if block.kind == .table, let header = block.rows.first {
                let width = block.rows.map(\.count).max() ?? header.count
                func row(_ cells: [String]) -> String {
                    "| " + (cells + Array(repeating: "", count: width - cells.count)).map { escape($0).replacingOccurrences(of: "|", with: "\\|") }.joined(separator: " | ") + " |"
                }
                var lines = [row(header), "|" + String(repeating: " --- |", count: width)]
                lines += block.rows.dropFirst().map(row)
                out.append(lines.joined(separator: "\n"))
            } else {
                out.append(escape(block.text))
            }
        }
        return out.joined(separator: "\n\n") + "\n"
    }

    /// Escapes characters that would start Markdown syntax at a line start.
    static func escape(_ s: String) -> String {
        var t = s
        if let f = t.first, "#>-+*`|".contains(f) { t = "\\" + t }
        return t
    }
}
