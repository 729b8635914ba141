import Testing

/// The Corpus score itself must discriminate, or the accuracy gate proves nothing.
@Suite struct BigramScoreTests {
    @Test func identicalTextScoresOne() {
        #expect(BigramScore(extracted: "一、总体情况\n全年办理案件23件。", gold: "一、总体情况 全年办理案件23件。").f1 == 1)
    }

    @Test func disjointTextScoresZero() {
        #expect(BigramScore(extracted: "首页 政务公开", gold: "法治政府建设").f1 == 0)
    }

    @Test func missingHalfLowersRecallOnly() {
        let s = BigramScore(extracted: "甲乙丙丁", gold: "甲乙丙丁戊己庚辛")
        #expect(s.precision == 1)
        #expect(abs(s.recall - 3.0 / 7.0) < 1e-9)
    }

    @Test func boilerplateLowersPrecision() {
        let s = BigramScore(extracted: "您当前的位置首页报告正文", gold: "报告正文")
        #expect(s.recall == 1)
        #expect(s.precision < 0.5)
    }

    @Test func fullWidthAndHalfWidthAreEqualAfterNFKC() {
        #expect(BigramScore(extracted: "（一）２０２１年", gold: "(一)2021年").f1 == 1)
    }
}
