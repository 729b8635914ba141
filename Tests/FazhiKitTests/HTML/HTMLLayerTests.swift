import Testing
@testable import FazhiKit

/// The safe libxml2 layer as the pipeline parses (HTMLParse): trees, diagnostics, Word's conditional markers, threads.
@Suite struct HTMLLayerTests {
    func blocks(_ html: String) throws -> [String] {
        let tree = try HTMLParse(utf8: Array(html.utf8)).tree
        return BlockBuilder(tree: tree).blocks().map(\.text)
    }

    @Test func wordDownlevelMarkersAreInvisible() throws {
        let html = "<p class=MsoNormal><![if !supportLists]>1.<![endif]>执法公示。</p><!--[if gte mso 9]><xml>x</xml><![endif]--><p>后文</p>"
        #expect(try blocks(html) == ["1.执法公示。", "后文"])
    }

    @Test func commentStillEndsAfterIEConditional() throws {
        let html = "<!--[if lt IE 9]><script src=x></script><![endif]--><p>正文第一段。</p>"
        #expect(try blocks(html) == ["正文第一段。"])
    }

    /// The tree keeps the attributes the pipeline reads, values entity-decoded, in source order;
    /// other attributes are not kept, and names outside the tag set are kept once each.
    @Test func keptAttributesAndNamesReadBack() throws {
        let html = "<div ID=main onclick='x()' class=\"TRS_Editor  a\"><a href='/f.pdf?a=1&amp;b=2' hidden>附件</a>"
            + "<custom-box title=甲>一</custom-box><custom-box>二</custom-box></div>"
        let tree = try HTMLParse(utf8: Array(html.utf8)).tree
        let div = try #require(tree.nodes.indices.first { tree.nodes[$0].tag == .div })
        #expect(tree.attributes(of: div) == [HTMLAttribute(name: "id", value: "main"), HTMLAttribute(name: "class", value: "TRS_Editor  a")])
        #expect(tree.attribute(.class, of: div) == "TRS_Editor  a")
        #expect(tree.attribute(.style, of: div) == nil)
        let link = try #require(tree.nodes.indices.first { tree.nodes[$0].tag == .a })
        #expect(tree.attribute(.href, of: link) == "/f.pdf?a=1&b=2")
        #expect(tree.attribute(.hidden, of: link) == "")
        let boxes = tree.nodes.indices.filter { tree.name(of: $0) == "custom-box" }
        #expect(boxes.count == 2 && tree.otherNames.filter { $0 == "custom-box" }.count == 1)
        #expect(tree.attribute(.title, of: boxes[0]) == "甲" && tree.attributes(of: boxes[1]).isEmpty)
        #expect(tree.name(of: 0) == "" && tree.name(of: div) == "div")
    }

    /// An element libxml2 files under the closed root after a later comment comes in reading order
    /// and inside the root's subtree interval (the SAX builder renumbers such a tree in document
    /// order); empty, skipped and `<br>` elements end blocks where a browser ends lines.
    @Test func blocksFollowTheTreeEvenOutOfOrder() throws {
        let stray = "<html><body><p>甲</p></body></html><!--c--><p>乙</p>"
        #expect(try blocks(stray) == ["甲", "乙"])
        let tree = try HTMLParse(utf8: Array(stray.utf8)).tree
        let html = try #require(tree.nodes.indices.first { tree.nodes[$0].tag == .html })
        let second = try #require(tree.nodes.indices.first { tree.nodes[$0].kind == .text && tree.text(of: $0) == "乙" })
        #expect(second < tree.subtreeEnd(of: html))
        #expect(try blocks("<div>一<p></p>二<span></span>三<br>四<script>x</script>五</div><div><div><b>六</b></div></div>七") ==
                ["一", "二三", "四五", "六", "七"])
    }

    /// A subtree's text: every text node inside, in order, scripts and styles left out, nothing
    /// from the element's siblings.
    @Test func textContentOfASubtree() throws {
        let tree = try HTMLParse(utf8: Array("<div>前<table><tr><td>甲<b>乙<i></i></b><script>x=1</script>丙</td><td><style>p{}</style>丁</td></tr></table>后</div>".utf8)).tree
        let table = try #require(tree.nodes.indices.first { tree.nodes[$0].tag == .table })
        #expect(tree.textContent(of: table) == "甲乙丙丁")
        let text = try #require(tree.nodes.indices.first { tree.nodes[$0].kind == .text })
        #expect(tree.textContent(of: text) == "前")
        #expect(tree.textContent(of: 0) == "前甲乙丙丁后")
    }

    /// Hundreds of made-up element names (more than the 64-slot name cache holds): each kept once,
    /// every element reads back its own name, in both tree builders.
    @Test func manyOtherNamesEachKeptOnce() throws {
        let names = (0..<300).map { "x-tag\($0)" }
        let html = (names + names).map { "<\($0)>t</\($0)>" }.joined()
        for tree in [try HTMLParse(utf8: Array(html.utf8)).tree, try HTMLDocument(utf8: Array(html.utf8)).tree()] {
            #expect(tree.otherNames.sorted() == names.sorted())
            let elements = tree.nodes.indices.filter { tree.nodes[$0].kind == .element && tree.nodes[$0].tag == .other }
            #expect(elements.map { tree.name(of: $0) } == names + names)
        }
    }

    @Test func cdataIsKept() {
        let bytes = Array("<p><![CDATA[x]]></p>".utf8)
        #expect(BogusComments.strip(bytes) == bytes)
    }

    @Test func runsAreJoinedWithoutSpaces() throws {
        #expect(try blocks("<p><span>202</span><span>2年</span>增长<span>1.77</span><span>%</span></p>") == ["2022年增长1.77%"])
    }

    @Test func lineBreaksBetweenChineseCharactersVanishButSpacesStay() throws {
        #expect(try blocks("<p>2020年\n  我委坚持</p><p>朱镕基 王喆</p><p>A\nB</p>") == ["2020年我委坚持", "朱镕基 王喆", "A B"])
    }

    @Test func hiddenScriptsAndFormsContributeNothing() throws {
        let html = "<div style='display: none'>隐藏</div><script>var a='脚本';</script><select><option>选项</option></select><p hidden>也隐藏</p><p>可见</p>"
        #expect(try blocks(html) == ["可见"])
    }

    @Test func brSeparatesBlocks() throws {
        #expect(try blocks("<div>第一行<br>第二行<br/><br>第三行</div>") == ["第一行", "第二行", "第三行"])
    }

    @Test func diagnosticsAreCollectedNotPrinted() throws {
        let doc = try HTMLParse(utf8: Array("<html><body><p>a</span></p><tr></body></html>".utf8))
        #expect(!doc.diagnostics.isEmpty)
        #expect(doc.diagnostics.allSatisfy { $0.domain == "html" || $0.domain == "parser" })
    }

    @Test func deepNestingDoesNotOverflowTheStack() throws {
        let depth = 20_000
        let html = String(repeating: "<div>", count: depth) + "深处" + String(repeating: "</div>", count: depth)
        let tree = try HTMLParse(utf8: Array(html.utf8)).tree
        #expect(tree.nodes.count > depth)
        #expect(BlockBuilder(tree: tree).blocks().map(\.text) == ["深处"])
    }

    @Test func parsesOnManyThreadsAtOnce() async throws {
        let html = Array("<html><head><title>报告</title></head><body><p>一、总则</p><p>朱镕基王堃</p></body></html>".utf8)
        try await withThrowingTaskGroup(of: [String].self) { group in
            for _ in 0..<64 {
                group.addTask {
                    let tree = try HTMLParse(utf8: html).tree
                    return [PageHead(tree: tree).title ?? ""] + BlockBuilder(tree: tree).blocks().map(\.text)
                }
            }
            for try await result in group { #expect(result == ["报告", "一、总则", "朱镕基王堃"]) }
        }
    }
}
