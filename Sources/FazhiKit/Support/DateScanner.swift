/// A calendar date, as the pipeline compares and prints them.
public struct Day: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    /// Creates a date; nil when it is not a real calendar day.
    public init?(year: Int, month: Int, day: Int) {
        guard (1900...2100).contains(year), (1...12).contains(month), day >= 1, day <= Day.daysIn(month: month, year: year) else {
            return nil
        }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD`.
    public init?(iso: String) {
        let parts = iso.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return nil }
        self.init(year: parts[0], month: parts[1], day: parts[2])
    }

    /// `YYYY-MM-DD`.
    public var description: String {
        let m = month < 10 ? "0\(month)" : "\(month)"
        let d = day < 10 ? "0\(day)" : "\(day)"
        return "\(year)-\(m)-\(d)"
    }

    /// Days since 1970-01-01 (proleptic Gregorian).
    public var ordinal: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    /// Whole days from `self` to `other` (positive when `other` is later).
    public func days(to other: Day) -> Int { other.ordinal - ordinal }

    public static func < (a: Day, b: Day) -> Bool { a.ordinal < b.ordinal }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}

/// Finds dates in text: `2021-05-31`, `2021/5/31`, `2021.05.31`, `2021年5月31日`, and dates in
/// Chinese numerals (`二〇二一年五月三十一日`) as written in 落款.
public enum DateScanner {
    /// The first date in `text`, if any.
    public static func firstDate(in text: Substring) -> Day? {
        allDates(in: text, limit: 1).first
    }

    /// The first date in `text`, if any.
    public static func firstDate(in text: String) -> Day? { firstDate(in: text[...]) }

    /// Every date in `text`, in order.
    public static func allDates(in text: Substring, limit: Int = .max) -> [Day] {
        matches(in: text, limit: limit).map(\.day)
    }

    /// `text` with its first date removed (for "某某局2021年3月5日" signature lines).
    public static func removingFirstDate(from text: String) -> String {
        guard let m = matches(in: text[...], limit: 1).first else { return text }
        var scalars = Array(text.unicodeScalars)
        scalars.removeSubrange(m.scalars)
        return String(String.UnicodeScalarView(scalars))
    }

    /// Dates with the scalar offsets they occupy.
    static func matches(in text: Substring, limit: Int) -> [(day: Day, scalars: Range<Int>)] {
        var out: [(day: Day, scalars: Range<Int>)] = []
        let scalars = Array(text.unicodeScalars)
        var i = 0
        while i < scalars.count, out.count < limit {
            if let (day, end) = arabic(scalars, at: i) ?? chinese(scalars, at: i) {
                out.append((day, i..<end))
                i = end
            } else {
                i += 1
            }
        }
        return out
    }

    private static func digit(_ s: Unicode.Scalar) -> Int? {
        switch s.value {
        case 0x30...0x39: return Int(s.value - 0x30)
        case 0xFF10...0xFF19: return Int(s.value - 0xFF10)  // full-width digits
        default: return nil
        }
    }

    private static func number(_ s: [Unicode.Scalar], _ i: inout Int, maxDigits: Int) -> Int? {
        var value = 0
        var count = 0
        while i < s.count, count < maxDigits, let d = digit(s[i]) { value = value * 10 + d; i += 1; count += 1 }
        return count == 0 ? nil : value
    }

    private static func arabic(_ s: [Unicode.Scalar], at start: Int) -> (Day, Int)? {
        if start > 0, digit(s[start - 1]) != nil { return nil }
        var i = start
        guard let year = number(s, &i, maxDigits: 4), i - start == 4, i < s.count else { return nil }
        let sep = s[i]
        let chinese = sep == "年"
        guard chinese || sep == "-" || sep == "/" || sep == "." || sep == "－" || sep == "／" || sep == "．" else { return nil }
        i += 1
        while i < s.count, s[i] == " " { i += 1 }
        guard let month = number(s, &i, maxDigits: 2), i < s.count else { return nil }
        if chinese { guard s[i] == "月" else { return nil } } else { guard s[i] == sep else { return nil } }
        i += 1
        while i < s.count, s[i] == " " { i += 1 }
        guard let day = number(s, &i, maxDigits: 2) else { return nil }
        if i < s.count, digit(s[i]) != nil { return nil }
        if chinese, i < s.count, s[i] == "日" || s[i] == "号" { i += 1 }
        guard let d = Day(year: year, month: month, day: day) else { return nil }
        return (d, i)
    }

    private static let chineseDigits: [Unicode.Scalar: Int] = [
        "〇": 0, "○": 0, "零": 0, "Ｏ": 0, "O": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
    ]

    /// 二〇二一年五月三十一日
    private static func chinese(_ s: [Unicode.Scalar], at start: Int) -> (Day, Int)? {
        var i = start
        var year = 0
        var count = 0
        while i < s.count, count < 4, let d = chineseDigits[s[i]] { year = year * 10 + d; i += 1; count += 1 }
        guard count == 4, i < s.count, s[i] == "年" else { return nil }
        i += 1
        guard let month = smallChinese(s, &i), i < s.count, s[i] == "月" else { return nil }
        i += 1
        guard let day = smallChinese(s, &i), i < s.count, s[i] == "日" else { return nil }
        i += 1
        guard let d = Day(year: year, month: month, day: day) else { return nil }
        return (d, i)
    }

    /// 一 … 三十一
    private static func smallChinese(_ s: [Unicode.Scalar], _ i: inout Int) -> Int? {
        var value = 0
        var seen = false
        if i < s.count, let d = chineseDigits[s[i]], d > 0, i + 1 < s.count, s[i + 1] == "十" {
            value = d * 10; i += 2; seen = true
        } else if i < s.count, s[i] == "十" {
            value = 10; i += 1; seen = true
        }
        if i < s.count, let d = chineseDigits[s[i]], d > 0 { value += d; i += 1; seen = true }
        return seen ? value : nil
    }
}
