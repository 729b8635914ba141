/// The Audit stage: checks an article and its outline against a profile and returns a verdict
/// with findings an auditor can cite (rule, evidence, basis).
public struct Auditor: Sendable {
    /// The built-in checks a profile rule can name.
    public static let checks: Set<String> = [
        "title-year", "year-before-publication", "publication-date-found", "deadline", "dates-agree",
        "dedicated-column", "item-present", "item-mentions", "item-year", "item-order", "numbering", "signature",
        "addressee", "figures", "item-length",
    ]

    /// The profile in force.
    public let profile: Profile
    /// The lowest severity that makes a file fail (default: error).
    public var failOn: Severity

    /// Creates an auditor.
    public init(profile: Profile, failOn: Severity = .error) {
        self.profile = profile
        self.failOn = failOn
    }

    /// Checks one article.
    public func audit(_ article: Article, outline: Outline) -> AuditReport {
        var report = AuditReport(file: article.source, profile: profile.id, status: .pass, title: article.metadata.title, report: nil,
                                 items: [], findings: [], structure: nil, attachments: nil, error: nil)
        if article.bodyStatus == .attachmentOnly {
            report.status = .attachmentOnly
            report.attachments = article.attachments
            return report
        }
        guard let reportTitle = kindTitle(article: article, outline: outline) else {
            report.status = .notAReport
            return report
        }
        var context = AuditContext(article: article, outline: outline, profile: profile, reportTitle: reportTitle)
        for rule in profile.rules { context.run(rule) }
        report.report = context.facts
        report.items = profile.items.map { context.found($0.id).verdict }
        report.structure = context.structure
        report.findings = context.findings
        report.status = report.findings.contains { $0.severity >= failOn } ? .fail : .pass
        return report
    }

    /// The title that makes the page a report of this profile's kind: the page title or, for a
    /// cover letter, the enclosed report's title line. Nil when the page is not such a report.
    func kindTitle(article: Article, outline: Outline) -> String? {
        guard !article.blocks.isEmpty else { return nil }
        let lines = outline.preamble.prefix(6).filter { $0.count <= 80 && !$0.contains("。") && !$0.contains("，") }
        let candidates = [article.metadata.title].compactMap { $0 } + lines
        return candidates.first(where: isKind)
    }

    func isKind(_ title: String) -> Bool {
        let k = profile.kind
        let compact = TitleFinder.compact(title)
        return k.titleWords.contains(where: compact.contains) && k.reportWords.contains(where: compact.contains)
            && !k.excludeWords.contains(where: compact.contains) && !k.excludeEndings.contains(where: compact.hasSuffix)
    }
}
