import Foundation
import Testing
@testable import FazhiKit

/// Batch records are written by hand (RecordJSON) for speed; their text must stay exactly what
/// Foundation's JSONEncoder writes with sorted keys, so a field added to a record type and not to
/// the writer fails here.
@Suite struct RecordJSONTests {
    static func foundation(_ record: BatchRecord) throws -> String {
        try JSONOutput.string(record, pretty: false)
    }

    static func handWritten(_ record: BatchRecord) -> String {
        String(decoding: RecordJSON.bytes(record), as: UTF8.self)
    }

    @Test func everyCorpusRecordMatchesFoundationByteForByte() throws {
        let auditor = Auditor(profile: try ProfileLoader.load("fazhi-annual"))
        for page in CorpusPage.all {
            for document in Ingest.documents(path: page.path) {
                let record: BatchRecord
                switch document.page {
                case .success(let decoded):
                    record = BatchRecord(document: document, result: try Pipeline.run(page: decoded, auditor: auditor))
                case .failure(let error):
                    record = BatchRecord(document: document, error: error.reason)
                }
                #expect(Self.handWritten(record) == (try Self.foundation(record)), "\(page.name)")
            }
        }
    }

    /// Every optional present, dictionaries with keys out of order, text that needs escaping.
    @Test func aRecordWithEveryFieldMatchesFoundation() throws {
        let odd = "引号\"反斜杠\\/斜杠\u{1}\u{1F}\t\n\r\u{8}\u{C}\u{7F}\u{2028} 𠀀"
        let page = DecodedPage(source: "a.html", utf8: Array("<p>x</p>".utf8),
                               encoding: EncodingInfo(name: "GB18030", declared: "gb2312", decidedBy: .declared, lossy: true), format: .html)
        var metadata = Metadata()
        (metadata.title, metadata.publishedDate, metadata.writtenDate, metadata.publisher) = (odd, "2021-05-31", "2021-05-30", "区政府")
        (metadata.indexNumber, metadata.documentNumber, metadata.column, metadata.siteName) = ("1", "2", "3", "4")
        (metadata.siteCode, metadata.url, metadata.keywords) = ("5", "http://x/y", ["法治", odd])
        metadata.dates = [DatedSource(source: "visible", date: "2021-05-31")]
        metadata.disagreements = [Disagreement(field: "title", values: ["visible": "b", "ArticleTitle": "a", "title": odd])]
        metadata.breadcrumb = ["首页", "政务公开"]
        let child = Section(level: 2, marker: "（一）", style: .chineseParen, ordinal: 1, title: "子", titleSplit: .markup,
                            body: [odd], items: ["一是", "二是"], tables: [[["a", "b"], ["c"]]], repaired: true, path: "一/（一）", children: [])
        let section = Section(level: 1, marker: "一、", style: .chinese, ordinal: 1, title: "主要", titleSplit: .punctuation,
                              body: [], items: [], tables: [], repaired: false, path: "一", children: [child])
        let outline = Outline(title: "t", addressee: "市政府：", preamble: ["p"], sections: [section],
                              signature: Signature(issuer: "区政府", date: "2021-05-31"), attachmentLines: ["附件：1"],
                              diagnostics: [OutlineDiagnostic(code: "gap", message: odd, path: "二")])
        var report = AuditReport.unreadable(file: "a.html", profile: "fazhi-annual", error: odd)
        report.status = .fail
        report.title = "t"
        report.report = AuditReport.ReportFacts(year: 2020, publishedDate: "2021-05-31", deadline: "2021-04-01", daysLate: 60)
        report.items = [ItemVerdict(id: "C1", name: "n", present: true, section: "一", inline: true, recognisedBy: "heading", quote: odd)]
        report.findings = [Finding(rule: "FZ-T-01", severity: .error, message: odd, gloss: "late",
                                   evidence: .init(section: "一", quote: "q", dates: ["published": "2021-05-31", "deadline": "2021-04-01"]),
                                   basis: "第二十四条")]
        report.structure = "C1|C2"
        report.attachments = [Attachment(name: "附件", href: "a.pdf")]
        let article = Article(source: "a.html", encoding: page.encoding, metadata: metadata, blocks: [], attachments: [],
                              bodyStatus: .inline, parseDiagnostics: [])
        let document = SourceDocument(source: "a.html", archive: "x.warc.gz", key: "k", page: .success(page))
        var record = BatchRecord(document: document, result: Pipeline.Result(article: article, outline: outline, audit: report))
        record.error = odd
        let foundation = try Self.foundation(record)
        #expect(Self.handWritten(record) == foundation)
        for key in ["archive", "error", "declared", "disagreements", "addressee", "signature", "children", "tables", "report",
                    "recognisedBy", "dates", "attachments", "structure", "daysLate"] {
            #expect(foundation.contains("\"\(key)\":"), "the record exercises \(key)")
        }
    }
}
