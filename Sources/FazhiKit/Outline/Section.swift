/// One numbered section of a report, with its sub-sections.
public struct Section: Sendable, Hashable, Codable {
    /// How a heading's title was told from the body that runs on in the same paragraph.
    public enum TitleSplit: String, Sendable, Hashable, Codable {
        /// The heading is a paragraph of its own.
        case wholeParagraph = "whole-paragraph"
        /// The styled run (bold, 黑体, 楷体) ended where the body run began.
        case markup
        /// No markup difference: the title ends at the first 。！？；.
        case punctuation
    }

    /// 1 for the first marker style met in the report, 2 for the next, ….
    public var level: Int
    /// The marker as printed; for a repaired marker, the restored one.
    public var marker: String
    /// The marker's style.
    public var style: Marker.Style
    /// The marker's number.
    public var ordinal: Int
    /// The heading text after the marker, without trailing punctuation.
    public var title: String
    /// How the title was split from a run-on body.
    public var titleSplit: TitleSplit
    /// The body paragraphs (a run-on body first), tables as rows joined by spaces.
    public var body: [String]
    /// Inline enumeration items (一是…；二是…) found in the body.
    public var items: [String]
    /// Tables inside the section, as rows of cells.
    public var tables: [[[String]]]
    /// True when the marker's numeral was lost and fazhi restored it from the sequence.
    public var repaired: Bool
    /// The path of markers from level 1 (`一.(一)`).
    public var path: String
    /// Sub-sections.
    public var children: [Section]

    /// The section's own text: title, body and items (not the children's).
    public var ownText: String { ([title] + body).joined(separator: "\n") }

    /// All text of the section and its descendants.
    public var fullText: String { ([ownText] + children.map(\.fullText)).joined(separator: "\n") }

    /// Body text of the section and its descendants, headings excluded.
    public var bodyText: String { (body + children.map(\.bodyText)).joined(separator: "\n") }

    /// This section and every descendant, depth first.
    public var flattened: [Section] {
        var out: [Section] = []
        appendFlattened(to: &out)
        return out
    }

    /// Appends this section and its descendants to `out`, each copied once (a recursive concatenation
    /// would copy a section once per level above it).
    func appendFlattened(to out: inout [Section]) {
        out.append(self)
        for i in children.indices { children[i].appendFlattened(to: &out) }
    }
}

/// The 落款 of a report: issuing body and date.
public struct Signature: Sendable, Hashable, Codable {
    /// The issuing body, as printed.
    public var issuer: String?
    /// `YYYY-MM-DD`.
    public var date: String?
}

/// A problem in a report's numbering, with where it is.
public struct OutlineDiagnostic: Sendable, Hashable, Codable {
    /// `gap`, `duplicate`, `restart`, `unexpected-start`, `orphan`, `skipped-level`, `repaired`.
    public var code: String
    /// What is wrong, in words.
    public var message: String
    /// The section path where it was found.
    public var path: String
}

/// A report cut into its numbered sections, as a careful reader sees it.
public struct Outline: Sendable, Hashable, Codable {
    /// The report's title.
    public var title: String?
    /// The 主送机关 without its colon (`区政府`).
    public var addressee: String?
    /// Paragraphs before the first heading (addressee excluded).
    public var preamble: [String]
    /// The level-1 sections (and orphans of deeper levels, in order).
    public var sections: [Section]
    /// The 落款.
    public var signature: Signature?
    /// 附件 lines.
    public var attachmentLines: [String]
    /// Numbering faults.
    public var diagnostics: [OutlineDiagnostic]

    /// Every section, depth first.
    public var allSections: [Section] {
        var out: [Section] = []
        for i in sections.indices { sections[i].appendFlattened(to: &out) }
        return out
    }
}
