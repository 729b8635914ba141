import Testing
@testable import FazhiKit

/// Charset decisions on real byte patterns: fazhi decides, libxml2 never guesses.
@Suite struct CharsetTests {
    let hard = ["镕", "喆", "堃", "體", "建設與"]  // outside GB2312: libxml2 alone truncates gb2312-labelled GBK here

    func read(_ name: String) throws -> (Article, DecodedPage) {
        let page = try Ingest.read(path: Fixture.path("ingest/\(name)"))
        return (try Extractor.extract(page), page)
    }

    @Test func utf8Declared() throws {
        let (article, page) = try read("utf8-declared.html")
        #expect(page.encoding == EncodingInfo(name: "UTF-8", declared: "utf-8", decidedBy: .declared, lossy: false))
        #expect(article.metadata.title == "关于朱镕基与王堃的报告")
        for c in hard { #expect(article.text.contains(c)) }
    }

    @Test func utf8Undeclared() throws {
        let (article, page) = try read("utf8-undeclared.html")
        #expect(page.encoding == EncodingInfo(name: "UTF-8", declared: nil, decidedBy: .sniffed, lossy: false))
        #expect(article.text.contains("朱镕基 王喆 李堃"))
    }

    @Test func byteOrderMark() throws {
        let (article, page) = try read("utf8-bom.html")
        #expect(page.encoding.decidedBy == .bom)
        #expect(page.encoding.name == "UTF-8")
        #expect(page.utf8.first == UInt8(ascii: "<"))
        #expect(article.metadata.title == "关于朱镕基与王堃的报告")
    }

    @Test func gbkLabelledGB2312KeepsEveryCharacter() throws {
        let (article, page) = try read("gbk-labelled-gb2312.html")
        #expect(page.encoding == EncodingInfo(name: "GB18030", declared: "gb2312", decidedBy: .declared, lossy: false))
        #expect(article.metadata.title == "关于朱镕基与王堃的报告")
        for c in hard { #expect(article.text.contains(c), "lost \(c)") }
        #expect(article.text.hasSuffix("结尾段落。"))
    }

    @Test func gbkWithMetaAfterTitle() throws {
        let (article, page) = try read("gbk-meta-after-title.html")
        #expect(page.encoding.name == "GB18030")
        #expect(page.encoding.declared == "gb2312")
        #expect(article.metadata.title == "关于朱镕基与王堃的报告")
    }

    @Test func gb18030OutsideGBK() throws {
        let (article, page) = try read("gb18030.html")
        #expect(page.encoding == EncodingInfo(name: "GB18030", declared: "gb18030", decidedBy: .declared, lossy: false))
        #expect(article.metadata.title == "关于€与𠀀村的报告")
    }

    @Test func undeclaredGBKFallsBackToGB18030() throws {
        let (article, page) = try read("gbk-undeclared.html")
        #expect(page.encoding == EncodingInfo(name: "GB18030", declared: nil, decidedBy: .fallback, lossy: false))
        for c in hard { #expect(article.text.contains(c)) }
    }

    @Test func utf8BytesLabelledGB2312AreReadAsUTF8() throws {
        let (article, page) = try read("utf8-labelled-gb2312.html")
        #expect(page.encoding == EncodingInfo(name: "UTF-8", declared: "gb2312", decidedBy: .sniffed, lossy: false))
        for c in hard { #expect(article.text.contains(c)) }
    }

    @Test func oneInvalidByteInGBKKeepsTheRest() throws {
        let (article, page) = try read("gbk-one-invalid-byte.html")
        #expect(page.encoding.name == "GB18030")
        #expect(page.encoding.lossy)
        #expect(article.text.contains("\u{FFFD}（一）项目概况"))
        #expect(article.text.hasSuffix("结尾段落。"))
    }

    @Test func oneInvalidByteInUTF8KeepsTheRest() throws {
        let (article, page) = try read("utf8-one-invalid-byte.html")
        #expect(page.encoding == EncodingInfo(name: "UTF-8", declared: "utf-8", decidedBy: .declared, lossy: true))
        #expect(article.text.contains("\u{FFFD}（一）项目概况"))
        #expect(article.text.hasSuffix("结尾段落。"))
    }

    @Test(arguments: [("gb2312", "GB18030"), ("GBK", "GB18030"), ("x-gbk", "GB18030"), ("cp936", "GB18030"),
                      ("gb_2312-80", "GB18030"), ("euc-cn", "GB18030"), ("GB18030", "GB18030"), ("big5", "BIG5-HKSCS"),
                      ("utf8", "UTF-8"), ("UTF-8", "UTF-8")])
    func labelMapping(label: String, expected: String) {
        #expect(CharsetLabel.canonicalName(label) == expected)
    }

    @Test func labelFoundInCombinedMetaTag() {
        let head = Array(#"<html><head><meta name="viewport" content="width=device-width"><meta charset="utf-8" name="x"><title>t</title>"#.utf8)
        #expect(CharsetLabel.declared(in: head) == "utf-8")
        let equiv = Array(#"<title>标题</title><META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=GB2312">"#.utf8)
        #expect(CharsetLabel.declared(in: equiv) == "gb2312")
        let text = Array("<p>charset=gbk is written in the text, not declared</p>".utf8)
        #expect(CharsetLabel.declared(in: text) == nil)
    }
}
