/// The JSON shape of one checked file (`fazhi check --format json`).
public struct CheckRecord: Sendable, Codable {
    public struct Item: Sendable, Codable {
        public var id: String
        public var present: Bool
        public var section: String?
        public var inline: Bool
        public var recognisedBy: String?
        public var quote: String?
    }

    public var file: String
    public var profile: String
    public var status: String
    public var title: String?
    public var report: AuditReport.ReportFacts?
    public var items: [Item]
    public var findings: [Finding]
    public var structure: String?
    public var attachments: [Attachment]?
    public var error: String?

    public init(_ r: AuditReport) {
        file = r.file
        profile = r.profile
        status = r.status.rawValue
        title = r.title
        report = r.report
        items = r.items.map { Item(id: $0.id, present: $0.present, section: $0.section, inline: $0.inline, recognisedBy: $0.recognisedBy, quote: $0.quote) }
        findings = r.findings
        structure = r.structure
        attachments = r.attachments
        error = r.error
    }
}
