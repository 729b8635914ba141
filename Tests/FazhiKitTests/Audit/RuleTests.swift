import Testing
@testable import FazhiKit

/// One test per rule: the finding appears when its condition holds and not otherwise.
@Suite struct RuleTests {
    typealias B = ArticleBuilder

    func rules(_ lines: [String] = B.complete, title: String? = "某某县2022年度法治政府建设情况报告", published: String? = "2023-03-20",
               column: String? = "法治政府建设年度报告", dates: [DatedSource] = []) throws -> [String] {
        try B.audit(B.article(lines, title: title, published: published, column: column, dates: dates)).ruleIDs
    }

    @Test func completeOnTimeReportPasses() throws {
        let r = try B.audit(B.article(B.complete))
        #expect(r.status == .pass)
        #expect(r.ruleIDs == [])
        #expect(r.items.map(\.present) == [true, true, true, true, false])
        #expect(r.items[2].section == "一.(一)")
        #expect(r.items[2].inline == false)
        #expect(r.structure == "C1|C3|C2|C4")
        #expect(r.report == .init(year: 2022, publishedDate: "2023-03-20", deadline: "2023-03-31", daysLate: 0))
    }

    @Test func lateIsAnErrorWithDaysLate() throws {
        let r = try B.audit(B.article(B.complete, published: "2023-05-31"))
        let f = try #require(r.findings.first { $0.rule == "FZ-TIME-01" })
        #expect(f.severity == .error)
        #expect(r.report?.daysLate == 61)
        #expect(f.message.contains("迟61天"))
        #expect(f.basis.contains("第二十四条"))
        #expect(r.status == .fail)
    }

    @Test func firstOfAprilIsBorderline() throws {
        let r = try B.audit(B.article(B.complete, published: "2023-04-01"))
        #expect(r.findings.first { $0.rule == "FZ-TIME-01" }?.severity == .warning)
        #expect(r.status == .pass)
        #expect(r.report?.daysLate == 1)
    }

    @Test func reportsUpTo2018UseTheFirstQuarterRule() throws {
        let lines = B.complete.map { $0.replacingOccurrences(of: "2023年", with: "2018年").replacingOccurrences(of: "2022年", with: "2017年") }
        let ids = try rules(lines, title: "某某县2017年度法治政府建设情况报告", published: "2018-04-01")
        #expect(ids.contains("FZ-TIME-02"))
        #expect(!ids.contains("FZ-TIME-01"))
    }

    @Test func titleWithoutYear() throws {
        #expect(try rules(title: "某某县法治政府建设情况报告").contains("FZ-ID-01"))
    }

    @Test func yearNotBeforePublication() throws {
        #expect(try rules(published: "2024-03-01").contains("FZ-ID-02"))
    }

    @Test func noPublicationDate() throws {
        let r = try B.audit(B.article(B.complete, published: nil))
        #expect(r.ruleIDs.contains("FZ-TIME-00"))
        #expect(r.report?.daysLate == nil)
    }

    @Test func datesThatDisagree() throws {
        let dates = [DatedSource(source: "visible", date: "2023-03-20"), DatedSource(source: "urlToken", date: "2024-03-26")]
        #expect(try rules(dates: dates).contains("FZ-TIME-04"))
        let close = [DatedSource(source: "visible", date: "2023-03-20"), DatedSource(source: "pubDateMeta", date: "2023-03-22")]
        #expect(try !rules(dates: close).contains("FZ-TIME-04"))
    }

    @Test func notADedicatedColumn() throws {
        #expect(try rules(column: "通知公告").contains("FZ-PUB-01"))
    }

    @Test func missingItems() throws {
        let noShortcomings = B.complete.filter { !$0.hasPrefix("二、") && !$0.hasPrefix("一是") }
        #expect(try rules(noShortcomings).contains("FZ-C2"))
        let noPlans = Array(B.complete.prefix(7)) + B.complete.suffix(2)
        #expect(try rules(noPlans).contains("FZ-C4"))
        let noLeader = B.complete.map { $0.replacingOccurrences(of: "第一责任人", with: "法治建设") }
        #expect(try rules(noLeader).contains("FZ-C3"))
    }

    @Test func inlineFirstResponsiblePersonIsInfo() throws {
        let lines = B.complete.map { $0.replacingOccurrences(of: "（一）压实第一责任人职责。", with: "（一）压实法治建设责任。") }
        let r = try B.audit(B.article(lines))
        let f = try #require(r.findings.first { $0.rule == "FZ-C3" })
        #expect(f.severity == .info)
        #expect(r.items[2].inline)
        #expect(r.items[2].section == "一.(一)")
    }

    @Test func shortcomingsWithoutCauses() throws {
        let lines = B.complete.map {
            $0.hasPrefix("一是") ? "一是部分执法人员能力不足，执法规范化水平有待提高；二是基层法治力量薄弱，法治宣传教育的针对性和实效性不够强，群众参与不多。" : $0
        }
        // The heading's word 原因 is a label, not an analysis: only the section's text counts.
        #expect(try rules(lines) == ["FZ-C2R"])
    }

    @Test func thinShortcomings() throws {
        let lines = B.complete.map { $0.hasPrefix("一是") ? "执法人员能力不足，原因是培训少。" : $0 }
        #expect(try rules(lines) == ["FZ-Q-02"])
    }

    @Test func nextYearNamesTheWrongYear() throws {
        let lines = B.complete.map {
            $0.replacingOccurrences(of: "三、2023年工作打算", with: "三、下一年工作打算").replacingOccurrences(of: "2023年组织", with: "2022年组织")
        }
        #expect(try rules(lines) == ["FZ-C4Y"])
    }

    /// The years an item names: four ASCII digits and 年, not the tail of a longer number.
    @Test func yearsAreFourDigitsBeforeNian() {
        #expect(AuditContext.years(in: "2021年和2022年，12023年，１2024年，（2025年）2026 年，年2027年") == [2021, 2022, 2025, 2027])
        #expect(AuditContext.years(in: "2021") == [])
        #expect(AuditContext.years(in: "年") == [])
    }

    @Test func noFiguresInAchievements() throws {
        let lines = B.complete.map {
            $0.hasPrefix("（二）规范") ? "（二）规范行政执法。严格执行行政执法公示、全过程记录和法制审核制度，执法质量稳步提升。" :
            $0.hasPrefix("（一）压实") ? "（一）压实第一责任人职责。县政府主要负责人履行推进法治建设第一责任人职责。" : $0
        }
        #expect(try rules(lines) == ["FZ-Q-01"])
    }

    @Test func numberingFaults() throws {
        var gap = B.complete
        gap[7] = "四、2023年工作打算"
        #expect(try rules(gap) == ["FZ-FMT-02"])
        var lost = B.complete
        lost[5] = "、存在的不足和原因"
        #expect(try rules(lost) == ["FZ-FMT-05"])
    }

    @Test func noticeIsNotAReport() throws {
        let r = try B.audit(B.article(B.complete, title: "关于做好2022年度法治政府建设年度报告工作的通知"))
        #expect(r.status == .notAReport)
        #expect(r.findings.isEmpty)
    }

    @Test func attachmentOnlyPageGetsItsOwnStatus() throws {
        let attachment = Attachment(name: "某某县2022年度法治政府建设情况报告.pdf", href: "a.pdf")
        let r = try B.audit(B.article(["附件：某某县2022年度法治政府建设情况报告.pdf"], status: .attachmentOnly, attachments: [attachment]))
        #expect(r.status == .attachmentOnly)
        #expect(r.findings.isEmpty)
        #expect(r.attachments == [attachment])
    }

    @Test func disclosureReportDeadlineDependsOnWhoPublishes() throws {
        let lines = ["一、总体情况", "全年主动公开信息1200条。", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
                     "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项"]
        let department = try B.audit(B.article(lines, title: "某某县司法局2022年政府信息公开工作年度报告", published: "2023-02-15"), profile: "xxgk-annual")
        #expect(department.ruleIDs == ["GK-TIME"])
        #expect(department.report?.daysLate == 15)
        let government = try B.audit(B.article(lines, title: "某某县人民政府2022年政府信息公开工作年度报告", published: "2023-02-15"), profile: "xxgk-annual")
        #expect(government.status == .pass)
        let reordered = [lines[0], lines[1], lines[3], lines[2]] + lines[4...]
        #expect(try B.audit(B.article(Array(reordered), title: "某某县人民政府2022年政府信息公开工作年度报告"), profile: "xxgk-annual").ruleIDs.contains("GK-ORD"))
    }

    @Test func failOnWarning() throws {
        let article = B.article(B.complete, column: "通知公告")
        let outline = OutlineBuilder.outline(of: article)
        let profile = try ProfileLoader.load("fazhi-annual")
        #expect(Auditor(profile: profile).audit(article, outline: outline).status == .pass)
        #expect(Auditor(profile: profile, failOn: .warning).audit(article, outline: outline).status == .fail)
    }
}

/// Evidence quotes: 60 characters around the word, with … where the text was cut.
@Suite struct QuoteTests {
    /// The quote as first specified: on an array of every character of the text.
    static func reference(_ text: String, around word: String?) -> String {
        let chars = Array(text)
        guard chars.count > 60 else { return text }
        if let word, let r = text.firstRange(of: word) {
            let center = text.distance(from: text.startIndex, to: r.lowerBound)
            let start = max(0, center - 25)
            let end = min(chars.count, start + 60)
            return (start > 0 ? "…" : "") + String(chars[start..<end]) + (end < chars.count ? "…" : "")
        }
        return String(chars[0..<60]) + "…"
    }

    @Test func quotesMatchTheCharacterArrayDefinition() {
        let body = "本年度，我区深入学习贯彻习近平法治思想，全面落实法治政府建设实施纲要，"
        let texts = ["", "短文本", String(repeating: "法", count: 60), String(repeating: "法", count: 61),
                     body + body + "党政主要负责人履行推进法治建设第一责任人职责" + body,
                     String(repeating: "e\u{301}", count: 70) + "目标" + String(repeating: "x", count: 30),
                     "第一责任人" + String(repeating: "。", count: 80), String(repeating: "a", count: 200) + "第一责任人"]
        for text in texts {
            for word in [nil, "第一责任人", "目标", "不存在"] as [String?] {
                #expect(ItemLocator.quote(text, around: word) == Self.reference(text, around: word), "\(text.prefix(10)) / \(word ?? "nil")")
            }
        }
    }
}
