import Testing
@testable import FazhiKit

/// Titles lose leading spaces and trailing punctuation, nothing else.
@Suite struct HeadingCleanTests {
    @Test func cleanTrimsSpacesAndTrailingPunctuation() {
        #expect(HeadingSplitter.clean("\u{3000} 加强组织领导。") == "加强组织领导")
        #expect(HeadingSplitter.clean("党政主要负责人履行推进法治建设第一责任人职责情况：") == "党政主要负责人履行推进法治建设第一责任人职责情况")
        #expect(HeadingSplitter.clean("依法行政，") == "依法行政")
        #expect(HeadingSplitter.clean("。；、 ") == "")
        #expect(HeadingSplitter.clean("「标题」") == "「标题」")
    }
}
