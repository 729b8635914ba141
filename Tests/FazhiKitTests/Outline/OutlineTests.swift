import Testing
@testable import FazhiKit

/// The outline's hard cases, one by one.
@Suite struct OutlineTests {
    func outline(_ lines: [String]) -> Outline { OutlineBuilder.outline(of: ArticleBuilder.article(lines)) }

    func heads(_ o: Outline) -> [String] { o.allSections.map { "\($0.level)\($0.marker)\($0.title)" } }

    @Test(arguments: ["1.5万元用于普法宣传。", "12·4国家宪法日开展宣传。", "第一条规定了职责。", "一是强化领导，二是强化落实。",
                      "2021年，我县开展了培训。", "3月1日前完成报送。", "2020.12.31前办结。", "（2021—2025年）规划已印发。"])
    func numbersThatAreNotHeadings(line: String) {
        #expect(MarkerParser.parse(line[...]) == nil)
    }

    @Test(arguments: [("一、总体情况", Marker.Style.chinese, 1), ("十二．其他", .chinese, 12), ("（三）加强", .chineseParen, 3),
                      ("(四)强化", .chineseParen, 4), ("1.执法", .arabic, 1), ("2、审核", .arabic, 2), ("３．复议", .arabic, 3),
                      ("（1）案件", .arabicParen, 1), ("②培训", .circled, 2), ("第二部分 主要问题", .part, 2), ("（ 一 ）空格", .chineseParen, 1)])
    func markers(text: String, style: Marker.Style, ordinal: Int) throws {
        let (m, _) = try #require(MarkerParser.parse(text[...]))
        #expect(m.style == style)
        #expect(m.ordinal == ordinal)
    }

    @Test func runInHeadingSplitByMarkup() {
        let runs = [TextRun(text: "(一)高度重视,切实加强法治建设", font: .kai), TextRun(text: "按照普法办要求,完善制定了园区普法工作。")]
        let (title, body, how) = HeadingSplitter.split(runs: runs, text: runs.map(\.text).joined(), markerLength: 3)
        #expect(title == "高度重视,切实加强法治建设")
        #expect(body == "按照普法办要求,完善制定了园区普法工作。")
        #expect(how == .markup)
    }

    @Test func strayBracketRunAndSplitMarkerStillSplitByMarkup() {
        let runs = [TextRun(text: "（"), TextRun(text: "三）", bold: true), TextRun(text: "依法决策", bold: true), TextRun(text: "全年审查文件12件。")]
        let (title, _, how) = HeadingSplitter.split(runs: runs, text: runs.map(\.text).joined(), markerLength: 3)
        #expect(title == "依法决策")
        #expect(how == .markup)
    }

    @Test func runInHeadingSplitByPunctuation() {
        let o = outline(["一、主要举措", "（一）依法办事，扎实推进园区各项工作。严格落实“三重一大”制度。"])
        let s = o.allSections[1]
        #expect(s.title == "依法办事，扎实推进园区各项工作")
        #expect(s.body == ["严格落实“三重一大”制度。"])
        #expect(s.titleSplit == .punctuation)
    }

    @Test func lostNumeralIsRestoredAndFlagged() {
        let o = outline(["一、工作情况", "正文。", "、存在的不足和差距", "不足。", "、下一年工作打算"])
        #expect(heads(o) == ["1一、工作情况", "1二、存在的不足和差距", "1三、下一年工作打算"])
        #expect(o.allSections.map(\.repaired) == [false, true, true])
        #expect(o.diagnostics.map(\.code) == ["repaired", "repaired"])
    }

    @Test func levelsFollowTheOrderStylesAreFirstMet() {
        let o = outline(["一、工作情况", "1.加强领导。内容。", "2.规范执法。内容。", "二、问题"])
        #expect(heads(o) == ["1一、工作情况", "21.加强领导", "22.规范执法", "1二、问题"])
        #expect(o.diagnostics.map(\.code) == ["skipped-level"])
    }

    @Test func sequenceFaultsAreDiagnosedWithPaths() {
        let o = outline(["一、甲", "（一）子一。", "（二）子二。", "（二）子二again。", "（四）子四。", "三、丙"])
        #expect(o.diagnostics.map { "\($0.code)@\($0.path)" } == ["duplicate@一.（二）".replacingOccurrences(of: "（", with: "(").replacingOccurrences(of: "）", with: ")"),
                                                                "gap@一.(四)", "gap@三"])
    }

    @Test func restartUnderTheSameParentIsAnOrphanRun() {
        let o = outline(["一、成效", "（一）甲。", "（二）乙。", "我县还存在一些不足。", "2024年，我们将：", "（一）丙。", "（二）丁。"])
        #expect(o.sections.count == 3)
        #expect(o.diagnostics.map(\.code) == ["orphan"])
    }

    @Test func inlineEnumerationsAreItemsNotSections() {
        let o = outline(["一、措施", "（一）强化领导。一是建立领导小组；二是定期研究；三是压实责任。"])
        #expect(o.allSections.count == 2)
        #expect(o.allSections[1].items == ["一是建立领导小组", "二是定期研究", "三是压实责任。"])
    }

    @Test func addresseePreambleAndSignature() {
        let o = outline(["区政府：", "2020年，我委……现报告如下。", "一、工作", "内容。", "重庆市武隆区工业园区管理委员会", "2021年5月31日"])
        #expect(o.addressee == "区政府")
        #expect(o.preamble == ["2020年，我委……现报告如下。"])
        #expect(o.signature == Signature(issuer: "重庆市武隆区工业园区管理委员会", date: "2021-05-31"))
    }

    @Test func signatureInChineseNumerals() {
        let o = outline(["一、工作", "内容。", "某某区人民政府", "二〇二〇年三月二十七日"])
        #expect(o.signature == Signature(issuer: "某某区人民政府", date: "2020-03-27"))
    }

    @Test func flattenedTextIsCutAtItsMarkers() {
        let flat = "现将有关情况报告如下：一、2022年主要工作（一）基本情况。截至年底办结23件。（二）执法监督。开展检查5次。二、存在的不足和原因对照要求，我县还存在不足。三、2023年工作打算（一）深化改革。推进。某某县人民政府2023年3月28日"
        let o = outline([flat])
        #expect(heads(o) == ["1一、2022年主要工作", "2（一）基本情况", "2（二）执法监督", "1二、存在的不足和原因", "1三、2023年工作打算", "2（一）深化改革"])
        #expect(o.signature == Signature(issuer: "某某县人民政府", date: "2023-03-28"))
    }

    /// The seed page, as issue 4 says it must read.
    @Test func seedPageOutline() throws {
        let page = try #require(CorpusPage.all.first { $0.name == "seed-wulong-2020" })
        let o = OutlineBuilder.outline(of: try page.article())
        #expect(o.addressee == "区政府")
        let top = o.sections
        #expect(top.map { "\($0.marker)\($0.title)" } == ["一、2020年度法治政府建设工作推进情况", "二、存在的不足和差距", "三、下一年工作打算"])
        #expect(top.map(\.repaired) == [false, true, true])
        let sub = top[0].children
        #expect(sub.count == 4)
        #expect(sub[0].body.first?.hasPrefix("按照") == true)
        #expect(sub[1].body.first?.hasPrefix("将依法治理") == true)
        #expect(sub[2].body.first?.hasPrefix("严格落实") == true)
        #expect(sub[3].body.first?.hasPrefix("积极组织") == true)
        #expect(sub.allSatisfy { $0.titleSplit == .markup })
        #expect(top[2].children.map(\.marker) == ["(一)", "(二)", "(三)"])
        #expect(o.signature == Signature(issuer: "重庆市武隆区工业园区管理委员会", date: "2021-05-31"))
    }
}
