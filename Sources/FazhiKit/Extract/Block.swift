/// One block of a page in reading order: a paragraph, a heading, a table, a line of a
/// `<br>`-separated body.
public struct Block: Sendable, Hashable {
    /// What kind of block this is.
    public enum Kind: String, Sendable, Hashable, Codable {
        case paragraph
        case heading
        case table
        case listItem = "list-item"
    }

    /// The kind.
    public var kind: Kind
    /// The text: runs joined with nothing between them, white space collapsed and trimmed.
    public var text: String
    /// The styled runs; empty for tables and for a block that is one unstyled run.
    public var runs: [TextRun]
    /// For tables: rows of cell texts.
    public var rows: [[String]]
    /// `right` or `center` when the block is aligned so (signature blocks often are).
    public var align: String?
    /// The tag of the element that holds the block (`p`, `div`, `td`, `h1`, …).
    public var tag: String
    /// Index of that element in the page's ``HTMLTree``.
    public var element: Int32
    /// Characters (Unicode scalars) of the text, counted once.
    public var length: Int
    /// Characters (Unicode scalars, as ``length`` counts them) of the text inside links.
    public var linkCharacters: Int
    /// Targets of the links inside the block that point at document files (`.pdf`, `.doc`, … : the
    /// attachments). The block builder keeps only those, and the attachment logic takes every entry
    /// for a document.
    public var documentLinks: [String]

    /// Creates a block.
    public init(kind: Kind, text: String, runs: [TextRun] = [], rows: [[String]] = [], align: String? = nil,
                tag: String = "p", element: Int32 = -1, linkCharacters: Int = 0, documentLinks: [String] = []) {
        self.kind = kind
        self.text = text
        self.length = text.scalarCount
        self.runs = runs
        self.rows = rows
        self.align = align
        self.tag = tag
        self.element = element
        self.linkCharacters = linkCharacters
        self.documentLinks = documentLinks
    }

    /// Share of the text inside links, 0…1.
    public var linkDensity: Double {
        length == 0 ? 0 : Double(linkCharacters) / Double(length)
    }
}
