/// Builds an ``HTMLTree`` from libxml2's SAX events, node for node the tree libxml2's own builder
/// (SAX2.c) makes and ``HTMLDocument/tree()`` copies: text outside every element is dropped,
/// consecutive character events make one text node and consecutive CDATA blocks (script and style
/// content) another, processing instructions and the doctype make no node, and an element started
/// after the root element closed goes into the root (or beside it, when the page has a doctype).
///
/// One difference, on purpose: an element name with a prefix (Word's `<o:p>`) keeps it, as in a
/// browser, where libxml2's builder drops the prefix and makes `<o:p>` a paragraph.
struct SAXTreeBuilder {
    private var tree = HTMLTree()
    /// The open elements, the document node at the bottom.
    private var open: [Int32] = [0]
    /// Per open element: its last child so far (-1: none).
    private var lastChild: [Int32] = [-1]
    /// Where the character or CDATA events not yet made into a node start in the tree's text bytes
    /// (they are written there as they come); nil when there are none.
    private var pendingStart: Int?
    /// Whether the pending text came from CDATA events (libxml2 keeps the two kinds in separate nodes).
    private var pendingIsCDATA = false
    /// Element codes (and names outside the code set), and kept attribute names, by the address
    /// libxml2 interned them at.
    private var tags = InternedNameCache<(tag: HTMLTag, otherName: Int32)>()
    private var attributeNames = InternedNameCache<HTMLAttributeName?>()
    private var otherNames = OtherNameTable()
    /// Whether an element was filed under the root element after the root closed.
    private var reopenedRoot = false
    /// Whether a doctype was seen (libxml2 puts it first in the document, which decides where a
    /// second top-level element goes).
    private var sawDoctype = false

    init(inputCount: Int) {
        // About one node per 30 bytes of HTML; capped so a huge page grows its array as it needs.
        tree.nodes.reserveCapacity(min(inputCount / 32, 1 << 16))
        // Text is about a third of a portal page's bytes; a page with more grows the buffer.
        tree.textBytes.reserveCapacity(inputCount / 3)
    }

    mutating func startElement(_ name: UnsafePointer<UInt8>, attributes atts: UnsafePointer<UnsafePointer<UInt8>?>?) {
        flushText()
        let attributeStart = Int32(tree.attributes.count)
        if var pair = atts {
            while let attributeName = pair[0] {
                if let kept = attributeNames.value(for: attributeName, HTMLNames.keptAttributes.lookup) {
                    tree.storeAttribute(kept, value: UnsafeBufferPointer(cString: pair[1]))
                }
                pair += 2
            }
        }
        let element: (tag: HTMLTag, otherName: Int32)
        if let known = tags.cached(name) {
            element = known
        } else {
            element = HTMLNames.element(name, in: &tree, names: &otherNames)
            tags.remember(element, for: name)
        }
        var parent = open[open.count - 1]
        // libxml2 adds a second top-level element to the document's first child when that is an element.
        let first = tree.nodes[0].firstChild
        if open.count == 1, !sawDoctype, first >= 0, tree.nodes[Int(first)].kind == .element { parent = first }
        let index = append(.element, tag: element.tag, otherName: element.otherName,
                           attributes: (attributeStart, Int32(tree.attributes.count) - attributeStart), under: parent)
        open.append(index)
        lastChild.append(-1)
    }

    mutating func endElement() {
        flushText()
        guard open.count > 1 else { return }
        open.removeLast()
        lastChild.removeLast()
    }

    mutating func characters(_ bytes: UnsafePointer<UInt8>, count: Int) {
        add(bytes, count: count, cdata: false)
    }

    mutating func cdataBlock(_ bytes: UnsafePointer<UInt8>, count: Int) {
        add(bytes, count: count, cdata: true)
    }

    private mutating func add(_ bytes: UnsafePointer<UInt8>, count: Int, cdata: Bool) {
        guard open.count > 1 else { return }  // libxml2 keeps no text outside every element
        if pendingIsCDATA != cdata {
            flushText()
            pendingIsCDATA = cdata
        }
        if pendingStart == nil { pendingStart = tree.textBytes.count }
        tree.textBytes.append(contentsOf: UnsafeBufferPointer(start: bytes, count: count))
    }

    mutating func comment(_ value: UnsafePointer<UInt8>?) {
        flushText()
        let text = tree.store(text: UnsafeBufferPointer(cString: value))
        _ = append(.comment, text: text, under: open[open.count - 1])
    }

    /// A doctype: no node and no break in the text around it (libxml2 puts it at the document's start).
    mutating func doctype() { sawDoctype = true }

    /// A processing instruction: no node, but text on either side of it stays two nodes.
    mutating func processingInstruction() { flushText() }

    /// The finished tree.
    mutating func finish() -> HTMLTree {
        flushText()
        // A stray element filed under the closed root after a later top-level node (`</html><!--c--><p>`)
        // was appended after that node: number the nodes in document order again, as libxml2's tree
        // walk does (``HTMLTree/subtreeEnd(of:)`` relies on it).
        if reopenedRoot { tree.renumberInDocumentOrder() }
        return tree
    }

    private mutating func flushText() {
        guard let start = pendingStart else { return }
        pendingStart = nil
        _ = append(.text, text: (Int32(start), Int32(tree.textBytes.count - start)), under: open[open.count - 1])
    }

    /// Appends a node as the last child of `parent`.
    private mutating func append(_ kind: HTMLTree.Kind, tag: HTMLTag = .other, otherName: Int32 = -1,
                                 text: (start: Int32, count: Int32) = (0, 0), attributes: (start: Int32, count: Int32) = (0, 0),
                                 under parent: Int32) -> Int32 {
        let index = tree.append(HTMLTree.Node(kind: kind, tag: tag, otherName: otherName,
                                              attributeStart: attributes.start, attributeCount: attributes.count, parent: parent,
                                              depth: tree.nodes[Int(parent)].depth + 1,
                                              textStart: text.start, textCount: text.count))
        if parent == open[open.count - 1] {
            let previous = lastChild[lastChild.count - 1]
            if previous >= 0 { tree.nodes[Int(previous)].nextSibling = index } else { tree.nodes[Int(parent)].firstChild = index }
            lastChild[lastChild.count - 1] = index
        } else {  // a closed element (the root, reopened by a stray element after it): find its last child
            reopenedRoot = true
            var previous = tree.nodes[Int(parent)].firstChild
            if previous < 0 {
                tree.nodes[Int(parent)].firstChild = index
            } else {
                while tree.nodes[Int(previous)].nextSibling >= 0 { previous = tree.nodes[Int(previous)].nextSibling }
                tree.nodes[Int(previous)].nextSibling = index
            }
        }
        return index
    }
}
