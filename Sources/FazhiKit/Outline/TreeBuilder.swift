/// Builds the section tree as headings and paragraphs arrive, then checks each level's numbering.
struct TreeBuilder {
    /// A section under construction (reference type: the open path is a stack of these).
    private final class Node {
        var level: Int
        var marker: Marker
        var title: String
        var how: Section.TitleSplit
        var body: [String] = []
        var tables: [[[String]]] = []
        var repaired: Bool
        var orphan = false
        var children: [Node] = []

        init(level: Int, marker: Marker, title: String, how: Section.TitleSplit, repaired: Bool) {
            self.level = level
            self.marker = marker
            self.title = title
            self.how = how
            self.repaired = repaired
        }
    }

    private var roots: [Node] = []
    private var open: [Node] = []
    private var levels: [Marker.Style: Int] = [:]

    var isEmpty: Bool { roots.isEmpty }

    /// Opens a section for `heading`, restoring a lost numeral from the open sequence.
    mutating func open(_ heading: OutlineBuilder.Heading) {
        var repaired = false
        let marker: Marker
        if let m = heading.marker {
            marker = m
        } else {
            let style = heading.lostStyle ?? .chinese
            let previous = siblings(ofStyle: style).last?.marker.ordinal ?? 0
            marker = Marker(style: style, ordinal: previous + 1, text: Marker.render(previous + 1, style: style))
            repaired = true
        }
        let level = levels[marker.style] ?? {
            let l = (levels.values.max() ?? 0) + 1
            levels[marker.style] = l
            return l
        }()
        let node = Node(level: level, marker: marker, title: heading.title, how: heading.how, repaired: repaired)
        if let body = heading.body { node.body.append(body) }
        while let top = open.last, top.level >= level { open.removeLast() }
        // A run that starts again at 1 under a parent that already has that style's sections is a
        // new group whose parent heading is missing (portal-pages.md: "2023年，我们将…" then （一）…).
        if level > 1, marker.ordinal == 1, let parent = open.last, parent.children.contains(where: { $0.marker.style == marker.style }) {
            open.removeAll()
        }
        if let parent = open.last {
            parent.children.append(node)
        } else {
            node.orphan = level > 1
            roots.append(node)
        }
        open.append(node)
    }

    /// The sections a new section of `style` would follow as a sibling.
    private func siblings(ofStyle style: Marker.Style) -> [Node] {
        let level = levels[style] ?? 1
        let parent = open.last { $0.level < level }
        let pool = parent?.children ?? roots
        return pool.filter { $0.marker.style == style }
    }

    mutating func addParagraph(_ text: String, orPreamble preamble: inout [String]) {
        if let current = open.last { current.body.append(text) } else { preamble.append(text) }
    }

    mutating func addTable(_ rows: [[String]], orPreamble preamble: inout [String]) {
        let text = rows.map { $0.joined(separator: " ") }.joined(separator: "\n")
        if let current = open.last {
            current.tables.append(rows)
            current.body.append(text)
        } else {
            preamble.append(text)
        }
    }

    /// The finished tree and its numbering diagnostics.
    func finish() -> ([Section], [OutlineDiagnostic]) {
        var diagnostics: [OutlineDiagnostic] = []
        let sections = freeze(roots, parentPath: nil, parentStyle: nil, diagnostics: &diagnostics)
        return (sections, diagnostics)
    }

    private func freeze(_ nodes: [Node], parentPath: String?, parentStyle: Marker.Style?, diagnostics: inout [OutlineDiagnostic]) -> [Section] {
        var out: [Section] = []
        var expected: [Marker.Style: Int] = [:]
        var previous: [Marker.Style: Int] = [:]
        var reportedSkip = false
        var reportedOrphan = false
        for node in nodes {
            let path = parentPath.map { "\($0).\(node.marker.pathComponent)" } ?? node.marker.pathComponent
            let style = node.marker.style
            let n = node.marker.ordinal
            let want = expected[style] ?? 1
            if n != want {
                if let p = previous[style], n == p {
                    diagnostics.append(.init(code: "duplicate", message: "编号重复 duplicate number \(node.marker.text)", path: path))
                } else if n == 1, previous[style] != nil {
                    diagnostics.append(.init(code: "restart", message: "编号重新从1开始 numbering restarts at \(node.marker.text)", path: path))
                } else if previous[style] == nil {
                    diagnostics.append(.init(code: "unexpected-start", message: "编号未从第一项开始 numbering starts at \(node.marker.text)", path: path))
                } else if n > want {
                    diagnostics.append(.init(code: "gap", message: "编号缺失 gap: expected \(Marker.render(want, style: style)), found \(node.marker.text)", path: path))
                } else {
                    diagnostics.append(.init(code: "out-of-order", message: "编号倒序 number goes backwards to \(node.marker.text)", path: path))
                }
            }
            expected[style] = n + 1
            previous[style] = n
            if node.repaired {
                diagnostics.append(.init(code: "repaired", message: "标题序号缺失，已按顺序补为\(node.marker.text) lost numeral restored as \(node.marker.text)", path: path))
            }
            if node.orphan, !reportedOrphan {
                diagnostics.append(.init(code: "orphan", message: "\(node.marker.text)等下级标题没有上级标题 lower-level sections with no parent heading", path: path))
                reportedOrphan = true
            }
            if !node.orphan { reportedOrphan = false }
            if let parentStyle, style.standardRank > parentStyle.standardRank + 1, !reportedSkip, parentStyle != .part {
                diagnostics.append(.init(code: "skipped-level", message: "跳级使用序号 level skipped: \(node.marker.text) directly under a \(parentStyle.rawValue) heading", path: path))
                reportedSkip = true
            }
            let children = freeze(node.children, parentPath: path, parentStyle: style, diagnostics: &diagnostics)
            out.append(Section(level: node.level, marker: node.marker.text, style: style, ordinal: n, title: node.title,
                               titleSplit: node.how, body: node.body, items: node.body.flatMap(InlineItems.items),
                               tables: node.tables, repaired: node.repaired, path: path, children: children))
        }
        return out
    }
}
