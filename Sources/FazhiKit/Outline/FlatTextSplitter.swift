/// Recovers paragraphs from flattened text ("…如下：一、2022年主要工作（一）基本情况…二、存在的不足…"),
/// as archived copies and text dumps carry it: cuts before each 一、二、… that follows a sentence end,
/// and before each （一）（二）… inside the level-1 parts, only where the numerals run in sequence.
enum FlatTextSplitter {
    static let boundaries: Set<Character> = ["。", "：", ":", "；", ";", "！", "？", "!", "?"]

    /// The blocks with flattened paragraphs cut at their markers; nil when no paragraph holds at
    /// least two level-1 markers in sequence.
    static func split(_ blocks: [Block]) -> [Block]? {
        var changed = false
        var out: [Block] = []
        for block in blocks {
            guard block.kind != .table, let pieces = pieces(block.text) else { out.append(block); continue }
            changed = true
            for piece in pieces {
                var b = block
                b.text = piece
                b.runs = [TextRun(text: piece)]
                out.append(b)
            }
        }
        return changed ? out : nil
    }

    static func pieces(_ text: String) -> [String]? {
        // Cheap test first: without 一、 and 二、 nothing is cut (most paragraphs).
        guard text.contains("二、"), text.contains("一、") else { return nil }
        let chars = Array(text)
        var cuts: [Int] = []
        var nextTop = 1
        var nextSub = 1
        // The markers looked for next, as characters (rebuilt only when a counter moves).
        var top = Array(ChineseNumeral.string(nextTop) + "、")
        func subMarkers(_ n: Int) -> [[Character]] { [Array("（" + ChineseNumeral.string(n) + "）"), Array("(" + ChineseNumeral.string(n) + ")")] }
        var subs = subMarkers(nextSub)
        var i = 0
        while i < chars.count {
            if matches(chars, at: i, top), i == 0 || boundaries.contains(chars[i - 1]) {
                if i > 0 { cuts.append(i) }
                nextTop += 1
                nextSub = 1
                i += top.count
                top = Array(ChineseNumeral.string(nextTop) + "、")
                subs = subMarkers(nextSub)
                continue
            }
            if nextTop > 1 {
                for sub in subs where matches(chars, at: i, sub) {
                    cuts.append(i)
                    nextSub += 1
                    i += sub.count - 1
                    subs = subMarkers(nextSub)
                    break
                }
            }
            i += 1
        }
        guard nextTop > 2 else { return nil }  // at least 一、 and 二、
        var pieces: [String] = []
        var start = 0
        for c in cuts {
            pieces.append(String(chars[start..<c]))
            start = c
        }
        pieces.append(String(chars[start...]))
        pieces = pieces.flatMap(cutLevelOneTitle)
        if let last = pieces.popLast() { pieces += cutSignature(last) }
        return pieces.filter { !$0.isEmpty }
    }

    /// Words level-1 headings of these reports end with (…情况, …原因, …打算).
    static let headingEndings = ["情况", "原因", "成效", "打算", "安排", "计划", "思路", "问题", "不足", "差距", "做法", "举措", "要点", "工作"]

    /// "二、存在的不足和原因对照纲要要求，…": a level-1 title with no punctuation after it ends at the
    /// last heading word before the first comma.
    static func cutLevelOneTitle(_ piece: String) -> [String] {
        guard let (marker, end) = MarkerParser.parse(piece[...]), marker.style == .chinese else { return [piece] }
        let rest = piece[end...]
        let window = rest.prefix { !"，,：:。；;".contains($0) }.prefix(30)
        if window.count == rest.count || rest.dropFirst(window.count).first.map({ "。；;".contains($0) }) == true { return [piece] }
        var best: Substring.Index?
        for word in headingEndings {
            var search = window.startIndex
            while let r = window[search...].firstRange(of: word) { best = max(best ?? r.upperBound, r.upperBound); search = r.upperBound }
        }
        guard let cut = best, cut < rest.endIndex else { return [piece] }
        return [String(piece[..<cut]), String(piece[cut...])]
    }

    /// "…基层。清禾县人民政府2023年3月28日": the 落款 glued to the end becomes lines of its own.
    static func cutSignature(_ piece: String) -> [String] {
        guard let lastStop = piece.lastIndex(where: { "。；;！？".contains($0) }) else { return [piece] }
        let tail = String(piece[piece.index(after: lastStop)...])
        guard !tail.isEmpty, tail.count <= 50, DateScanner.firstDate(in: tail) != nil else { return [piece] }
        let issuer = DateScanner.removingFirstDate(from: tail)
        let date = String(tail.dropFirst(issuer.count))
        let body = String(piece[...lastStop])
        guard !issuer.isEmpty, tail.hasPrefix(issuer) else { return [body, tail] }
        return [body, issuer, date]
    }

    private static func matches(_ chars: [Character], at i: Int, _ p: [Character]) -> Bool {
        guard i + p.count <= chars.count, chars[i] == p[0] else { return false }
        return chars[i..<(i + p.count)].elementsEqual(p)
    }
}
