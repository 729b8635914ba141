/// A parsed HTML page as a plain value: every node in document order, linked by indices.
///
/// The HTML layer builds it from libxml2's tree in one walk and frees libxml2's document, so it
/// can cross threads and stages freely. Index 0 is a synthetic document node whose children are
/// the document's top-level nodes (comments before `<html>` included).
public struct HTMLTree: Sendable {
    /// What a node is.
    public enum Kind: UInt8, Sendable {
        case document, element, text, comment
    }

    /// One node. `parent`, `firstChild` and `nextSibling` are indices into ``nodes`` (-1: none).
    public struct Node: Sendable {
        public var kind: Kind
        /// The lower-case tag name of an element; empty for other nodes.
        public var name: String
        /// The tag's code (`.other` for names the pipeline does not test, and for non-elements).
        public var tag: HTMLTag = .other
        /// The text of a text or comment node; empty for elements.
        public var text: String
        /// The element's attributes in source order.
        public var attributes: [HTMLAttribute]
        public var parent: Int32
        public var firstChild: Int32 = -1
        public var nextSibling: Int32 = -1
        /// Nesting depth (the document node is 0).
        public var depth: Int32

        /// The value of attribute `name` (lower case), if present.
        public func attribute(_ name: String) -> String? {
            for a in attributes where a.name == name { return a.value }
            return nil
        }
    }

    /// All nodes in document order; `nodes[0]` is the document.
    public internal(set) var nodes: [Node]

    /// An empty tree holding only the document node.
    public init() {
        nodes = [Node(kind: .document, name: "", text: "", attributes: [], parent: -1, depth: 0)]
    }

    /// The end of the subtree at `index`: nodes are stored in document order, so the subtree is
    /// `index..<subtreeEnd(of: index)` and "is inside" is an interval test, not an ancestor walk.
    public func subtreeEnd(of index: Int) -> Int {
        var i = index
        while i >= 0 {
            let next = nodes[i].nextSibling
            if next >= 0 { return Int(next) }
            i = Int(nodes[i].parent)
        }
        return nodes.count
    }

    /// The indices of the children of node `index`, in order.
    public func children(of index: Int) -> ChildIndices {
        ChildIndices(tree: self, first: nodes[index].firstChild)
    }

    /// The concatenated text of the subtree at `index` (scripts and styles skipped).
    public func textContent(of index: Int) -> String {
        var out = ""
        var stack = [Int32(index)]
        while let i = stack.popLast() {
            let node = nodes[Int(i)]
            switch node.kind {
            case .text: out += node.text
            case .element where node.name == "script" || node.name == "style": continue
            default:
                var kids: [Int32] = []
                var c = node.firstChild
                while c >= 0 { kids.append(c); c = nodes[Int(c)].nextSibling }
                stack.append(contentsOf: kids.reversed())
            }
        }
        return out
    }

    /// A sequence of child indices.
    public struct ChildIndices: Sequence, IteratorProtocol {
        let tree: HTMLTree
        var upcoming: Int32
        init(tree: HTMLTree, first: Int32) { self.tree = tree; self.upcoming = first }
        public mutating func next() -> Int? {
            guard upcoming >= 0 else { return nil }
            let current = Int(upcoming)
            upcoming = tree.nodes[current].nextSibling
            return current
        }
    }

    mutating func append(_ node: Node) -> Int32 {
        nodes.append(node)
        return Int32(nodes.count - 1)
    }
}

/// One attribute of an element.
public struct HTMLAttribute: Sendable, Hashable {
    /// The attribute name, lower case.
    public var name: String
    /// The attribute value, entities decoded.
    public var value: String
}
