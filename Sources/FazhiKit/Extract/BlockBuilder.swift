/// Cuts a page's visible content into blocks in reading order, keeping inline styles as runs.
///
/// Block boundaries are block-level elements and `<br>`; inside a block, text nodes and inline
/// elements are joined with nothing between them (a space between runs would split "202" + "2年").
/// Hidden elements (`display:none`, `hidden`, …), scripts, styles, forms and embedded objects
/// contribute nothing.
struct BlockBuilder {
    private let tree: HTMLTree

    init(tree: HTMLTree) { self.tree = tree }

    /// The inherited style at a point of the walk: plain values only, so copying one per element
    /// costs no reference counting.
    fileprivate struct Style {
        var bold = false
        var font: FontClass?
        var link = false
        var align = Align.none
    }

    /// `text-align` or `align` as far as blocks record it.
    fileprivate enum Align {
        case none, right, center

        var name: String? {
            switch self {
            case .none: return nil
            case .right: return "right"
            case .center: return "center"
            }
        }
    }

    /// The blocks of the subtree at `root` (0: the whole page).
    func blocks(from root: Int = 0) -> [Block] {
        tree.nodes.withUnsafeBufferPointer { nodes in
            tree.textBytes.withUnsafeBufferPointer { text in
                tree.withAttributeView { attributes in
                    var walk = Walk(tree: tree, nodes: nodes, text: text, attributes: attributes, root: Int32(root))
                    return walk.run()
                }
            }
        }
    }

    /// The state of one walk over a subtree: plain stored properties, so the hot loop mutates them
    /// in place (local variables captured by a nested function would live in boxes, every access
    /// checked at run time).
    private struct Walk {
        let tree: HTMLTree
        let nodes: UnsafeBufferPointer<HTMLTree.Node>
        let text: UnsafeBufferPointer<UInt8>
        let attributes: AttributeView
        let root: Int32
        var output: [Block] = []
        /// The current block's raw text and its styled runs (text nodes' bytes copied, no strings).
        var blockBytes: [UInt8] = []
        var runs: [RunNormalizer.RawRun] = []
        /// The current block's links to document files (a string only for those).
        var documentLinks: [String] = []
        var blockStyle = Style()
        var styles: [Style] = [Style()]
        var owners: [Int32]
        var normalizer = RunNormalizer()

        init(tree: HTMLTree, nodes: UnsafeBufferPointer<HTMLTree.Node>, text: UnsafeBufferPointer<UInt8>,
             attributes: AttributeView, root: Int32) {
            (self.tree, self.nodes, self.text, self.attributes, self.root) = (tree, nodes, text, attributes, root)
            owners = [root]
            // Blocks are far fewer than nodes; sizing up front avoids re-copying them as the array grows.
            output.reserveCapacity(min(nodes.count / 4, 1 << 14))
        }

        /// Depth-first walk along the tree's links (first child, next sibling, parent): no stack of
        /// nodes to visit, and an element's exit comes as the walk climbs out of it.
        mutating func run() -> [Block] {
            var i = Int(nodes[Int(root)].firstChild)
            while i >= 0 {
                if enter(i), nodes[i].firstChild >= 0 {
                    i = Int(nodes[i].firstChild)
                    continue
                }
                // Done with `i` (and its subtree): on to the next sibling, leaving every element
                // whose last child this was.
                while true {
                    let next = nodes[i].nextSibling
                    if next >= 0 { i = Int(next); break }
                    let parent = Int(nodes[i].parent)
                    if parent == Int(root) || parent < 0 { i = -1; break }
                    exit(parent)
                    i = parent
                }
            }
            flush()
            return output
        }

        /// Visits node `i`; true when it is an element the walk goes into (its exit will follow).
        mutating func enter(_ i: Int) -> Bool {
            switch nodes[i].kind {
            case .text:
                let range = nodes[i].textRange
                guard !range.isEmpty else { return false }
                let style = styles[styles.count - 1]
                if runs.isEmpty { blockStyle = style }
                blockBytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[range]))
                if let last = runs.last, last.bold == style.bold, last.font == style.font, last.link == style.link {
                    runs[runs.count - 1].end = blockBytes.count
                } else {
                    runs.append(RunNormalizer.RawRun(end: blockBytes.count, bold: style.bold, font: style.font, link: style.link))
                }
                return false
            case .element:
                let node = nodes[i]
                let tag = node.tag
                let kept = node.attributeRange
                if tag.isSkipped || (!kept.isEmpty && BlockBuilder.isHidden(kept, attributes)) { return false }
                if tag == .br { flush(); return false }
                var style = styles[styles.count - 1]
                BlockBuilder.apply(tag, kept, attributes, to: &style)
                if tag == .a, let href = attributes.value(.href, in: kept), FurnitureClassifier.isDocumentLink(href) {
                    documentLinks.append(String(decoding: href, as: UTF8.self))
                }
                styles.append(style)
                if tag.isBlock { flush(); owners.append(Int32(i)) }
                if node.firstChild < 0 { exit(i) }  // nothing inside: leave at once
                return true
            default:
                return false
            }
        }

        /// Leaves element `i`, entered before.
        mutating func exit(_ i: Int) {
            if nodes[i].tag.isBlock { flush(); owners.removeLast() }
            styles.removeLast()
        }

        /// Ends the current block: its runs cleaned into a ``Block`` (none when nothing is left).
        mutating func flush() {
            guard !runs.isEmpty else { documentLinks.removeAll(); return }
            let cleaned = blockBytes.withUnsafeBufferPointer { normalizer.block($0, runs: runs) }
            runs.removeAll(keepingCapacity: true)
            blockBytes.removeAll(keepingCapacity: true)
            let links = documentLinks
            documentLinks.removeAll()
            guard let cleaned else { return }
            let owner = owners[owners.count - 1]
            let kind: Block.Kind
            switch nodes[Int(owner)].tag {
            case .h1, .h2, .h3, .h4, .h5, .h6: kind = .heading
            case .li, .dd, .dt: kind = .listItem
            default: kind = .paragraph
            }
            let block = Block(kind: kind, text: cleaned.text, runs: cleaned.runs, align: blockStyle.align.name,
                              tag: tree.name(of: Int(owner)), element: owner, linkCharacters: cleaned.linkScalars, documentLinks: links)
            output.append(consume block)
        }
    }

    fileprivate static func apply(_ tag: HTMLTag, _ kept: Range<Int>, _ attributes: AttributeView, to style: inout Style) {
        switch tag {
        case .b, .strong, .h1, .h2, .h3, .h4, .h5, .h6, .th: style.bold = true
        case .a: style.link = true
        case .font:
            if let face = attributes.string(.face, in: kept), let f = FontClass.classify(face) { style.font = f }
        default: break
        }
        guard !kept.isEmpty else { return }
        // Alignment is inherited (as CSS text-align is); an element's own align attribute overrides.
        if let align = attributes.value(.align, in: kept) {
            style.align = equalsLowercased(align, right) ? .right : equalsLowercased(align, center) ? .center : .none
        }
        guard let css = attributes.value(.style, in: kept), !css.isEmpty else { return }
        // Word-pasted pages carry long mso-* styles: look only for the three properties that matter.
        let (family, weight, align) = cssProperties(css)
        // The first family named (compared as bytes: comparing Characters costs a Unicode comparison each).
        if let family, let f = FontClass.classify(String(decoding: family.utf8.drop { $0 == 0x2C }.prefix { $0 != 0x2C }, as: UTF8.self)) {
            style.font = f
        }
        if let weight {
            style.bold = weight.utf8.starts(with: "bold".utf8) || (Int(weight).map { $0 >= 600 } ?? false)
        }
        if let align {
            style.align = align.utf8.starts(with: "right".utf8) ? .right : align.utf8.starts(with: "center".utf8) ? .center : .none
        }
    }

    /// The `font-family`, `font-weight` and `text-align` values of a style attribute, in one pass:
    /// lower-cased, trimmed of ASCII white space and quotes, the last declaration of each winning.
    /// Property names match in any case (old pages write FONT-FAMILY); a whole name: preceded by
    /// the start, `;`, `{` or white space, followed by optional white space and `:`.
    static func cssProperties(_ css: String) -> (family: String?, weight: String?, align: String?) {
        var css = css
        return css.withUTF8 { cssProperties($0) }
    }

    /// ``cssProperties(_:)`` of a style attribute's bytes.
    static func cssProperties(_ b: UnsafeBufferPointer<UInt8>) -> (family: String?, weight: String?, align: String?) {
        var family: Range<Int>?, weight: Range<Int>?, align: Range<Int>?
        for at in b.indices {
            let c = b[at] | 0x20
            guard c == 0x66 || c == 0x74 else { continue }  // f, t
            if at > 0 {
                let p = b[at - 1]
                guard p == 0x3B || p == 0x7B || isSpace(p) else { continue }
            }
            if c == 0x74 {
                if let value = declaration(b, at: at, name: textAlign) { align = value }
            } else if let value = declaration(b, at: at, name: fontFamily) {
                family = value
            } else if let value = declaration(b, at: at, name: fontWeight) {
                weight = value
            }
        }
        return (family.map { trimmed(b, $0) }, weight.map { trimmed(b, $0) }, align.map { trimmed(b, $0) })
    }

    private static let fontFamily = Array("font-family".utf8), fontWeight = Array("font-weight".utf8),
                       textAlign = Array("text-align".utf8), right = Array("right".utf8), center = Array("center".utf8)

    /// `bytes` lower-cased equal `lower` (ASCII).
    private static func equalsLowercased(_ bytes: UnsafeBufferPointer<UInt8>, _ lower: [UInt8]) -> Bool {
        bytes.count == lower.count && zip(bytes, lower).allSatisfy { Self.lower($0) == $1 }
    }

    /// The value range of the declaration `name: value` when `name` (in any case) starts at `at`.
    private static func declaration(_ b: UnsafeBufferPointer<UInt8>, at: Int, name: [UInt8]) -> Range<Int>? {
        guard at + name.count <= b.count else { return nil }
        for k in 1..<name.count where lower(b[at + k]) != name[k] { return nil }
        var i = at + name.count
        while i < b.count, isSpace(b[i]) { i += 1 }
        guard i < b.count, b[i] == 0x3A else { return nil }
        var end = i + 1
        while end < b.count, b[end] != 0x3B { end += 1 }
        return (i + 1)..<end
    }

    /// The bytes in `range` without surrounding white space and quotes, lower-cased.
    private static func trimmed(_ b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        var r = range
        func isQuote(_ c: UInt8) -> Bool { c == 0x22 || c == 0x27 }
        while !r.isEmpty, isSpace(b[r.lowerBound]) { r = (r.lowerBound + 1)..<r.upperBound }
        while !r.isEmpty, isSpace(b[r.upperBound - 1]) { r = r.lowerBound..<(r.upperBound - 1) }
        while !r.isEmpty, isQuote(b[r.lowerBound]) { r = (r.lowerBound + 1)..<r.upperBound }
        while !r.isEmpty, isQuote(b[r.upperBound - 1]) { r = r.lowerBound..<(r.upperBound - 1) }
        return String(decoding: b[r].map(lower), as: UTF8.self)
    }

    private static func lower(_ c: UInt8) -> UInt8 { c >= 0x41 && c <= 0x5A ? c + 0x20 : c }
    private static func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D }

    /// Element `index` of `tree` is hidden by CSS, the `hidden` attribute, or a class that hides.
    static func isHidden(_ index: Int, in tree: HTMLTree) -> Bool {
        let kept = tree.nodes[index].attributeRange
        return !kept.isEmpty && tree.withAttributeView { isHidden(kept, $0) }
    }

    /// The attributes in `kept` hide their element.
    fileprivate static func isHidden(_ kept: Range<Int>, _ attributes: AttributeView) -> Bool {
        for i in kept {
            switch attributes.records[i].name {
            case .hidden: return true
            case .style: if styleHides(attributes.value(at: i)) { return true }
            case .class: if classHides(attributes.value(at: i)) { return true }
            case .ariaHidden: if attributes.value(at: i).elementsEqual("true".utf8) { return true }
            default: continue
            }
        }
        return false
    }

    /// `display:none` or `visibility:hidden` in a style attribute, in any case, with any white space
    /// inside. One pass over the bytes: neither pattern repeats its first letter, so a mismatch
    /// restarts at the current byte.
    static func styleHides(_ style: String) -> Bool {
        var style = style
        return style.withUTF8 { styleHides($0) }
    }

    /// ``styleHides(_:)`` of a style attribute's bytes.
    static func styleHides(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let (display, visibility) = (Self.displayNone, Self.visibilityHidden)
        var d = 0, v = 0
        for byte in bytes {
            if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D { continue }
            let c = lower(byte)
            d = c == display[d] ? d + 1 : (c == display[0] ? 1 : 0)
            v = c == visibility[v] ? v + 1 : (c == visibility[0] ? 1 : 0)
            if d == display.count || v == visibility.count { return true }
        }
        return false
    }

    /// A class list with a token that hides (`hidden`, `hide`, `sr-only`, `visually-hidden`, `none`),
    /// in any case.
    static func classHides(_ classes: String) -> Bool {
        var classes = classes
        return classes.withUTF8 { classHides($0) }
    }

    /// ``classHides(_:)`` of a class attribute's bytes.
    static func classHides(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var start = 0
        for end in 0...bytes.count {
            guard end == bytes.count || bytes[end] == 0x20 || bytes[end] == 0x09 || bytes[end] == 0x0A else { continue }
            defer { start = end + 1 }
            let length = end - start
            guard length == 4 || length == 6 || length == 7 || length == 15,
                  let token = PackedName(UnsafeBufferPointer(rebasing: bytes[start..<end])) else { continue }
            if Self.hidingClasses.contains(token) { return true }
        }
        return false
    }

    private static let displayNone = Array("display:none".utf8), visibilityHidden = Array("visibility:hidden".utf8)

    private static let hidingClasses = ["hidden", "hide", "sr-only", "visually-hidden", "none"].map { PackedName($0)! }
}
