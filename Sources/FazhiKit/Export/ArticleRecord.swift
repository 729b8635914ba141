/// The JSON shape of an extracted article (`fazhi extract --format json`).
public struct ArticleRecord: Sendable, Codable {
    /// One body block.
    public struct BlockRecord: Sendable, Codable {
        public var kind: String
        public var text: String
        public var rows: [[String]]?
        public var align: String?
        public var runs: [TextRun]?
    }

    public var source: String
    public var encoding: EncodingInfo
    public var title: String?
    public var bodyStatus: String
    public var metadata: Metadata
    public var blocks: [BlockRecord]
    public var attachments: [Attachment]
    public var text: String
    public var parseDiagnostics: Int

    /// The record of `article`; `runs` includes the styled runs of each block.
    public init(_ article: Article, runs: Bool = false) {
        source = article.source
        encoding = article.encoding
        title = article.metadata.title
        bodyStatus = article.bodyStatus.rawValue
        metadata = article.metadata
        blocks = article.blocks.map {
            BlockRecord(kind: $0.kind.rawValue, text: $0.text, rows: $0.kind == .table ? $0.rows : nil, align: $0.align,
                        runs: runs && $0.runs.count > 1 ? $0.runs : nil)
        }
        attachments = article.attachments
        text = article.text
        parseDiagnostics = article.parseDiagnostics.count
    }
}
