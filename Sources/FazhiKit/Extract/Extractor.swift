/// The Extract stage: from a decoded page to an ``Article`` (title, metadata, body blocks), with
/// the portal around the report removed.
public enum Extractor {
    /// Why a page yields no article.
    public enum Failure: Error, Sendable, Equatable, CustomStringConvertible {
        /// libxml2 produced no document.
        case unparsable(source: String)

        public var description: String {
            switch self {
            case .unparsable(let source): return "\(source): the HTML parser produced no document"
            }
        }
    }

    /// Extracts the article of a decoded page (HTML or plain text).
    public static func extract(_ page: DecodedPage) throws(Failure) -> Article {
        if page.format == .text { return PlainTextReader.article(from: page) }
        let parsed: HTMLParse
        do { parsed = try HTMLParse(utf8: page.utf8) } catch { throw .unparsable(source: page.source) }
        return extract(tree: parsed.tree, page: page, diagnostics: parsed.diagnostics)
    }

    /// Extracts the article from an already parsed tree.
    static func extract(tree: HTMLTree, page: DecodedPage, diagnostics: [ParseDiagnostic]) -> Article {
        let head = PageHead(tree: tree)
        let blocks = BlockBuilder(tree: tree).blocks()
        var furniture = blocks.map(FurnitureClassifier.classify)
        let details = DetailFieldReader.read(blocks, tree: tree)
        for i in details.used { furniture[i] = .detailField }

        let locator = ContentLocator(tree: tree, blocks: blocks, furniture: furniture)
        let (container, totalProse) = locator.locate()
        // Blocks are in document order: the container's blocks are one contiguous run.
        let end = Int32(tree.subtreeEnd(of: Int(container)))
        var lo = blocks.firstIndex { $0.element >= container && $0.element < end } ?? blocks.count
        var hi = blocks.lastIndex { $0.element >= container && $0.element < end } ?? (blocks.count - 1)
        // Headings and the addressee that sit just outside the container still belong to the report
        // (a short page whose only prose paragraph is the container, a heading in its own cell).
        while lo > 0, lo <= blocks.count, furniture[lo - 1] == nil, BodyAssembler.isHeadingOrAddressee(blocks[lo - 1]) { lo -= 1 }
        while hi + 1 < blocks.count, hi >= 0, furniture[hi + 1] == nil, BodyAssembler.isHeadingOrAddressee(blocks[hi + 1]) {
            hi += 1
            while hi + 1 < blocks.count, furniture[hi + 1] == nil, ContentLocator.prose(blocks[hi + 1], furniture: nil) > 0 { hi += 1 }
        }

        let titleFinder = TitleFinder(tree: tree, blocks: blocks, furniture: furniture, head: head)
        let titleRange = titleFinder.find(bodyStart: lo)
        let titleIndex = titleRange?.upperBound

        var body = BodyAssembler(tree: tree, blocks: blocks, furniture: furniture, container: container)
        body.collect(from: titleIndex.map { max($0 + 1, lo) } ?? lo, through: hi, titleText: titleRange.map { r in r.map { blocks[$0].text }.joined() })
        body.extend(after: hi)

        let bodyProse = body.output.reduce(0) { $0 + ContentLocator.prose($1, furniture: nil) }
        let status: Article.BodyStatus
        if bodyProse < 100, !body.attachments.isEmpty { status = .attachmentOnly }
        else if body.output.isEmpty || totalProse == 0 && body.attachments.isEmpty && bodyProse == 0 { status = .empty }
        else { status = .inline }

        let metadata = MetadataReader(tree: tree, blocks: blocks, furniture: furniture, head: head, details: details.fields,
                                      titleRange: titleRange, headTitle: titleFinder.headTitle, location: page.location).read()
        return Article(source: page.source, encoding: page.encoding, metadata: metadata, blocks: body.output,
                       attachments: body.attachments, bodyStatus: status, parseDiagnostics: diagnostics)
    }
}

/// Collects the body blocks of the container: furniture out, data tables folded into table blocks,
/// the signature and attachment lines that sit just after the container brought in.
struct BodyAssembler {
    let tree: HTMLTree
    let blocks: [Block]
    let furniture: [Furniture?]
    let container: Int32
    var output: [Block] = []
    var attachments: [Attachment] = []
    private var emittedTables: Set<Int32> = []
    /// Data-table verdicts by table element (a table is judged once, not once per cell).
    private var tableVerdicts: [Int32: Bool] = [:]

    init(tree: HTMLTree, blocks: [Block], furniture: [Furniture?], container: Int32) {
        self.tree = tree
        self.blocks = blocks
        self.furniture = furniture
        self.container = container
    }

    mutating func collect(from start: Int, through end: Int, titleText: String?) {
        guard start <= end else { return }
        let titleText = titleText.map(TitleFinder.compact)
        // The last block with prose: furniture that ends an article only ends it after this.
        let lastProse = (start...end).last { ContentLocator.prose(blocks[$0], furniture: furniture[$0]) > 0 } ?? start
        // By index, and `append(i)` copies the block once, into the output (binding it first was a second copy).
        for i in start...end {
            if let kind = furniture[i] {
                if kind.endsArticle, i > lastProse { break }
                if kind == .navigation, FurnitureClassifier.isAttachmentLine(blocks[i]) { append(i); continue }
                continue
            }
            if let titleText, Self.mayBeTitle(blocks[i], titleText), TitleFinder.compact(blocks[i].text) == titleText { continue }
            if let table = dataTable(holding: blocks[i].element) {
                if emittedTables.insert(table).inserted {
                    let rows = TableReader.rows(of: Int(table), in: tree)
                    output.append(Block(kind: .table, text: rows.map { $0.joined(separator: " ") }.joined(separator: "\n"),
                                        rows: rows, tag: "table", element: table))
                }
                continue
            }
            append(i)
        }
    }

    /// Brings in signature and attachment lines that follow the container.
    mutating func extend(after end: Int) {
        var j = end + 1
        var taken = 0
        while j < blocks.count, taken < 6 {
            if furniture[j] != nil, !(furniture[j] == .navigation && FurnitureClassifier.isAttachmentLine(blocks[j])) { break }
            guard Self.looksLikeSignature(blocks[j]) || FurnitureClassifier.isAttachmentLine(blocks[j]) else { break }
            append(j)
            taken += 1
            j += 1
        }
    }

    /// Appends block `i` to the body, and its document links to the attachments.
    private mutating func append(_ i: Int) {
        output.append(blocks[i])
        for href in blocks[i].documentLinks {
            let name = blocks[i].runs.filter(\.link).map(\.text).joined()
            attachments.append(Attachment(name: name.isEmpty ? blocks[i].text : name, href: href))
        }
    }

    /// A cheap necessary condition for `compact(block.text) == title`: the first visible scalars agree.
    private static func mayBeTitle(_ block: Block, _ title: String) -> Bool {
        guard let first = title.unicodeScalars.first else { return block.text.unicodeScalars.allSatisfy(TextNormalizer.isEdgeSpace) }
        return block.text.unicodeScalars.first(where: { !TextNormalizer.isEdgeSpace($0) }) == first
    }

    /// The table element holding `element` when it is a data table inside the container.
    private mutating func dataTable(holding element: Int32) -> Int32? {
        var e = element
        while e >= 0, e != container {
            if tree.nodes[Int(e)].tag == .table {
                if let known = tableVerdicts[e] { return known ? e : nil }
                let verdict = TableReader.isDataTable(Int(e), in: tree)
                tableVerdicts[e] = verdict
                return verdict ? e : nil
            }
            e = tree.nodes[Int(e)].parent
        }
        return nil
    }

    /// A short line that opens a numbered section (一、 （一） 1.) or addresses the report (区政府：).
    static func isHeadingOrAddressee(_ block: Block) -> Bool {
        let text = block.text
        guard block.length <= 60, block.linkDensity < 0.5 else { return false }
        if OutlineBuilder.isAddressee(text) { return true }
        return MarkerParser.parse(text[...]) != nil && !text.contains("。")
    }

    static let issuerSuffixes = ["委员会", "人民政府", "政府", "局", "办公室", "管委会", "委", "办", "院", "厅", "中心", "处", "所", "队", "部", "会", "站", "街道", "镇", "乡", "公司"]

    /// A short line of the 落款: an issuer name, a date, or a right-aligned line.
    static func looksLikeSignature(_ block: Block) -> Bool {
        guard block.length <= 60 else { return false }
        let text = TitleFinder.compact(block.text)
        guard !text.isEmpty, text.count <= 40, !text.contains("。"), block.linkDensity < 0.5 else { return false }
        if DateScanner.firstDate(in: text) != nil, text.count <= 16 { return true }
        if block.align == "right" { return true }
        return issuerSuffixes.contains(where: text.hasSuffix) && text.count <= 30
    }
}
