/// A page after extraction: its report's title, metadata and body blocks, portal removed.
public struct Article: Sendable {
    /// Whether the body is on the page or only in an attached file.
    public enum BodyStatus: String, Sendable, Codable {
        /// The report text is on the page.
        case inline
        /// The page only links to the report as an attachment.
        case attachmentOnly = "attachment-only"
        /// No body text was found.
        case empty
    }

    /// The input's name.
    public var source: String
    /// How the page was decoded.
    public var encoding: EncodingInfo
    /// The report's metadata.
    public var metadata: Metadata
    /// Body blocks in reading order: addressee, paragraphs, tables, 附件 lines, signature.
    public var blocks: [Block]
    /// Links to attached files (`.pdf`, `.doc`, …) found in or right after the body.
    public var attachments: [Attachment]
    /// Whether the report is on the page.
    public var bodyStatus: BodyStatus
    /// What libxml2 reported while parsing.
    public var parseDiagnostics: [ParseDiagnostic]

    /// The body text: one block per line (tables one row per line, cells separated by a space).
    public var text: String {
        blocks.map { block in
            block.kind == .table ? block.rows.map { $0.joined(separator: " ") }.joined(separator: "\n") : block.text
        }.joined(separator: "\n")
    }
}

/// A linked file.
public struct Attachment: Sendable, Hashable, Codable {
    /// The link text (usually the file's title).
    public var name: String
    /// The link target as written in the page.
    public var href: String
}
