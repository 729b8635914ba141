/// Splits a heading paragraph into its title and the body that runs on after it, using markup
/// first (where the bold/黑体/楷体 run ends) and punctuation second (the first 。！？；).
enum HeadingSplitter {
    /// Title, run-on body (nil when the paragraph is all heading) and the evidence used.
    /// - parameter markerLength: characters of the block text taken by the marker.
    static func split(runs: [TextRun], text: String, markerLength: Int) -> (title: String, body: String?, how: Section.TitleSplit) {
        // Offsets are in Unicode scalars (cheap to count; the same as characters for this text).
        let scalars = text.unicodeScalars
        let start = scalars.index(scalars.startIndex, offsetBy: markerLength, limitedBy: scalars.endIndex) ?? scalars.endIndex
        var afterMarker: String { String(scalars[start...]) }
        if let cut = markupBoundary(runs: runs, markerLength: markerLength) {
            guard let cutIndex = scalars.index(scalars.startIndex, offsetBy: cut, limitedBy: scalars.endIndex), cutIndex < scalars.endIndex else {
                return (clean(afterMarker), nil, .wholeParagraph)
            }
            let title = clean(String(scalars[start..<cutIndex]))
            let body = String(scalars[cutIndex...]).trimmingCharacters(in: " \u{3000}")
            if !title.isEmpty, !body.isEmpty { return (title, body, .markup) }
        }
        let rest = scalars[start...]
        if let k = rest.firstIndex(where: isSentenceEnd) {
            let title = clean(String(rest[..<k]))
            let body = String(rest[rest.index(after: k)...]).trimmingCharacters(in: " \u{3000}")
            if body.isEmpty { return (title, nil, .wholeParagraph) }
            return (title, body, .punctuation)
        }
        return (clean(afterMarker), nil, .wholeParagraph)
    }

    /// 。！？；;!? (a switch, not a set: it runs on every scalar of a heading paragraph).
    static func isSentenceEnd(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case "。", "！", "？", "；", ";", "!", "?": return true
        default: return false
        }
    }

    /// The character offset where the leading heading-styled runs end, when the runs show one:
    /// runs that are emphasised (or hold only marker characters) from the start, with at least one
    /// emphasised run carrying text past the marker.
    static func markupBoundary(runs: [TextRun], markerLength: Int) -> Int? {
        guard runs.count > 1 else { return runs.first?.isEmphasised == true ? Int.max : nil }
        var offset = 0
        var sawTitleEmphasis = false
        for run in runs {
            let length = run.text.scalarCount
            let end = offset + length
            if run.isEmphasised {
                if end > markerLength { sawTitleEmphasis = true }
            } else if end <= markerLength || isMarkerOnly(run.text) {
                // Neutral: part of the marker, or a stray "（" in a run of its own.
            } else {
                return sawTitleEmphasis ? max(offset, markerLength) : nil
            }
            offset = end
        }
        return sawTitleEmphasis ? Int.max : nil
    }

    /// Only marker characters: brackets, 、 and dots, Chinese numerals, digits and spaces.
    private static func isMarkerOnly(_ s: String) -> Bool {
        s.unicodeScalars.allSatisfy { c in
            switch c {
            case "（", "）", "(", ")", "、", ".", "．", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", " ", "\u{3000}": return true
            default: return c.properties.numericType != nil
            }
        }
    }

    /// The title without leading spaces and trailing punctuation (。；：;:，, 、 and spaces).
    static func clean(_ s: String) -> String {
        let scalars = s.unicodeScalars
        var start = scalars.startIndex
        var end = scalars.endIndex
        while start < end, scalars[start] == " " || scalars[start] == "\u{3000}" { start = scalars.index(after: start) }
        while start < end {
            let last = scalars.index(before: end)
            switch scalars[last] {
            case "。", "；", "：", ";", ":", "，", ",", " ", "\u{3000}", "、": end = last
            default: return start == scalars.startIndex && end == scalars.endIndex ? s : String(scalars[start..<end])
            }
        }
        return ""
    }
}

/// Inline enumerations inside a paragraph: 一是…二是…, 第一，…第二，….
enum InlineItems {
    /// The items when at least two numbered ones follow in order; empty otherwise.
    static func items(in text: String) -> [String] {
        // Most paragraphs have none: rule them out with three byte searches.
        guard text.contains("一是") || text.contains("第一，") || text.contains("第一,") else { return [] }
        for (prefix, suffix) in [("", "是"), ("第", "，"), ("第", ",")] {
            var cuts: [String.Index] = []
            var n = 1
            var search = text.startIndex
            while let r = text[search...].firstRange(of: prefix + ChineseNumeral.string(n) + suffix) {
                cuts.append(r.lowerBound)
                search = r.upperBound
                n += 1
            }
            guard cuts.count >= 2 else { continue }
            var items: [String] = []
            for (i, start) in cuts.enumerated() {
                let end = i + 1 < cuts.count ? cuts[i + 1] : text.endIndex
                var item = Substring(text[start..<end])
                while let l = item.last, "；;，, \u{3000}".contains(l) { item = item.dropLast() }
                items.append(String(item))
            }
            return items
        }
        return []
    }
}
