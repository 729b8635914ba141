/// The one record every batch input yields: what fazhi found, or why it could not.
public struct BatchRecord: Sendable, Codable, Equatable {
    /// `ok`, `not-a-report`, `attachment-only` or `error`.
    public var status: String
    /// The file name, or the WARC-Target-URI of an archived page.
    public var source: String
    /// The WARC archive the page came from.
    public var archive: String?
    /// Content hash and name hash (the `--resume` key).
    public var key: String
    /// Why the document failed, for `error`.
    public var error: String?
    public var encoding: EncodingInfo?
    public var metadata: Metadata?
    public var outline: Outline?
    /// The verdict, when a profile was applied.
    public var check: CheckRecord?

    /// The record of a processed document.
    public init(document: SourceDocument, result: Pipeline.Result) {
        source = document.source
        archive = document.archive
        key = document.key
        encoding = result.article.encoding
        metadata = result.article.metadata
        outline = result.outline
        check = result.audit.map(CheckRecord.init)
        switch result.audit?.status {
        case .notAReport?: status = "not-a-report"
        case .attachmentOnly?: status = "attachment-only"
        default: status = result.article.bodyStatus == .attachmentOnly ? "attachment-only" : "ok"
        }
    }

    /// The record of a document that could not be processed.
    public init(document: SourceDocument, error: String) {
        source = document.source
        archive = document.archive
        key = document.key
        status = "error"
        self.error = error
    }

    public static func == (a: BatchRecord, b: BatchRecord) -> Bool {
        (try? JSONOutput.string(a, pretty: false)) == (try? JSONOutput.string(b, pretty: false))
    }
}

extension CheckRecord: Equatable {
    public static func == (a: CheckRecord, b: CheckRecord) -> Bool {
        (try? JSONOutput.string(a, pretty: false)) == (try? JSONOutput.string(b, pretty: false))
    }
}

/// A record with its JSON encoding, made once on the worker that produced it and reused by the
/// journal and every output.
public struct EncodedRecord: Sendable {
    public var record: BatchRecord
    /// The record as one line of JSON (sorted keys, no line breaks), written by ``RecordJSON``.
    public var json: String

    public init(_ record: BatchRecord) {
        self.record = record
        json = String(decoding: RecordJSON.bytes(record), as: UTF8.self)
    }

    init(record: BatchRecord, json: String) {
        self.record = record
        self.json = json
    }
}
