internal import CLibXML2
#if canImport(Glibc)
import Glibc
#endif

/// A page parsed into libxml2's own document tree, which it owns and frees on deinit; nothing of
/// libxml2 escapes it. The pipeline parses with ``HTMLParse``, which builds the same ``HTMLTree``
/// without this document; this stays as what every libxml2-based extractor pays (the benchmarks'
/// floor) and as the reference ``HTMLParse`` is tested against. One document per thread.
public final class HTMLDocument {
    private let doc: htmlDocPtr
    /// Bytes parsed (to size the tree's node array).
    private let inputCount: Int
    /// Everything libxml2 reported during the parse.
    public let diagnostics: [ParseDiagnostic]

    /// Parses UTF-8 bytes as ``HTMLParse`` does, into libxml2's document.
    public init(utf8 input: [UInt8]) throws(HTMLParseFailure) {
        (doc, diagnostics) = try LibXML2Session.run(input) { bytes, count in
            htmlReadMemory(bytes, count, "page.html", "UTF-8", LibXML2Session.options)
        }
        inputCount = input.count
    }

    deinit { xmlFreeDoc(doc) }

    /// Bytes of text in the document, by a walk of libxml2's tree that allocates nothing: the
    /// "parse and walk" floor the benchmarks compare the pipeline with.
    public func textByteCount() -> Int {
        var total = 0
        var node = xmlDocGetRootElement(doc)
        while let current = node {
            if current.pointee.type == XML_TEXT_NODE, let content = current.pointee.content { total += strlen(content) }
            if current.pointee.type == XML_ELEMENT_NODE, let child = current.pointee.children {
                node = child
                continue
            }
            var climb: xmlNodePtr? = current
            node = nil
            while let c = climb {
                if let next = c.pointee.next { node = next; break }
                climb = c.pointee.parent
                if let p = climb, p.pointee.type != XML_ELEMENT_NODE { climb = nil }
            }
        }
        return total
    }

    /// The whole document as a plain value (one iterative walk: deep pages cannot overflow the stack).
    public func tree() -> HTMLTree {
        var tree = HTMLTree()
        var otherNames = OtherNameTable()
        // About one node per 30 bytes of HTML; capped so a huge page grows its array as it needs.
        tree.nodes.reserveCapacity(min(inputCount / 32, 1 << 16))
        var lastChild: [Int32] = [-1]  // per open level: the last child appended
        var parents: [Int32] = [0]
        var node = doc.pointee.children
        var depth: Int32 = 1
        while let current = node {
            var descend = false
            if let index = Self.record(current, parent: parents[parents.count - 1], depth: depth, into: &tree, names: &otherNames) {
                let previous = lastChild[lastChild.count - 1]
                if previous >= 0 { tree.nodes[Int(previous)].nextSibling = index }
                else { tree.nodes[Int(parents[parents.count - 1])].firstChild = index }
                lastChild[lastChild.count - 1] = index
                if current.pointee.type == XML_ELEMENT_NODE, current.pointee.children != nil {
                    parents.append(index)
                    lastChild.append(-1)
                    depth += 1
                    node = current.pointee.children
                    descend = true
                }
            }
            if descend { continue }
            var climb: xmlNodePtr? = current
            node = nil
            while let c = climb {
                if let next = c.pointee.next { node = next; break }
                guard parents.count > 1, let up = c.pointee.parent else { break }
                parents.removeLast()  // leave the element whose children are done
                lastChild.removeLast()
                depth -= 1
                climb = up
            }
        }
        return tree
    }

    /// Appends the node to `tree` and returns its index; nil for node types the tree leaves out.
    private static func record(_ node: xmlNodePtr, parent: Int32, depth: Int32, into tree: inout HTMLTree,
                               names: inout OtherNameTable) -> Int32? {
        switch node.pointee.type {
        case XML_ELEMENT_NODE:
            let attributeStart = Int32(tree.attributes.count)
            var attr = node.pointee.properties
            while let a = attr {
                attr = a.pointee.next
                guard let rawName = a.pointee.name, let name = HTMLNames.keptAttributes.lookup(rawName) else { continue }
                if let child = a.pointee.children, child.pointee.next == nil, child.pointee.type == XML_TEXT_NODE, let content = child.pointee.content {
                    tree.storeAttribute(name, value: UnsafeBufferPointer(cString: content))  // the usual case: one text child
                } else if let v = xmlNodeListGetString(node.pointee.doc, a.pointee.children, 1) {
                    tree.storeAttribute(name, value: UnsafeBufferPointer(cString: v))
                    clibxml2_free(v)
                } else {
                    tree.storeAttribute(name, value: UnsafeBufferPointer(cString: nil))
                }
            }
            let (tag, otherName) = node.pointee.name.map { HTMLNames.element($0, in: &tree, names: &names) }
                ?? (.other, names.index(of: "", in: &tree))
            return tree.append(HTMLTree.Node(kind: .element, tag: tag, otherName: otherName, attributeStart: attributeStart,
                                             attributeCount: Int32(tree.attributes.count) - attributeStart, parent: parent, depth: depth))
        case XML_TEXT_NODE, XML_CDATA_SECTION_NODE, XML_COMMENT_NODE:
            let text = tree.store(text: UnsafeBufferPointer(cString: node.pointee.content))
            return tree.append(HTMLTree.Node(kind: node.pointee.type == XML_COMMENT_NODE ? .comment : .text,
                                             parent: parent, depth: depth, textStart: text.start, textCount: text.count))
        default:
            return nil
        }
    }
}

@available(*, unavailable, message: "an HTMLDocument owns a libxml2 document; use it on one thread and pass its tree() instead")
extension HTMLDocument: Sendable {}
