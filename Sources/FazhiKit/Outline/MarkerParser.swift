/// Recognises a section marker at the start of a paragraph, and only there: numbers inside
/// sentences, dates (2021年), amounts (1.5万元), references (第一条) and inline enumerations
/// (一是) are not markers.
enum MarkerParser {
    static let chineseNumeralChars: Set<Character> = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "〇", "零"]

    /// The marker at the start of `text` and where the text after it begins.
    static func parse(_ text: Substring) -> (Marker, Substring.Index)? {
        // Most paragraphs start with none of the characters a marker can start with: rule them out
        // on the first scalar before any Character comparison.
        guard let firstScalar = text.unicodeScalars.first, mayStartMarker(firstScalar.value), let first = text.first else { return nil }
        if first == "（" || first == "(" { return paren(text) }
        if chineseNumeralChars.contains(first) { return chinese(text) }
        if first.isASCII && first.isNumber || ("０"..."９").contains(first) { return arabic(text) }
        if let scalar = first.unicodeScalars.first, (0x2460...0x2473).contains(scalar.value) {
            return (Marker(style: .circled, ordinal: Int(scalar.value - 0x2460 + 1), text: String(first)), text.index(after: text.startIndex))
        }
        if first == "第" { return part(text) }
        return nil
    }

    /// ( （ 0-9 ０-９ ①-⑳ 第 and the Chinese numerals: the first scalars of every marker.
    private static func mayStartMarker(_ v: UInt32) -> Bool {
        switch v {
        case 0x28, 0xFF08, 0x30...0x39, 0xFF10...0xFF19, 0x2460...0x2473, 0x7B2C: return true
        case 0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94, 0x516D, 0x4E03, 0x516B, 0x4E5D, 0x5341, 0x3007, 0x96F6: return true  // 一…十〇零
        default: return false
        }
    }

    private static func chinese(_ text: Substring) -> (Marker, Substring.Index)? {
        let numeral = text.prefix { chineseNumeralChars.contains($0) }
        guard let value = ChineseNumeral.value(numeral) else { return nil }
        let after = numeral.endIndex
        guard after < text.endIndex else { return nil }
        let sep = text[after]
        guard sep == "、" || sep == "．" || sep == "." else { return nil }
        let end = text.index(after: after)
        return (Marker(style: .chinese, ordinal: value, text: String(text[text.startIndex..<end])), end)
    }

    private static func paren(_ text: Substring) -> (Marker, Substring.Index)? {
        var i = text.index(after: text.startIndex)
        while i < text.endIndex, text[i] == " " || text[i] == "\u{3000}" { i = text.index(after: i) }
        let inner = text[i...].prefix { chineseNumeralChars.contains($0) || $0.isASCII && $0.isNumber || ("０"..."９").contains($0) }
        guard !inner.isEmpty, inner.endIndex < text.endIndex else { return nil }
        var close = inner.endIndex
        while close < text.endIndex, text[close] == " " || text[close] == "\u{3000}" { close = text.index(after: close) }
        guard close < text.endIndex, text[close] == "）" || text[close] == ")" else { return nil }
        let end = text.index(after: close)
        if let v = ChineseNumeral.value(inner) {
            return (Marker(style: .chineseParen, ordinal: v, text: String(text[text.startIndex..<end])), end)
        }
        if let v = arabicValue(inner), v >= 1, v <= 60 {
            return (Marker(style: .arabicParen, ordinal: v, text: String(text[text.startIndex..<end])), end)
        }
        return nil
    }

    private static func arabic(_ text: Substring) -> (Marker, Substring.Index)? {
        let digits = text.prefix { $0.isASCII && $0.isNumber || ("０"..."９").contains($0) }
        guard let value = arabicValue(digits), value >= 1, value <= 60, digits.endIndex < text.endIndex else { return nil }
        let sep = text[digits.endIndex]
        guard sep == "." || sep == "．" || sep == "、" else { return nil }
        let end = text.index(after: digits.endIndex)
        // "1.5万元", "2.3%": a digit after the dot makes it a number, not a marker.
        if end < text.endIndex, text[end].isNumber { return nil }
        guard end < text.endIndex else { return nil }
        return (Marker(style: .arabic, ordinal: value, text: String(text[text.startIndex..<end])), end)
    }

    private static func part(_ text: Substring) -> (Marker, Substring.Index)? {
        let rest = text.dropFirst()
        let numeral = rest.prefix { chineseNumeralChars.contains($0) }
        guard let value = ChineseNumeral.value(numeral) else { return nil }
        let tail = rest[numeral.endIndex...]
        for unit in ["部分", "章", "篇"] where tail.hasPrefix(unit) {
            let end = tail.index(tail.startIndex, offsetBy: unit.count)
            return (Marker(style: .part, ordinal: value, text: String(text[text.startIndex..<end])), end)
        }
        return nil
    }

    static func arabicValue(_ s: Substring) -> Int? {
        guard !s.isEmpty, s.count <= 3 else { return nil }
        var v = 0
        for c in s {
            if let d = c.wholeNumberValue { v = v * 10 + d } else { return nil }
        }
        return v
    }
}
