/// The whole pipeline for one input: ingest, extract, outline, audit.
public enum Pipeline {
    /// Everything fazhi knows about one document.
    public struct Result: Sendable {
        public var article: Article
        public var outline: Outline
        public var audit: AuditReport?

        /// Bundles the stages' results.
        public init(article: Article, outline: Outline, audit: AuditReport?) {
            self.article = article
            self.outline = outline
            self.audit = audit
        }
    }

    /// Reads `path` and runs every stage; `auditor` nil skips the audit.
    public static func run(path: String, options: IngestOptions = .init(), auditor: Auditor?) throws -> Result {
        try run(page: Ingest.read(path: path, options: options), auditor: auditor)
    }

    /// Runs every stage on an already decoded page.
    public static func run(page: DecodedPage, auditor: Auditor?) throws -> Result {
        let article = try Extractor.extract(page)
        let outline = OutlineBuilder.outline(of: article)
        return Result(article: article, outline: outline, audit: auditor?.audit(article, outline: outline))
    }

    /// The audit of `path`; a file that cannot be read gets status `unreadable` with the reason.
    public static func check(path: String, auditor: Auditor, options: IngestOptions = .init()) -> AuditReport {
        do {
            guard let report = try run(path: path, options: options, auditor: auditor).audit else {
                return .unreadable(file: path, profile: auditor.profile.id, error: "no audit")
            }
            return report
        } catch let error as IngestError {
            return .unreadable(file: path, profile: auditor.profile.id, error: error.reason)
        } catch {
            return .unreadable(file: path, profile: auditor.profile.id, error: "\(error)")
        }
    }
}
