/// Turns a data table in a report body into a table block; tells data tables from layout tables.
enum TableReader {
    /// True for a table that holds data rather than page layout: no nested table, at least two
    /// rows, and no cell long enough to be body prose.
    static func isDataTable(_ table: Int, in tree: HTMLTree) -> Bool {
        var rows = 0
        var stack = Array(tree.children(of: table))
        while let i = stack.popLast() {
            let node = tree.nodes[i]
            guard node.kind == .element else { continue }
            switch node.tag {
            case .table: return false
            case .tr: rows += 1
            case .td, .th:
                // Characters never outnumber scalars: count them (grapheme breaking) only when scalars might exceed.
                let text = tree.textContent(of: i)
                if text.scalarCount > 200, text.count > 200 { return false }
            default: break
            }
            stack.append(contentsOf: tree.children(of: i))
        }
        return rows >= 2
    }

    /// The table's rows of cell texts (empty rows dropped).
    static func rows(of table: Int, in tree: HTMLTree) -> [[String]] {
        var rows: [[String]] = []
        var stack = Array(tree.children(of: table).reversed())
        while let i = stack.popLast() {
            let node = tree.nodes[i]
            guard node.kind == .element, !BlockBuilder.isHidden(i, in: tree) else { continue }
            if node.tag == .tr {
                let cells = tree.children(of: i).filter { tree.nodes[$0].tag == .td || tree.nodes[$0].tag == .th }
                    .map { TextNormalizer.normalize(tree.textContent(of: $0)) }
                if cells.contains(where: { !$0.isEmpty }) { rows.append(cells) }
            } else {
                stack.append(contentsOf: tree.children(of: i).reversed())
            }
        }
        return rows
    }
}
