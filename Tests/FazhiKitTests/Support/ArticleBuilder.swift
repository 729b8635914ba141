@testable import FazhiKit

/// Builds articles from lines for unit tests of the Outline and Audit stages.
enum ArticleBuilder {
    static func article(_ lines: [String], title: String? = "某某县2022年度法治政府建设情况报告", published: String? = "2023-03-20",
                        column: String? = "法治政府建设年度报告", publisher: String? = nil, dates: [DatedSource] = [],
                        status: Article.BodyStatus = .inline, attachments: [Attachment] = []) -> Article {
        var m = Metadata()
        m.title = title
        m.publishedDate = published
        m.column = column
        m.publisher = publisher
        m.dates = dates.isEmpty ? (published.map { [DatedSource(source: "visible", date: $0)] } ?? []) : dates
        let blocks = lines.map { Block(kind: .paragraph, text: $0, runs: [TextRun(text: $0)]) }
        return Article(source: "test.html", encoding: EncodingInfo(name: "UTF-8", declared: nil, decidedBy: .sniffed, lossy: false),
                       metadata: m, blocks: blocks, attachments: attachments, bodyStatus: status, parseDiagnostics: [])
    }

    /// A complete, on-time report body for 2022 (each test changes one thing).
    static let complete = [
        "市委、市政府：",
        "2022年，我县深入推进法治政府建设，现将有关情况报告如下。",
        "一、2022年法治政府建设主要举措和成效",
        "（一）压实第一责任人职责。县政府主要负责人履行推进法治建设第一责任人职责，全年召开常务会议研究法治工作6次。",
        "（二）规范行政执法。全年办理行政复议案件23件，培训执法人员1200人次。",
        "二、存在的不足和原因",
        "一是部分执法人员能力不足，主要原因是培训针对性不强；二是基层法治力量薄弱，究其原因在于编制紧张、人员流动频繁，导致专业人员缺乏。",
        "三、2023年工作打算",
        "（一）深入学习贯彻习近平法治思想。2023年组织集体学法不少于6次。",
        "某某县人民政府",
        "2023年3月20日",
    ]

    static func audit(_ article: Article, profile: String = "fazhi-annual") throws -> AuditReport {
        Auditor(profile: try ProfileLoader.load(profile)).audit(article, outline: OutlineBuilder.outline(of: article))
    }
}
