/// The element names the pipeline tests, as a one-byte code set once per element when the tree is
/// built, so hot loops compare bytes instead of hashing strings. Other names are `.other`.
public enum HTMLTag: UInt8, Sendable, CaseIterable, BitwiseCopyable {
    case other
    // Block-level containers.
    case html, body, p, div, section, article, header, footer, nav, aside, main
    case h1, h2, h3, h4, h5, h6, ul, ol, li, dl, dt, dd
    case table, tbody, thead, tfoot, tr, td, th, caption
    case blockquote, pre, form, fieldset, center, address, figure, figcaption, hr, marquee, title, menu, legend
    // Content that renders no text of the page.
    case head, script, style, noscript, template, select, option, button, input, textarea, iframe, object, embed
    case svg, map, area, audio, video, canvas, img, link, meta, base, frame, frameset, applet, param, source, track
    // Inline elements with a meaning for the pipeline.
    case br, a, b, strong, font, span

    /// Starts a block: a line of text never runs across its boundary.
    public var isBlock: Bool { rawValue >= Self.html.rawValue && rawValue <= Self.legend.rawValue }

    /// Renders none of the page's text (scripts, styles, form controls, embedded objects, `<head>`).
    public var isSkipped: Bool { rawValue >= Self.head.rawValue && rawValue <= Self.track.rawValue }

    /// `h1` … `h6`.
    public var isHeading: Bool { rawValue >= Self.h1.rawValue && rawValue <= Self.h6.rawValue }

    /// The element name (lower case); "other" for `.other`, whose names the tree keeps itself.
    public var name: String { Self.names[Int(rawValue)] }

    private static let names = allCases.map { "\($0)" }
}
