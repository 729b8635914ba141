/// Cuts a page's visible content into blocks in reading order, keeping inline styles as runs.
///
/// Block boundaries are block-level elements and `<br>`; inside a block, text nodes and inline
/// elements are joined with nothing between them (a space between runs would split "202" + "2年").
/// Hidden elements (`display:none`, `hidden`, …), scripts, styles, forms and embedded objects
/// contribute nothing.
struct BlockBuilder {
    private let tree: HTMLTree

    init(tree: HTMLTree) { self.tree = tree }

    static let blockTags: Set<String> = [
        "html", "body", "p", "div", "section", "article", "header", "footer", "nav", "aside", "main",
        "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd", "table", "tbody",
        "thead", "tfoot", "tr", "td", "th", "caption", "blockquote", "pre", "form", "fieldset",
        "center", "address", "figure", "figcaption", "hr", "marquee", "title", "menu", "legend",
    ]

    static let skippedTags: Set<String> = [
        "head", "script", "style", "noscript", "template", "select", "option", "button", "input",
        "textarea", "iframe", "object", "embed", "svg", "map", "area", "audio", "video", "canvas",
        "img", "link", "meta", "base", "frame", "frameset", "applet", "param", "source", "track",
    ]

    private struct Style {
        var bold = false
        var font: FontClass?
        var link = false
        var align: String?
        var href: String?
    }

    /// The blocks of the subtree at `root` (0: the whole page).
    func blocks(from root: Int = 0) -> [Block] {
        var output: [Block] = []
        var runs: [TextRun] = []
        var hrefs: [String] = []
        var blockStyle = Style()
        var styles: [Style] = [Style()]
        var owners: [(index: Int32, tag: String)] = [(Int32(root), tree.nodes[root].name)]

        func flush() {
            defer { runs.removeAll(keepingCapacity: true); hrefs.removeAll() }
            let cleaned = TextNormalizer.normalizeRuns(runs)
            guard !cleaned.isEmpty else { return }
            let text = cleaned.map(\.text).joined()
            let owner = owners[owners.count - 1]
            let kind: Block.Kind
            switch owner.tag {
            case "h1", "h2", "h3", "h4", "h5", "h6": kind = .heading
            case "li", "dd", "dt": kind = .listItem
            default: kind = .paragraph
            }
            let links = cleaned.filter(\.link).reduce(0) { $0 + $1.text.unicodeScalars.count }
            // One unstyled run says nothing the text does not: keep no runs (memory on huge pages).
            let plain = cleaned.count == 1 && !cleaned[0].bold && cleaned[0].font == nil && !cleaned[0].link
            output.append(Block(kind: kind, text: text, runs: plain ? [] : cleaned, align: blockStyle.align, tag: owner.tag,
                                element: owner.index, linkCharacters: links, hrefs: hrefs))
        }

        // Iterative depth-first walk with explicit exit events.
        var stack: [(index: Int32, exit: Bool)] = []
        for child in tree.children(of: root).reversed() { stack.append((Int32(child), false)) }
        // children(of:) is a forward sequence; reversed() materialises it once.
        while let (index, exit) = stack.popLast() {
            let node = tree.nodes[Int(index)]
            if exit {
                if Self.blockTags.contains(node.name) { flush(); owners.removeLast() }
                styles.removeLast()
                continue
            }
            switch node.kind {
            case .text:
                guard !node.text.isEmpty else { continue }
                let style = styles[styles.count - 1]
                if runs.isEmpty { blockStyle = style }
                if let last = runs.last, last.bold == style.bold, last.font == style.font, last.link == style.link {
                    runs[runs.count - 1].text += node.text
                } else {
                    runs.append(TextRun(text: node.text, bold: style.bold, font: style.font, link: style.link))
                }
            case .element:
                let name = node.name
                if Self.skippedTags.contains(name) || Self.isHidden(node) { continue }
                if name == "br" { flush(); continue }
                var style = styles[styles.count - 1]
                Self.apply(node, to: &style)
                if style.link, let href = style.href, node.name == "a" { hrefs.append(href) }
                styles.append(style)
                if Self.blockTags.contains(name) { flush(); owners.append((index, name)) }
                stack.append((index, true))
                var kids: [Int32] = []
                var c = node.firstChild
                while c >= 0 { kids.append(c); c = tree.nodes[Int(c)].nextSibling }
                for k in kids.reversed() { stack.append((k, false)) }
            default:
                continue
            }
        }
        flush()
        return output
    }

    private static func apply(_ node: HTMLTree.Node, to style: inout Style) {
        switch node.name {
        case "b", "strong", "h1", "h2", "h3", "h4", "h5", "h6", "th": style.bold = true
        case "a":
            style.link = true
            style.href = node.attribute("href")
        case "font":
            if let face = node.attribute("face"), let f = FontClass.classify(face) { style.font = f }
        default: break
        }
        // Alignment is inherited (as CSS text-align is); an element's own align attribute overrides.
        if let align = node.attribute("align")?.localizedLowercaseASCII {
            style.align = (align == "right" || align == "center") ? align : nil
        }
        guard let raw = node.attribute("style"), !raw.isEmpty else { return }
        // CSS property names are case-insensitive (old pages write FONT-FAMILY).
        let css = raw.utf8.contains(where: { $0 >= 0x41 && $0 <= 0x5A }) ? raw.localizedLowercaseASCII : raw
        // Word-pasted pages carry long mso-* styles: look only for the three properties that matter.
        if let family = cssValue(css, "font-family"), let f = FontClass.classify(String(family.split(separator: ",").first ?? "")) {
            style.font = f
        }
        if let weight = cssValue(css, "font-weight") {
            let v = weight.localizedLowercaseASCII
            style.bold = v.hasPrefix("bold") || (Int(v).map { $0 >= 600 } ?? false)
        }
        if let align = cssValue(css, "text-align") {
            let v = align.localizedLowercaseASCII
            if v.hasPrefix("right") { style.align = "right" } else if v.hasPrefix("center") { style.align = "center" } else { style.align = nil }
        }
    }

    /// The value of CSS property `name` in a style attribute (the last declaration wins), trimmed.
    static func cssValue(_ css: String, _ name: String) -> String? {
        guard css.contains(name) else { return nil }
        var value: String?
        var rest = Substring(css)
        while let r = rest.firstRange(of: name) {
            // A whole property name: preceded by start, ';', '{' or white space, followed by ':'.
            let before = r.lowerBound == rest.startIndex ? nil : rest[rest.index(before: r.lowerBound)]
            var after = rest[r.upperBound...].drop { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
            rest = rest[r.upperBound...]
            guard before == nil || before == ";" || before == " " || before == "\t" || before == "\n" || before == "\r" || before == "{",
                  after.first == ":" else { continue }
            after = after.dropFirst()
            let end = after.firstIndex(of: ";") ?? after.endIndex
            value = after[..<end].trimmingASCIISpaces().trimmingCharacters(in: "\"'")
        }
        return value
    }

    /// Hidden by CSS, the `hidden` attribute, or a class that hides.
    static func isHidden(_ node: HTMLTree.Node) -> Bool {
        for a in node.attributes {
            switch a.name {
            case "hidden": return true
            case "style":
                // Cheap prefilter: most style attributes hide nothing.
                let v = a.value.localizedLowercaseASCII
                guard v.contains("none") || v.contains("hidden") else { continue }
                let css = v.filter { $0 != " " && $0 != "\t" && $0 != "\n" && $0 != "\r" }
                if css.contains("display:none") || css.contains("visibility:hidden") { return true }
            case "class":
                guard a.value.contains("hid") || a.value.contains("none") || a.value.contains("only") || a.value.contains("HID") else { continue }
                for token in a.value.localizedLowercaseASCII.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }) {
                    if token == "hidden" || token == "hide" || token == "sr-only" || token == "visually-hidden" || token == "none" { return true }
                }
            case "aria-hidden":
                if a.value == "true" { return true }
            default: continue
            }
        }
        return false
    }
}
