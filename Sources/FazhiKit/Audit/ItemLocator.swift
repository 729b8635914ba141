/// Finds a profile's items in an outline: in headings first (top-level before deeper), then in
/// unheaded paragraphs, then anywhere in body text, as the item's word groups allow.
struct ItemLocator {
    let outline: Outline
    /// The report year N (for `{next}` = N+1, `{year}` = N).
    let year: Int?
    /// Every section, depth first (flattened once, not once per item).
    let sections: [Section]

    init(outline: Outline, year: Int?) {
        self.outline = outline
        self.year = year
        sections = outline.allSections
    }

    struct Found {
        var verdict: ItemVerdict
        /// The paragraph the item was found in, when it is not a section.
        var paragraph = ""
        /// Its section, when it is one.
        var section: Section?
        /// The item's text for content checks (heading, body and sub-sections; or the paragraph),
        /// joined only when a check asks for it.
        var text: String { section?.fullText ?? paragraph }
        /// Body text without headings.
        var bodyText: String { section?.bodyText ?? paragraph }
    }

    func locate(_ item: Profile.Item) -> Found {
        let headingGroups = expand(item.heading)
        if !headingGroups.isEmpty {
            // Top-level sections first, then deeper ones, each in document order (by index: no copies).
            for topLevel in [true, false] {
                for i in sections.indices where (sections[i].level == 1) == topLevel
                    && (item.headingLevel == nil || sections[i].level == item.headingLevel)
                    && Self.matches(sections[i].title, headingGroups) {
                    let s = sections[i]
                    return Found(verdict: ItemVerdict(id: item.id, name: item.name, present: true, section: s.path, inline: false,
                                                      recognisedBy: "heading", quote: s.marker + s.title), section: s)
                }
            }
        }
        let paragraphGroups = expand(item.paragraph)
        if !paragraphGroups.isEmpty {
            for (paragraph, _) in unheadedParagraphs() where Self.matches(String(paragraph.prefix(40)), paragraphGroups) {
                return Found(verdict: ItemVerdict(id: item.id, name: item.name, present: true, section: nil, inline: true,
                                                  recognisedBy: "paragraph", quote: Self.quote(paragraph)),
                             paragraph: paragraph)
            }
        }
        let bodyGroups = expand(item.body)
        if !bodyGroups.isEmpty {
            for (paragraph, path) in allParagraphs() where Self.matches(paragraph, bodyGroups) {
                return Found(verdict: ItemVerdict(id: item.id, name: item.name, present: true, section: path, inline: true,
                                                  recognisedBy: "body", quote: Self.quote(paragraph, around: bodyGroups.first?.first)),
                             paragraph: paragraph)
            }
        }
        return Found(verdict: ItemVerdict(id: item.id, name: item.name, present: false, section: nil, inline: false,
                                          recognisedBy: nil, quote: nil))
    }

    /// Paragraphs that are not a heading's run-on body, with their section path.
    private func unheadedParagraphs() -> [(String, String?)] {
        var out = outline.preamble.map { ($0, String?.none) }
        for s in sections {
            let runOn = s.titleSplit != .wholeParagraph && !s.body.isEmpty
            out += s.body.dropFirst(runOn ? 1 : 0).map { ($0, s.path) }
        }
        return out
    }

    /// Every paragraph in document order with its section path (nil: preamble).
    private func allParagraphs() -> [(String, String?)] {
        outline.preamble.map { ($0, String?.none) } + sections.flatMap { s in s.body.map { ($0, s.path) } }
    }

    private func expand(_ groups: [[String]]) -> [[String]] {
        groups.map { group in
            group.compactMap { word in
                if word.contains("{next}") { return year.map { word.replacingOccurrences(of: "{next}", with: String($0 + 1)) } }
                if word.contains("{year}") { return year.map { word.replacingOccurrences(of: "{year}", with: String($0)) } }
                return word
            }
        }
    }

    /// True when `text` has a word of every group.
    static func matches(_ text: String, _ groups: [[String]]) -> Bool {
        !groups.isEmpty && groups.allSatisfy { group in group.contains(where: text.contains) }
    }

    /// A short quote of `text`, centred on `word` when given.
    static func quote(_ text: String, around word: String? = nil) -> String {
        // Up to 60 characters: the text itself (counted only as far as needed: texts run long).
        guard text.utf8.count > 60, let cut = text.index(text.startIndex, offsetBy: 60, limitedBy: text.endIndex),
              cut < text.endIndex else { return text }
        if let word, let r = text.range(of: word) {
            let center = text.distance(from: text.startIndex, to: r.lowerBound)
            let start = max(0, center - 25)
            let from = text.index(text.startIndex, offsetBy: start)
            let to = text.index(from, offsetBy: 60, limitedBy: text.endIndex) ?? text.endIndex
            return (start > 0 ? "…" : "") + String(text[from..<to]) + (to < text.endIndex ? "…" : "")
        }
        return String(text[..<cut]) + "…"
    }
}

extension String {
    /// The range of the first occurrence of `other`.
    func range(of other: String) -> Range<String.Index>? { firstRange(of: other) }
}
