/// Finds the block that shows a report's title, agreeing the visible heading with the
/// ArticleTitle meta and the `<title>` element.
struct TitleFinder {
    let tree: HTMLTree
    let blocks: [Block]
    let furniture: [Furniture?]
    let head: PageHead

    /// Separators between a title and the site name in `<title>`.
    static let separators = ["_", "|", "｜", " - ", " — ", "——", "--", "－", "—", "-"]

    /// The first part of `<title>` (the article title on portal pages).
    var headTitle: String? {
        guard let t = head.title else { return nil }
        for sep in Self.separators {
            if let r = t.firstRange(of: sep), r.lowerBound > t.startIndex {
                let first = TextNormalizer.normalize(String(t[..<r.lowerBound]))
                if first.count >= 4 { return first }
            }
        }
        return t
    }

    /// The title's blocks (usually one; a title broken by `<br>` spans several lines of one element),
    /// searching before the body start `bodyStart` and in its first few blocks.
    func find(bodyStart: Int) -> ClosedRange<Int>? {
        guard let i = findBlock(bodyStart: bodyStart) else { return nil }
        let candidates = metaCandidates
        var range = i...i
        func joined(_ r: ClosedRange<Int>) -> String { r.map { Self.compact(blocks[$0].text) }.joined() }
        func fits(_ r: ClosedRange<Int>) -> Bool {
            let t = joined(r)
            return candidates.contains { $0 == t || $0.hasPrefix(t) }
        }
        while range.lowerBound > 0, blocks[range.lowerBound - 1].element == blocks[i].element,
              furniture[range.lowerBound - 1] == nil, fits((range.lowerBound - 1)...range.upperBound) {
            range = (range.lowerBound - 1)...range.upperBound
        }
        while range.upperBound + 1 < blocks.count, blocks[range.upperBound + 1].element == blocks[i].element,
              furniture[range.upperBound + 1] == nil, fits(range.lowerBound...(range.upperBound + 1)) {
            range = range.lowerBound...(range.upperBound + 1)
        }
        return range
    }

    private var metaCandidates: [String] {
        [head.value("ArticleTitle"), headTitle, head.value("title")].compactMap { $0 }.map(Self.compact)
    }

    private func findBlock(bodyStart: Int) -> Int? {
        let limit = min(blocks.count, bodyStart + 4)
        let candidates = metaCandidates
        if !candidates.isEmpty {
            // Nearest match before the body wins (a title can also appear in breadcrumbs and related lists).
            var best: Int?
            for i in 0..<limit where matches(i, candidates) { best = i }
            if let best { return best }
        }
        // No meta agreement: a heading element or a block in a "title" element, nearest the body.
        var best: Int?
        for i in 0..<limit where furniture[i] == nil {
            let n = blocks[i].length
            guard n >= 6, n <= 120, !blocks[i].text.contains("。") else { continue }
            if blocks[i].kind == .heading || inTitleElement(blocks[i].element) { best = i }
        }
        return best
    }

    private func matches(_ i: Int, _ candidates: [String]) -> Bool {
        let text = Self.compact(blocks[i].text)
        let length = text.scalarCount
        guard length >= 4, blocks[i].linkDensity < 0.5, furniture[i] != .breadcrumb else { return false }
        return candidates.contains { c in
            c == text || (length >= 8 && (c.hasPrefix(text) || text.hasPrefix(c) || c.hasSuffix(text)) && length * 10 >= c.scalarCount * 4)
        }
    }

    private func inTitleElement(_ element: Int32) -> Bool {
        var e = element
        var steps = 0
        while e > 0, steps < 3 {
            if tree.nodes[Int(e)].attributeCount > 0 {
                let tokens = ((tree.attribute(.class, of: Int(e)) ?? "") + " " + (tree.attribute(.id, of: Int(e)) ?? "")).asciiLowercased
                if tokens.contains("title") || tokens.contains("tit") || tokens.contains("bt") || tokens.contains("headline") { return true }
            }
            e = tree.nodes[Int(e)].parent
            steps += 1
        }
        return false
    }

    /// Text without white space, for comparing titles.
    static func compact(_ s: String) -> String { DetailFieldReader.compactText(s) }
}
