import Testing
@testable import FazhiKit

/// ``RunNormalizer/block(_:runs:)`` makes a block's text, runs and link count straight from the
/// collapsed bytes; it must say exactly what the runs ``RunNormalizer/normalize(_:runs:)`` returns say.
@Suite struct RunNormalizerTests {
    static let cases: [[TextRun]] = [
        [TextRun(text: "  一、总体情况  ")],
        [TextRun(text: "\u{3000}\u{3000}（一）", bold: true), TextRun(text: "高度重视，切实加强\n法治建设。")],
        [TextRun(text: "附件：", link: false), TextRun(text: "2021年报告.pdf", link: true)],
        [TextRun(text: "   "), TextRun(text: "正文", font: .fangsong), TextRun(text: " \u{A0}")],
        [TextRun(text: "甲"), TextRun(text: "  ", bold: true), TextRun(text: "乙")],
        [TextRun(text: "\u{3000}", link: true), TextRun(text: "\u{2002}")],
        [TextRun(text: "链接𠀀文字", link: true), TextRun(text: "和"), TextRun(text: "第二个链接", link: true)],
    ]

    @Test(arguments: cases.indices)
    func blockAgreesWithTheCleanedRuns(index: Int) {
        let runs = Self.cases[index]
        var raw: [UInt8] = []
        var rawRuns: [RunNormalizer.RawRun] = []
        for run in runs {
            raw.append(contentsOf: run.text.utf8)
            rawRuns.append(RunNormalizer.RawRun(end: raw.count, bold: run.bold, font: run.font, link: run.link))
        }
        var normalizer = RunNormalizer()
        let cleaned = raw.withUnsafeBufferPointer { normalizer.normalize($0, runs: rawRuns) }
        let block = raw.withUnsafeBufferPointer { normalizer.block($0, runs: rawRuns) }
        guard let block else {
            #expect(cleaned.isEmpty)
            return
        }
        #expect(block.text == cleaned.map(\.text).joined())
        let plain = cleaned.count == 1 && !cleaned[0].bold && cleaned[0].font == nil && !cleaned[0].link
        #expect(block.runs == (plain ? [] : cleaned))
        #expect(block.linkScalars == cleaned.filter(\.link).reduce(0) { $0 + $1.text.unicodeScalars.count })
    }

    @Test func whiteSpaceOnlyBlockIsNone() {
        var normalizer = RunNormalizer()
        let raw = Array(" \u{3000}\n".utf8)
        #expect(raw.withUnsafeBufferPointer { normalizer.block($0, runs: [RunNormalizer.RawRun(end: raw.count, bold: true, font: nil, link: false)]) } == nil)
    }
}
