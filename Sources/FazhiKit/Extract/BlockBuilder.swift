/// Cuts a page's visible content into blocks in reading order, keeping inline styles as runs.
///
/// Block boundaries are block-level elements and `<br>`; inside a block, text nodes and inline
/// elements are joined with nothing between them (a space between runs would split "202" + "2年").
/// Hidden elements (`display:none`, `hidden`, …), scripts, styles, forms and embedded objects
/// contribute nothing.
struct BlockBuilder {
    private let tree: HTMLTree

    init(tree: HTMLTree) { self.tree = tree }

    private struct Style {
        var bold = false
        var font: FontClass?
        var link = false
        var align: String?
        var href: String?
    }

    /// The blocks of the subtree at `root` (0: the whole page).
    func blocks(from root: Int = 0) -> [Block] {
        tree.nodes.withUnsafeBufferPointer { nodes in blocks(from: root, nodes: nodes) }
    }

    private func blocks(from root: Int, nodes: UnsafeBufferPointer<HTMLTree.Node>) -> [Block] {
        var output: [Block] = []
        // Blocks are far fewer than nodes; sizing up front avoids re-copying them as the array grows.
        output.reserveCapacity(min(nodes.count / 4, 1 << 14))
        var runs: [TextRun] = []
        var hrefs: [String] = []
        var blockStyle = Style()
        var styles: [Style] = [Style()]
        var owners: [Int32] = [Int32(root)]
        var normalizer = RunNormalizer()

        func flush() {
            guard !runs.isEmpty else { hrefs.removeAll(); return }
            defer { runs.removeAll(keepingCapacity: true); hrefs.removeAll() }
            let cleaned = normalizer.normalize(runs)
            guard !cleaned.isEmpty else { return }
            let owner = owners[owners.count - 1]
            let tag = nodes[Int(owner)].tag
            let kind: Block.Kind
            switch tag {
            case .h1, .h2, .h3, .h4, .h5, .h6: kind = .heading
            case .li, .dd, .dt: kind = .listItem
            default: kind = .paragraph
            }
            let text = cleaned.count == 1 ? cleaned[0].text : cleaned.reduce(into: "") { $0 += $1.text }
            let links = cleaned.reduce(0) { $1.link ? $0 + $1.text.scalarCount : $0 }
            // One unstyled run says nothing the text does not: keep no runs (memory on huge pages).
            let plain = cleaned.count == 1 && !cleaned[0].bold && cleaned[0].font == nil && !cleaned[0].link
            output.append(Block(kind: kind, text: text, runs: plain ? [] : cleaned, align: blockStyle.align,
                                tag: nodes[Int(owner)].name, element: owner, linkCharacters: links, hrefs: hrefs))
        }

        // Iterative depth-first walk with explicit exit events.
        var stack: [(index: Int32, exit: Bool)] = []
        var kids: [Int32] = []
        func pushChildren(of index: Int) {
            kids.removeAll(keepingCapacity: true)
            var c = nodes[index].firstChild
            while c >= 0 { kids.append(c); c = nodes[Int(c)].nextSibling }
            for k in kids.reversed() { stack.append((k, false)) }
        }
        pushChildren(of: root)
        while let (index, exit) = stack.popLast() {
            let i = Int(index)
            if exit {
                if nodes[i].tag.isBlock { flush(); owners.removeLast() }
                styles.removeLast()
                continue
            }
            switch nodes[i].kind {
            case .text:
                guard !nodes[i].text.isEmpty else { continue }
                let style = styles[styles.count - 1]
                if runs.isEmpty { blockStyle = style }
                if let last = runs.last, last.bold == style.bold, last.font == style.font, last.link == style.link {
                    runs[runs.count - 1].text += nodes[i].text
                } else {
                    runs.append(TextRun(text: nodes[i].text, bold: style.bold, font: style.font, link: style.link))
                }
            case .element:
                let tag = nodes[i].tag
                if tag.isSkipped || (!nodes[i].attributes.isEmpty && Self.isHidden(nodes[i])) { continue }
                if tag == .br { flush(); continue }
                var style = styles[styles.count - 1]
                Self.apply(nodes[i], to: &style)
                if style.link, tag == .a, let href = style.href { hrefs.append(href) }
                styles.append(style)
                if tag.isBlock { flush(); owners.append(index) }
                stack.append((index, true))
                pushChildren(of: i)
            default:
                continue
            }
        }
        flush()
        return output
    }

    private static func apply(_ node: borrowing HTMLTree.Node, to style: inout Style) {
        switch node.tag {
        case .b, .strong, .h1, .h2, .h3, .h4, .h5, .h6, .th: style.bold = true
        case .a:
            style.link = true
            style.href = node.attribute("href")
        case .font:
            if let face = node.attribute("face"), let f = FontClass.classify(face) { style.font = f }
        default: break
        }
        guard !node.attributes.isEmpty else { return }
        // Alignment is inherited (as CSS text-align is); an element's own align attribute overrides.
        if let align = node.attribute("align")?.asciiLowercased {
            style.align = (align == "right" || align == "center") ? align : nil
        }
        guard let raw = node.attribute("style"), !raw.isEmpty else { return }
        // CSS property names are case-insensitive (old pages write FONT-FAMILY).
        let css = raw.asciiLowercased
        // Word-pasted pages carry long mso-* styles: look only for the three properties that matter.
        if let family = cssValue(css, "font-family"), let f = FontClass.classify(String(family.drop { $0 == "," }.prefix { $0 != "," })) {
            style.font = f
        }
        if let weight = cssValue(css, "font-weight") {
            let v = weight.asciiLowercased
            style.bold = v.hasPrefix("bold") || (Int(v).map { $0 >= 600 } ?? false)
        }
        if let align = cssValue(css, "text-align") {
            let v = align.asciiLowercased
            if v.hasPrefix("right") { style.align = "right" } else if v.hasPrefix("center") { style.align = "center" } else { style.align = nil }
        }
    }

    /// The value of CSS property `name` in a style attribute (the last declaration wins), trimmed of
    /// ASCII white space and quotes. A whole property name: preceded by the start, `;`, `{` or white
    /// space, followed by optional white space and `:`. Works on UTF-8 bytes (hot path).
    static func cssValue(_ css: String, _ name: String) -> String? {
        var css = css
        var name = name
        return css.withUTF8 { b -> String? in
            name.withUTF8 { n -> String? in
                var value: Range<Int>?
                var from = 0
                while from < b.count, let hit = FastText.search(UnsafeBufferPointer(rebasing: b[from...]), n) {
                    let at = from + hit
                    from = at + n.count
                    if at > 0 {
                        let c = b[at - 1]
                        guard c == 0x3B || c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D || c == 0x7B else { continue }
                    }
                    var i = at + n.count
                    while i < b.count, b[i] == 0x20 || b[i] == 0x09 || b[i] == 0x0A || b[i] == 0x0D { i += 1 }
                    guard i < b.count, b[i] == 0x3A else { continue }
                    var end = i + 1
                    while end < b.count, b[end] != 0x3B { end += 1 }
                    value = (i + 1)..<end
                }
                guard var r = value else { return nil }
                func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D }
                func isQuote(_ c: UInt8) -> Bool { c == 0x22 || c == 0x27 }
                while !r.isEmpty, isSpace(b[r.lowerBound]) { r = (r.lowerBound + 1)..<r.upperBound }
                while !r.isEmpty, isSpace(b[r.upperBound - 1]) { r = r.lowerBound..<(r.upperBound - 1) }
                while !r.isEmpty, isQuote(b[r.lowerBound]) { r = (r.lowerBound + 1)..<r.upperBound }
                while !r.isEmpty, isQuote(b[r.upperBound - 1]) { r = r.lowerBound..<(r.upperBound - 1) }
                return String(decoding: UnsafeBufferPointer(rebasing: b[r]), as: UTF8.self)
            }
        }
    }

    /// Hidden by CSS, the `hidden` attribute, or a class that hides.
    static func isHidden(_ node: borrowing HTMLTree.Node) -> Bool {
        for a in node.attributes {
            switch a.name {
            case "hidden": return true
            case "style":
                // Cheap prefilter: most style attributes hide nothing.
                let v = a.value.asciiLowercased
                guard v.contains("none") || v.contains("hidden") else { continue }
                let css = v.filter { $0 != " " && $0 != "\t" && $0 != "\n" && $0 != "\r" }
                if css.contains("display:none") || css.contains("visibility:hidden") { return true }
            case "class":
                guard a.value.contains("hid") || a.value.contains("none") || a.value.contains("only") || a.value.contains("HID") else { continue }
                for token in a.value.asciiLowercased.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }) {
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
