/// A parsed HTML page as a plain value: every node in document order, linked by indices; the text
/// of every text and comment node in one UTF-8 buffer, and the kept attributes of every element in
/// another. A node holds only numbers, so copying, reading and freeing nodes costs no reference
/// counting and a page's tree is a handful of allocations, not a few per element.
///
/// The HTML layer builds it from libxml2's parse, so it can cross threads and stages freely.
/// Index 0 is a synthetic document node whose children are the document's top-level nodes
/// (comments before `<html>` included).
public struct HTMLTree: Sendable {
    /// What a node is.
    public enum Kind: UInt8, Sendable, BitwiseCopyable {
        case document, element, text, comment
    }

    /// One node. `parent`, `firstChild` and `nextSibling` are indices into ``nodes`` (-1: none).
    public struct Node: Sendable, BitwiseCopyable {
        public var kind: Kind
        /// The tag's code (`.other` for names the pipeline does not test, and for non-elements).
        public var tag: HTMLTag = .other
        /// For an element whose tag is `.other`: its name's index in ``HTMLTree/otherNames``.
        public var otherName: Int32 = -1
        /// Where the element's attributes lie in ``HTMLTree/attributes``.
        public var attributeStart: Int32 = 0
        public var attributeCount: Int32 = 0
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

        /// ``attributeStart`` and ``attributeCount`` as a range of ``HTMLTree/attributes``.
        public var attributeRange: Range<Int> { Int(attributeStart)..<(Int(attributeStart) + Int(attributeCount)) }
    }

    /// One kept attribute of an element: its name and where its value (entities decoded) lies in
    /// ``HTMLTree/attributeBytes``.
    public struct Attribute: Sendable, BitwiseCopyable {
        public var name: HTMLAttributeName
        public var valueStart: Int32
        public var valueCount: Int32

        /// The value's range in ``HTMLTree/attributeBytes``.
        public var valueRange: Range<Int> { Int(valueStart)..<(Int(valueStart) + Int(valueCount)) }
    }

    /// All nodes in document order; `nodes[0]` is the document.
    public internal(set) var nodes: [Node]
    /// The UTF-8 text of every text and comment node, one after another (see ``text(of:)``).
    public internal(set) var textBytes: [UInt8] = []
    /// The kept attributes of every element, element after element (see ``Node/attributeRange``).
    public internal(set) var attributes: [Attribute] = []
    /// The UTF-8 values of every kept attribute, one after another (see ``Attribute/valueRange``).
    public internal(set) var attributeBytes: [UInt8] = []
    /// The names of elements whose tag is `.other`, once each (see ``Node/otherName``).
    public internal(set) var otherNames: [String] = []

    /// An empty tree holding only the document node.
    public init() {
        nodes = [Node(kind: .document, parent: -1, depth: 0)]
    }

    /// The lower-case name of an element (empty for other nodes).
    public func name(of index: Int) -> String {
        let node = nodes[index]
        guard node.kind == .element else { return "" }
        return node.tag == .other ? otherNames[Int(node.otherName)] : node.tag.name
    }

    /// The value of the element's attribute `name`, if it has one.
    public func attribute(_ name: HTMLAttributeName, of index: Int) -> String? {
        for a in attributes[nodes[index].attributeRange] where a.name == name {
            return String(decoding: attributeBytes[a.valueRange], as: UTF8.self)
        }
        return nil
    }

    /// Runs `body` with the tree's attributes borrowed, to read values as bytes without strings.
    func withAttributeView<R>(_ body: (AttributeView) throws -> R) rethrows -> R {
        try attributes.withUnsafeBufferPointer { records in
            try attributeBytes.withUnsafeBufferPointer { bytes in try body(AttributeView(records: records, bytes: bytes)) }
        }
    }

    /// The element's kept attributes as strings, in source order.
    public func attributes(of index: Int) -> [HTMLAttribute] {
        attributes[nodes[index].attributeRange].map {
            HTMLAttribute(name: $0.name.name, value: String(decoding: attributeBytes[$0.valueRange], as: UTF8.self))
        }
    }

    /// The text of a text or comment node (empty for other nodes).
    public func text(of index: Int) -> String {
        String(decoding: textBytes[nodes[index].textRange], as: UTF8.self)
    }

    /// The end of the subtree at `index`: nodes are stored in document order, so the subtree is
    /// `index..<subtreeEnd(of: index)` and "is inside" is an interval test, not an ancestor walk.
    public func subtreeEnd(of index: Int) -> Int {
        next(after: index, within: -1) ?? nodes.count
    }

    /// The indices of the children of node `index`, in order.
    public func children(of index: Int) -> ChildIndices {
        ChildIndices(tree: self, first: nodes[index].firstChild)
    }

    /// The concatenated text of the subtree at `index` (scripts and styles skipped).
    public func textContent(of index: Int) -> String {
        var out: [UInt8] = []
        // Depth first along the links: no stack, no array per element.
        var i = index
        walk: while true {
            let node = nodes[i]
            switch node.kind {
            case .text: out.append(contentsOf: textBytes[node.textRange])
            case .element where node.tag == .script || node.tag == .style: break
            default:
                if node.firstChild >= 0 {
                    i = Int(node.firstChild)
                    continue walk
                }
            }
            guard let next = next(after: i, within: index) else { break }
            i = next
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The node after the whole subtree of `i` in a depth-first walk of the subtree at `root`: the
    /// next sibling of `i` or of its nearest ancestor below `root`; nil when the walk is over.
    func next(after i: Int, within root: Int) -> Int? {
        var i = i
        while i != root {
            let next = nodes[i].nextSibling
            if next >= 0 { return Int(next) }
            i = Int(nodes[i].parent)
        }
        return nil
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

    /// Appends an attribute of the element about to be appended; its `attributeStart` is the count
    /// of ``attributes`` before the first.
    mutating func storeAttribute(_ name: HTMLAttributeName, value: UnsafeBufferPointer<UInt8>) {
        attributes.append(Attribute(name: name, valueStart: Int32(attributeBytes.count), valueCount: Int32(value.count)))
        attributeBytes.append(contentsOf: value)
    }

    /// Renumbers the nodes in document order (depth first along the links), for a builder that had to
    /// append a node after nodes that follow it in the document. Text and attribute ranges are offsets
    /// into the buffers and stay as they are.
    mutating func renumberInDocumentOrder() {
        var order: [Int32] = []
        order.reserveCapacity(nodes.count)
        var newIndex = [Int32](repeating: -1, count: nodes.count)
        var i = 0
        while true {
            newIndex[i] = Int32(order.count)
            order.append(Int32(i))
            if nodes[i].firstChild >= 0 {
                i = Int(nodes[i].firstChild)
            } else if let next = next(after: i, within: 0) {
                i = next
            } else {
                break
            }
        }
        guard order.count == nodes.count else { return }  // every node is linked; never drop one
        func mapped(_ j: Int32) -> Int32 { j < 0 ? -1 : newIndex[Int(j)] }
        nodes = order.map { old in
            var node = nodes[Int(old)]
            node.parent = mapped(node.parent)
            node.firstChild = mapped(node.firstChild)
            node.nextSibling = mapped(node.nextSibling)
            return node
        }
    }

    /// Adds an element name outside the ``HTMLTag`` set to ``otherNames`` (see ``OtherNameTable``).
    mutating func appendOtherName(_ name: String) -> Int32 {
        otherNames.append(name)
        return Int32(otherNames.count - 1)
    }
}

/// A tree's attributes borrowed for a walk (``HTMLTree/withAttributeView(_:)``).
struct AttributeView {
    let records: UnsafeBufferPointer<HTMLTree.Attribute>
    let bytes: UnsafeBufferPointer<UInt8>

    /// The value of `name` among the attributes in `range` (a node's ``HTMLTree/Node/attributeRange``).
    func value(_ name: HTMLAttributeName, in range: Range<Int>) -> UnsafeBufferPointer<UInt8>? {
        for i in range where records[i].name == name { return value(at: i) }
        return nil
    }

    /// The value of the attribute at `index` of the records.
    func value(at index: Int) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: bytes[records[index].valueRange])
    }

    /// The value of `name` as a string.
    func string(_ name: HTMLAttributeName, in range: Range<Int>) -> String? {
        value(name, in: range).map { String(decoding: $0, as: UTF8.self) }
    }
}

/// One attribute of an element.
public struct HTMLAttribute: Sendable, Hashable {
    /// The attribute name, lower case.
    public var name: String
    /// The attribute value, entities decoded.
    public var value: String
}
