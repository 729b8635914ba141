import Testing
@testable import FazhiKit

/// One pass over a text finds phrases at character starts, for every group at once.
@Suite struct PhraseSetTests {
    let set = PhraseSet(groups: [["当前位置", "您的位置"], ["ICP备", "Copyright"], ["登录"]])

    @Test func groupsReportsEveryGroupThatOccurs() {
        #expect(set.groups(in: "您的位置：首页 > 政务公开") == 0b001)
        #expect(set.groups(in: "版权所有 Copyright 2024 渝ICP备05003300号 用户登录") == 0b110)
        #expect(set.groups(in: "正文第一段。") == 0)
        #expect(set.groups(in: "") == 0)
    }

    @Test func occursAndStartsSeeAllGroups() {
        #expect(set.occurs(in: "请登录"))
        #expect(set.starts("当前位置：首页"))
        #expect(!set.starts("首页 当前位置"))
    }
}
