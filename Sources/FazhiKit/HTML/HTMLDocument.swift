internal import CLibXML2
#if canImport(Glibc)
import Glibc
#endif

/// A page parsed by libxml2's HTML parser. It owns libxml2's document and frees it on deinit;
/// nothing of libxml2 escapes it. Use one document per thread; many threads may parse at once.
public final class HTMLDocument {
    private let doc: htmlDocPtr
    /// Bytes parsed (to size the tree's node array).
    private let inputCount: Int
    /// Everything libxml2 reported during the parse.
    public let diagnostics: [ParseDiagnostic]

    /// Reasons a parse produced no document at all.
    public enum Failure: Error, Sendable, Equatable {
        /// libxml2 returned no document (for instance, input with no markup libxml2 accepts).
        case noDocument
        /// The input is larger than libxml2's `int` length.
        case tooLarge
    }

    private static let initialized: Void = { xmlInitParser() }()

    /// Parses UTF-8 bytes. The encoding is always passed to libxml2 ("UTF-8") and the page's own
    /// declarations are ignored: the Ingest stage has already decided and decoded the charset.
    /// Network access, external entities and DTD loading are off.
    public init(utf8 input: [UInt8]) throws(Failure) {
        _ = Self.initialized
        let bytes = BogusComments.strip(input)
        guard bytes.count < Int(Int32.max) else { throw .tooLarge }
        let log = DiagnosticLog()
        // libxml2's error handler is thread-local: install, parse and remove with no suspension.
        xmlSetStructuredErrorFunc(Unmanaged.passUnretained(log).toOpaque()) { context, error in
            guard let context, let error else { return }
            Unmanaged<DiagnosticLog>.fromOpaque(context).takeUnretainedValue().append(error.pointee)
        }
        defer { xmlSetStructuredErrorFunc(nil, nil) }
        let options = HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
            | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue | HTML_PARSE_IGNORE_ENC.rawValue
            | XML_PARSE_HUGE.rawValue
        let parsed: htmlDocPtr? = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) {
                htmlReadMemory($0.baseAddress, Int32($0.count), "page.html", "UTF-8", Int32(options))
            }
        }
        guard let parsed else { throw .noDocument }
        doc = parsed
        inputCount = bytes.count
        diagnostics = log.messages
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
        // About one node per 30 bytes of HTML; capped so a huge page grows its array as it needs.
        tree.nodes.reserveCapacity(min(inputCount / 32, 1 << 16))
        var lastChild: [Int32] = [-1]  // per open level: the last child appended
        var parents: [Int32] = [0]
        var node = doc.pointee.children
        var depth: Int32 = 1
        while let current = node {
            var descend = false
            if let index = Self.record(current, parent: parents[parents.count - 1], depth: depth, into: &tree) {
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

    /// The attributes the pipeline reads; the rest are not copied out of libxml2.
    private static let kept: [String] = ["class", "id", "style", "align", "hidden", "aria-hidden", "href", "face", "name",
                                          "content", "property", "rel", "http-equiv", "charset", "title", "src"]

    /// Kept attribute names by their packed bytes (lower case).
    private static let keptTable = PackedName.Table(kept.map { ($0, $0) })

    /// Known element names with their codes and the name strings made once.
    private static let tagTable = PackedName.Table(HTMLTag.allCases.filter { $0 != .other }.map { ("\($0)", ($0, "\($0)")) })

    /// Appends the node to `tree` and returns its index; nil for node types the tree leaves out.
    private static func record(_ node: xmlNodePtr, parent: Int32, depth: Int32, into tree: inout HTMLTree) -> Int32? {
        switch node.pointee.type {
        case XML_ELEMENT_NODE:
            var attributes: [HTMLAttribute] = []
            var attr = node.pointee.properties
            while let a = attr {
                attr = a.pointee.next
                guard let rawName = a.pointee.name, let name = keptTable.lookup(rawName) else { continue }
                var value = ""
                if let child = a.pointee.children, child.pointee.next == nil, child.pointee.type == XML_TEXT_NODE, let content = child.pointee.content {
                    value = String(cString: content)  // the usual case: one text child, no copy by libxml2
                } else if let v = xmlNodeListGetString(node.pointee.doc, a.pointee.children, 1) {
                    value = String(cString: v)
                    clibxml2_free(v)
                }
                attributes.append(HTMLAttribute(name: name, value: value))
            }
            var name = ""
            var tag = HTMLTag.other
            if let raw = node.pointee.name {
                if let known = tagTable.lookup(raw) { (tag, name) = known } else { name = String(cString: raw) }
            }
            return tree.append(HTMLTree.Node(kind: .element, name: name, tag: tag, text: "", attributes: attributes, parent: parent, depth: depth))
        case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
            let text = node.pointee.content.map { String(cString: $0) } ?? ""
            return tree.append(HTMLTree.Node(kind: .text, name: "", text: text, attributes: [], parent: parent, depth: depth))
        case XML_COMMENT_NODE:
            let text = node.pointee.content.map { String(cString: $0) } ?? ""
            return tree.append(HTMLTree.Node(kind: .comment, name: "", text: text, attributes: [], parent: parent, depth: depth))
        default:
            return nil
        }
    }
}

@available(*, unavailable, message: "an HTMLDocument owns a libxml2 document; use it on one thread and pass its tree() instead")
extension HTMLDocument: Sendable {}

/// Collects libxml2's structured errors during one parse.
private final class DiagnosticLog {
    var messages: [ParseDiagnostic] = []

    func append(_ error: xmlError) {
        guard messages.count < 200 else { return }  // a broken page can report thousands
        let domain: String
        switch xmlErrorDomain(rawValue: UInt32(error.domain)) {
        case XML_FROM_HTML: domain = "html"
        case XML_FROM_PARSER: domain = "parser"
        case XML_FROM_I18N: domain = "i18n"
        case XML_FROM_IO: domain = "io"
        default: domain = String(error.domain)
        }
        let text = error.message.map { String(cString: $0) } ?? ""
        messages.append(ParseDiagnostic(domain: domain, code: Int(error.code), level: Int(error.level.rawValue),
                                        line: Int(error.line), message: String(text.split(separator: "\n").first ?? "")))
    }
}
