internal import CLibXML2

/// A page parsed by libxml2's HTML parser into a plain ``HTMLTree``. libxml2's SAX events build the
/// tree directly, so libxml2 never builds (or frees) a document of its own: the same tree
/// ``HTMLDocument`` would copy out of libxml2's, for less work. Safe to use on many threads at once.
public struct HTMLParse: Sendable {
    /// The page's nodes.
    public let tree: HTMLTree
    /// Everything libxml2 reported during the parse.
    public let diagnostics: [ParseDiagnostic]

    /// Parses UTF-8 bytes. The encoding is always UTF-8 to libxml2 and the page's own declarations are
    /// ignored: the Ingest stage has already decided and decoded the charset. Network access, external
    /// entities and DTD loading are off.
    public init(utf8 input: [UInt8]) throws(HTMLParseFailure) {
        (tree, diagnostics) = try LibXML2Session.run(input) { bytes, count in
            let builder = UnsafeMutablePointer<SAXTreeBuilder>.allocate(capacity: 1)
            builder.initialize(to: SAXTreeBuilder(inputCount: Int(count)))
            defer { builder.deinitialize(count: 1); builder.deallocate() }
            guard Self.parse(bytes, count, handler: Self.handler(), userData: builder) else { return nil }
            return builder.pointee.finish()
        }
    }

    /// The bytes of text in a page, by libxml2's parser with callbacks that only count: parsing with
    /// no tree at all, the strictest floor the benchmarks compare the pipeline with. Not used by it.
    public static func textByteCount(utf8 input: [UInt8]) throws(HTMLParseFailure) -> Int {
        try LibXML2Session.run(input) { bytes, count in
            var handler = htmlSAXHandler()
            handler.initialized = 1
            handler.characters = { context, _, count in context!.assumingMemoryBound(to: Int.self).pointee += Int(count) }
            handler.cdataBlock = { _, _, _ in }  // script and style content: not text, as in HTMLDocument's count
            var total = 0
            return parse(bytes, count, handler: handler, userData: &total) ? total : nil
        }.0
    }

    /// One parse of `count` bytes with `handler`'s callbacks receiving `userData`; false when libxml2
    /// could not start (empty input).
    private static func parse(_ bytes: UnsafePointer<CChar>, _ count: Int32, handler: htmlSAXHandler,
                              userData: UnsafeMutableRawPointer) -> Bool {
        // Set up as htmlReadMemory does, with `handler` in place of libxml2's tree builder.
        guard let context = xmlCreateMemoryParserCtxt(bytes, count) else { return false }
        defer { htmlFreeParserCtxt(context) }
        context.pointee.sax.pointee = handler
        context.pointee.userData = userData
        _ = htmlCtxtUseOptions(context, LibXML2Session.options)
        context.pointee.html = 1
        // Declaring the input UTF-8 also keeps libxml2 from switching to Latin-1 on a bad byte.
        if let utf8 = xmlFindCharEncodingHandler("UTF-8") {
            _ = xmlSwitchToEncoding(context, utf8)
            if let input = context.pointee.input {
                if let old = input.pointee.encoding { clibxml2_free(UnsafeMutableRawPointer(mutating: old)) }
                input.pointee.encoding = UnsafePointer(xmlStrdup("UTF-8"))
            }
        }
        _ = htmlParseDocument(context)
        return true
    }

    /// The SAX callbacks: each hands its event to the ``SAXTreeBuilder`` behind the context's user data.
    private static func handler() -> htmlSAXHandler {
        var handler = htmlSAXHandler()
        handler.initialized = 1  // SAX1 callbacks, as libxml2's own HTML handler
        handler.startElement = { context, name, attributes in
            guard let name else { return }
            builder(context).pointee.startElement(name, attributes: UnsafePointer(attributes))
        }
        handler.endElement = { context, _ in builder(context).pointee.endElement() }
        handler.characters = { context, bytes, count in
            guard let bytes, count > 0 else { return }
            builder(context).pointee.characters(bytes, count: Int(count))
        }
        handler.cdataBlock = { context, bytes, count in
            guard let bytes, count > 0 else { return }
            builder(context).pointee.cdataBlock(bytes, count: Int(count))
        }
        handler.comment = { context, value in builder(context).pointee.comment(value) }
        handler.processingInstruction = { context, _, _ in builder(context).pointee.processingInstruction() }
        handler.internalSubset = { context, _, _, _ in builder(context).pointee.doctype() }
        return handler
    }
}

private func builder(_ context: UnsafeMutableRawPointer?) -> UnsafeMutablePointer<SAXTreeBuilder> {
    context!.assumingMemoryBound(to: SAXTreeBuilder.self)
}
