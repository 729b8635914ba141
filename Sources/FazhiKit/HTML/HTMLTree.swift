/// A parsed HTML page as a plain value: every node in document order, linked by indices, and the
/// text of every text and comment node in one UTF-8 buffer.
///
/// The HTML layer builds it from libxml2's parse, so it can cross threads and stages freely.
/// Index 0 is a synthetic document node whose children are the document's top-level nodes
/// (comments before `<html>` included).
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
        /// The element's attributes in source order.
        public var attributes: [HTMLAttribute]
        public var parent: Int32
        public var firstChild: Int32 = -1
        public var nextSibling: Int32 = -1
        /// Nesting depth (the document node is 0).
        public var depth: Int32
        /// Where a text or comment node's text lies in ``HTMLTree/textBytes`` (none for elements).
        public var textStart: Int32 = 0
        public var textCount: Int32 = 0

        /// ``textStart`` and ``textCount`` as a range of ``HTMLTree/textBytes``.
        public var textRange: Range<Int> { Int(textStart)..<(Int(textStart) + Int(textCount)) }

        /// The value of attribute `name` (lower case), if present.
        public func attribute(_ name: String) -> String? {
            for a in attributes where a.name == name { return a.value }
            return nil
        }
    }

    /// All nodes in document order; `nodes[0]` is the document.
    public internal(set) var nodes: [Node]
    /// The UTF-8 text of every text and comment node, one after another (see ``text(of:)``).
    public internal(set) var textBytes: [UInt8] = []

    /// An empty tree holding only the document node.
    public init() {
        nodes = [Node(kind: .document, name: "", attributes: [], parent: -1, depth: 0)]
    }

    /// The text of a text or comment node (empty for other nodes).
    public func text(of index: Int) -> String {
        String(decoding: textBytes[nodes[index].textRange], as: UTF8.self)
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
        var out: [UInt8] = []
        var stack = [Int32(index)]
        while let i = stack.popLast() {
            let node = nodes[Int(i)]
            switch node.kind {
            case .text: out.append(contentsOf: textBytes[node.textRange])
            case .element where node.tag == .script || node.tag == .style: continue
            default:
                var kids: [Int32] = []
                var c = node.firstChild
                while c >= 0 { kids.append(c); c = nodes[Int(c)].nextSibling }
                stack.append(contentsOf: kids.reversed())
            }
        }
        return String(decoding: out, as: UTF8.self)
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

    /// Appends `text` to ``textBytes``: the `textStart` and `textCount` of the node it belongs to.
    mutating func store(text: UnsafeBufferPointer<UInt8>) -> (start: Int32, count: Int32) {
        let start = textBytes.count
        textBytes.append(contentsOf: text)
        return (Int32(start), Int32(text.count))
    }
}

/// One attribute of an element.
public struct HTMLAttribute: Sendable, Hashable {
    /// The attribute name, lower case.
    public var name: String
    /// The attribute value, entities decoded.
    public var value: String
}
