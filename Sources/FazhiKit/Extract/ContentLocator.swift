/// Finds the element that holds a page's report: the deepest block-level element that still holds
/// most of the page's prose (long, punctuated, unlinked text that is not furniture).
///
/// Prose is the generic evidence; portal body containers (TRS_Editor, zoom, Custom_UnionStyle …)
/// are a fallback for pages with almost no prose (attachment-only pages, short notices).
struct ContentLocator {
    let tree: HTMLTree
    let blocks: [Block]
    let furniture: [Furniture?]

    static let paragraphTags: Set<HTMLTag> = [.p, .h1, .h2, .h3, .h4, .h5, .h6, .li, .dt, .dd, .pre, .blockquote, .address, .figcaption, .caption]

    /// Share of the page's prose the container must keep.
    static let keep = 0.8

    static let knownContainers = ["trs_editor", "zoom", "custom_unionstyle", "article-content", "article_content",
                                  "artcontent", "art_content", "content", "article", "main-txt", "con", "text", "detail"]

    /// Prose characters of a block (0 for furniture, links, and short or unpunctuated text).
    static func prose(_ block: Block, furniture: Furniture?) -> Int {
        guard furniture == nil, block.linkDensity <= 0.3 else { return 0 }
        let n = block.length
        if n >= 40 { return n }
        if n >= 12, block.text.unicodeScalars.contains(where: { "，。；、：！？".unicodeScalars.contains($0) }) { return n }
        return 0
    }

    /// The container element and the total prose of the page.
    func locate() -> (element: Int32, prose: Int) {
        var weight = [Int32: Int]()
        var total = 0
        for (i, block) in blocks.enumerated() {
            let p = Self.prose(block, furniture: furniture[i])
            guard p > 0 else { continue }
            total += p
            var e = block.element
            while e >= 0 { weight[e, default: 0] += p; e = tree.nodes[Int(e)].parent }
        }
        // Too little prose to locate by (an attachment-only page, a bare notice): use the portal's body
        // container, else the element holding the attachment links.
        if total < Self.minimumProse, let element = lowProseContainer() { return (element, total) }
        guard total > 0 else { return (0, 0) }
        let need = Int((Double(total) * Self.keep).rounded(.up))
        var current: Int32 = 0
        var container: Int32 = 0
        while let child = tree.children(of: Int(current)).first(where: { weight[Int32($0), default: 0] >= need }) {
            // A paragraph is what a container holds, never the container: a body whose prose is
            // one long <p> still keeps its short neighbours.
            if Self.paragraphTags.contains(tree.nodes[child].tag) { break }
            current = Int32(child)
            if tree.nodes[child].tag.isBlock { container = current }
        }
        return (container, total)
    }

    /// Below this many prose characters the page is located by container names and attachments.
    static let minimumProse = 100

    private func lowProseContainer() -> Int32? {
        let attachments = blocks.indices.filter {
            (furniture[$0] == nil || furniture[$0] == .navigation) && FurnitureClassifier.isAttachmentLine(blocks[$0])
        }
        if let known = knownContainer(), attachments.isEmpty || attachments.contains(where: { isInside(blocks[$0].element, known) }) {
            return known
        }
        guard var common = attachments.first.map({ blocks[$0].element }) else { return nil }
        for i in attachments.dropFirst() {
            while !isInside(blocks[i].element, common) { common = tree.nodes[Int(common)].parent }
        }
        while common > 0, !tree.nodes[Int(common)].tag.isBlock { common = tree.nodes[Int(common)].parent }
        return common
    }

    /// The element whose class or id names a known body container (earlier names win; one pass).
    func knownContainer() -> Int32? {
        var best: (rank: Int, index: Int32)?
        for (i, node) in tree.nodes.enumerated() where node.kind == .element && node.attributeCount > 0 {
            var names: [Substring] = []
            if let id = tree.attribute(.id, of: i) { names.append(Substring(id)) }
            if let c = tree.attribute(.class, of: i) { names += c.split(separator: " ") }
            for name in names {
                guard let rank = Self.knownContainers.firstIndex(of: String(name).asciiLowercased) else { continue }
                if best == nil || rank < best!.rank { best = (rank, Int32(i)) }
            }
            if best?.rank == 0 { break }
        }
        return best?.index
    }

    /// True when `element` is `ancestor` or inside it.
    func isInside(_ element: Int32, _ ancestor: Int32) -> Bool {
        ancestor <= element && Int(element) < tree.subtreeEnd(of: Int(ancestor))
    }
}
