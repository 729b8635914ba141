import Testing
@testable import FazhiKit

/// What hides an element and which inline styles a block keeps, as browsers read the attributes.
@Suite struct BlockBuilderTests {
    @Test func styleHidesInAnyCaseAndSpacing() {
        #expect(BlockBuilder.styleHides("display:none"))
        #expect(BlockBuilder.styleHides("COLOR: red; Display : None ;"))
        #expect(BlockBuilder.styleHides("font-size:12px;visibility:\n hidden"))
        #expect(BlockBuilder.styleHides("ddisplay:none"))
        #expect(!BlockBuilder.styleHides("display:block; overflow:hidden"))
        #expect(!BlockBuilder.styleHides("display:inline;none"))
        #expect(!BlockBuilder.styleHides(""))
    }

    @Test func classHidesWholeTokensInAnyCase() {
        #expect(BlockBuilder.classHides("nav hidden"))
        #expect(BlockBuilder.classHides("Hide"))
        #expect(BlockBuilder.classHides("a\tsr-only b"))
        #expect(BlockBuilder.classHides("VISUALLY-HIDDEN"))
        #expect(BlockBuilder.classHides("none"))
        #expect(!BlockBuilder.classHides("hidden-xs"))
        #expect(!BlockBuilder.classHides("unhide"))
        #expect(!BlockBuilder.classHides(""))
    }

    @Test func cssPropertiesMatchWholeNamesInAnyCaseAndLowerCaseTheValues() {
        let word = BlockBuilder.cssProperties("FONT-FAMILY: '黑体', SimHei; font-weight:BOLD;mso-text-align:left")
        #expect(word.family == "黑体', simhei")
        #expect(word.weight == "bold")
        #expect(word.align == nil)
        #expect(BlockBuilder.cssProperties("mso-font-weight:700").weight == nil)
        #expect(BlockBuilder.cssProperties("font-weight:400;FONT-WEIGHT : 700 ").weight == "700")
        #expect(BlockBuilder.cssProperties("{text-align:Center}").align == "center}")
        #expect(BlockBuilder.cssProperties("text-align").align == nil)
        #expect(BlockBuilder.cssProperties("").family == nil)
    }

    @Test func upperCaseStylesSetBoldFontAndAlignment() throws {
        let html = "<p STYLE='TEXT-ALIGN:CENTER'><span style='FONT-WEIGHT:BOLD'>标题</span></p><p style='font-family:黑体'>正文</p>"
        let blocks = BlockBuilder(tree: try HTMLParse(utf8: Array(html.utf8)).tree).blocks()
        #expect(blocks.map(\.align) == ["center", nil])
        #expect(blocks.first?.runs.first?.bold == true)
    }

    /// A block keeps the targets of its links to document files (query and fragment ignored, any
    /// case), entities decoded; links to pages are not kept.
    @Test func documentLinksOnly() throws {
        let html = "<p>附件：<a href='/u/报告.PDF?x=1&amp;y=2'>报告</a> <a href='/list.html'>列表</a> <a href='a.docx#p1'>表</a></p><p><a href='/'>首页</a></p>"
        let blocks = BlockBuilder(tree: try HTMLParse(utf8: Array(html.utf8)).tree).blocks()
        #expect(blocks.map(\.documentLinks) == [["/u/报告.PDF?x=1&y=2", "a.docx#p1"], []])
        #expect(blocks.map(FurnitureClassifier.isAttachmentLine) == [true, false])
    }
}
