/// Text and Markdown renderings of an outline.
public enum OutlineRendering {
    /// An indented tree: one line per section (`marker title`), repaired markers flagged, then
    /// signature and diagnostics.
    public static func tree(_ outline: Outline) -> String {
        var lines: [String] = []
        if let title = outline.title { lines.append(title) }
        if let a = outline.addressee { lines.append("主送: \(a)") }
        if !outline.preamble.isEmpty { lines.append("[preamble: \(outline.preamble.count) paragraph(s)]") }
        func walk(_ sections: [Section], depth: Int) {
            for s in sections {
                let flag = s.repaired ? "  [repaired]" : ""
                lines.append(String(repeating: "  ", count: depth) + s.marker + s.title + flag)
                walk(s.children, depth: depth + 1)
            }
        }
        walk(outline.sections, depth: 0)
        if let sig = outline.signature {
            lines.append("落款: \(sig.issuer ?? "-") \(sig.date ?? "-")")
        }
        for line in outline.attachmentLines { lines.append("附件: \(line)") }
        for d in outline.diagnostics { lines.append("! \(d.code) at \(d.path): \(d.message)") }
        return lines.joined(separator: "\n")
    }

    /// Markdown: `#` title, `##`/`###`… per level, paragraphs under their heading.
    public static func markdown(_ outline: Outline) -> String {
        var out: [String] = []
        out.append("# " + ArticleRendering.escape(outline.title ?? "(untitled)"))
        if let a = outline.addressee { out.append(ArticleRendering.escape(a) + "：") }
        out += outline.preamble.map(ArticleRendering.escape)
        func walk(_ sections: [Section]) {
            for s in sections {
                out.append(String(repeating: "#", count: min(6, s.level + 1)) + " " + s.marker + s.title)
                out += s.body.map(ArticleRendering.escape)
                walk(s.children)
            }
        }
        walk(outline.sections)
        if let sig = outline.signature {
            out.append([sig.issuer, sig.date].compactMap { $0 }.joined(separator: "  \n"))
        }
        return out.joined(separator: "\n\n") + "\n"
    }
}
