/// A section number at the start of a paragraph: 一、 （一） 1. （1） ① 第一部分.
public struct Marker: Sendable, Hashable, Codable {
    /// The numbering style. Its level in a report is decided by the order styles are first met.
    public enum Style: String, Sendable, Hashable, Codable, CaseIterable {
        /// 一、 一． 一.
        case chinese
        /// （一） (一)
        case chineseParen
        /// 1. 1． 1、
        case arabic
        /// （1） (1)
        case arabicParen
        /// ① ②
        case circled
        /// 第一部分, 第一章
        case part

        /// The rank GB/T 9704-2012 §7.3.3 gives the style (一、=1, （一）=2, 1.=3, （1）=4), for skipped-level checks.
        public var standardRank: Int {
            switch self {
            case .part: return 0
            case .chinese: return 1
            case .chineseParen: return 2
            case .arabic: return 3
            case .arabicParen: return 4
            case .circled: return 5
            }
        }
    }

    /// The style.
    public var style: Style
    /// The number (一 = 1).
    public var ordinal: Int
    /// The marker as printed (`（一）`, `1.`), without surrounding spaces.
    public var text: String

    /// The marker for a path: trailing 、.． removed, brackets half-width (`(一)`, `1`, `一`).
    public var pathComponent: String {
        let scalars = text.unicodeScalars
        var end = scalars.endIndex
        trim: while end > scalars.startIndex {
            let last = scalars.index(before: end)
            switch scalars[last] {
            case "、", ".", "．", "，", ",": end = last
            default: break trim
            }
        }
        var out = String.UnicodeScalarView()
        for c in scalars[..<end] { out.append(c == "（" ? "(" : c == "）" ? ")" : c) }
        return String(out)
    }

    /// Renders `ordinal` in `style` (for restored markers).
    public static func render(_ ordinal: Int, style: Style) -> String {
        switch style {
        case .chinese: return ChineseNumeral.string(ordinal) + "、"
        case .chineseParen: return "（" + ChineseNumeral.string(ordinal) + "）"
        case .arabic: return "\(ordinal)."
        case .arabicParen: return "（\(ordinal)）"
        case .circled: return ordinal >= 1 && ordinal <= 20 ? String(Character(Unicode.Scalar(0x2460 + UInt32(ordinal - 1))!)) : "(\(ordinal))"
        case .part: return "第" + ChineseNumeral.string(ordinal) + "部分"
        }
    }
}

/// Chinese numerals 一 … 九十九 (and 〇/零 inside).
enum ChineseNumeral {
    static let digits: [Character: Int] = ["一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "〇": 0, "零": 0, "两": 2]

    /// The value of a numeral such as 十二 or 二十一; nil for anything else.
    static func value(_ s: Substring) -> Int? {
        guard !s.isEmpty, s.count <= 4 else { return nil }
        if let i = s.firstIndex(of: "十") {
            let tens = s[..<i].isEmpty ? 1 : (s[..<i].count == 1 ? digits[s[..<i].first!] : nil)
            let rest = s[s.index(after: i)...]
            let ones = rest.isEmpty ? 0 : (rest.count == 1 ? digits[rest.first!] : nil)
            guard let tens, let ones, tens > 0 else { return nil }
            return tens * 10 + ones
        }
        guard s.count == 1, let v = digits[s.first!], v > 0 else { return nil }
        return v
    }

    static func string(_ n: Int) -> String {
        let names = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"]
        guard n > 0, n < 100 else { return "\(n)" }
        if n < 10 { return names[n] }
        return (n / 10 == 1 ? "" : names[n / 10]) + "十" + names[n % 10]
    }
}
