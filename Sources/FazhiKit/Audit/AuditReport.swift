/// One finding of a check: rule, severity, message, evidence and the regulation behind it.
public struct Finding: Sendable, Hashable, Codable {
    /// Where the evidence is.
    public struct Evidence: Sendable, Hashable, Codable {
        /// Section path (`一.(一)`), when the finding concerns a section.
        public var section: String?
        /// The quoted text the finding rests on.
        public var quote: String?
        /// Dates compared, by source (`visible`, `pubDateMeta`, `urlToken`, `signature`, `deadline`).
        public var dates: [String: String]?

        public init(section: String? = nil, quote: String? = nil, dates: [String: String]? = nil) {
            self.section = section
            self.quote = quote
            self.dates = dates
        }
    }

    public var rule: String
    public var severity: Severity
    /// The message in Chinese.
    public var message: String
    /// The message in English.
    public var gloss: String
    public var evidence: Evidence
    public var basis: String
}

/// Whether one profile item was found, where and how.
public struct ItemVerdict: Sendable, Hashable, Codable {
    public var id: String
    public var name: String
    public var present: Bool
    /// Section path, nil when absent or found outside any section.
    public var section: String?
    /// True when recognised from body text rather than a heading.
    public var inline: Bool
    /// How it was recognised: `heading`, `paragraph`, `body`.
    public var recognisedBy: String?
    /// The heading or sentence that recognised it.
    public var quote: String?
}

/// The verdict on one file under one profile.
public struct AuditReport: Sendable, Codable {
    /// The outcome.
    public enum Status: String, Sendable, Codable {
        case pass, fail
        /// Not a report of the profile's kind (a notice, a news item, another kind of report).
        case notAReport = "not-a-report"
        /// The report is only an attached file.
        case attachmentOnly = "attachment-only"
        /// The file could not be read.
        case unreadable
    }

    /// Report year, dates and lateness.
    public struct ReportFacts: Sendable, Codable, Hashable {
        public var year: Int?
        public var publishedDate: String?
        public var deadline: String?
        public var daysLate: Int?
    }

    public var file: String
    public var profile: String
    public var status: Status
    public var title: String?
    public var report: ReportFacts?
    public var items: [ItemVerdict]
    public var findings: [Finding]
    /// The order of the items as found (`C1|C2|C4`).
    public var structure: String?
    /// Attached files, for an attachment-only page.
    public var attachments: [Attachment]?
    /// Why the file could not be read, for `unreadable`.
    public var error: String?

    /// A report for a file that could not be read.
    public static func unreadable(file: String, profile: String, error: String) -> AuditReport {
        AuditReport(file: file, profile: profile, status: .unreadable, title: nil, report: nil, items: [], findings: [],
                    structure: nil, attachments: nil, error: error)
    }

    /// The most severe finding's severity.
    public var worstSeverity: Severity? { findings.map(\.severity).max() }

    /// The sorted ids of error and warning findings (what the Corpus gold lists).
    public var ruleIDs: [String] {
        Array(Set(findings.filter { $0.severity >= .warning }.map(\.rule))).sorted()
    }
}
