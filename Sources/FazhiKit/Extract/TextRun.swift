/// A stretch of text inside a block with one style: the evidence the outline needs to tell a
/// heading run (bold, 黑体, 楷体) from the body run that follows it in the same paragraph.
public struct TextRun: Sendable, Hashable, Codable {
    /// The run's text, white space collapsed.
    public var text: String
    /// Inside `<b>`, `<strong>`, or `font-weight: bold`.
    public var bold: Bool
    /// The font family class named by `font-family` or `<font face>`, if any.
    public var font: FontClass?
    /// Inside a link.
    public var link: Bool

    /// Creates a run.
    public init(text: String, bold: Bool = false, font: FontClass? = nil, link: Bool = false) {
        self.text = text
        self.bold = bold
        self.font = font
        self.link = link
    }

    /// True when the run carries heading style (bold, 黑体, 楷体, 标宋).
    public var isEmphasised: Bool {
        bold || font == .hei || font == .kai || font == .biaosong
    }
}

/// Font families of official documents (GB/T 9704: 黑体 level 1, 楷体 level 2, 仿宋 body).
public enum FontClass: String, Sendable, Hashable, Codable {
    case hei = "黑体"
    case kai = "楷体"
    case fangsong = "仿宋"
    case song = "宋体"
    case biaosong = "标宋"
    case other

    /// Classifies a CSS `font-family` value or `<font face>`.
    static func classify(_ family: String) -> FontClass? {
        let f = family.trimmingCharacters(in: " \"'")
        if f.isEmpty { return nil }
        if f.contains("标宋") || f.contains("小标宋") { return .biaosong }
        let latin = f.asciiLowercased
        if f.contains("黑") || latin.contains("simhei") || latin.contains("heiti") { return .hei }
        if f.contains("楷") || latin.contains("kaiti") { return .kai }
        if f.contains("仿宋") || latin.contains("fangsong") { return .fangsong }
        if f.contains("宋") || latin.contains("simsun") || latin.contains("songti") { return .song }
        return .other
    }
}

extension String {
    /// ASCII-only lower-casing (cheap, locale-free); the string itself when it has no upper case.
    var asciiLowercased: String {
        guard utf8.contains(where: { $0 >= 0x41 && $0 <= 0x5A }) else { return self }
        return String(decoding: utf8.map { ($0 >= 0x41 && $0 <= 0x5A) ? $0 + 0x20 : $0 }, as: UTF8.self)
    }

    /// The string without leading and trailing scalars from `set` (a handful of spaces and marks).
    func trimmingCharacters(in set: String) -> String {
        let scalars = unicodeScalars
        let trimmed = set.unicodeScalars
        guard let first = scalars.first, let last = scalars.last,
              trimmed.contains(first) || trimmed.contains(last) else { return self }
        guard let start = scalars.firstIndex(where: { !trimmed.contains($0) }) else { return "" }
        let end = scalars.lastIndex(where: { !trimmed.contains($0) })!
        return String(scalars[start...end])
    }
}
