/// What a page declares about itself outside its visible text: `<meta>` tags, `<title>`, the
/// canonical link and the "saved from url" comment browsers write.
struct PageHead {
    /// `<meta name=…>` values keyed by lower-case name (first occurrence wins).
    var meta: [String: String] = [:]
    /// The `<title>` text.
    var title: String?
    /// `<link rel="canonical">`.
    var canonical: String?
    /// From `<!-- saved from url=(0087)http://… -->`.
    var savedFrom: String?

    init(tree: HTMLTree) {
        // By index and tag code: a page has a thousand nodes and only a handful matter here.
        for index in tree.nodes.indices {
            switch tree.nodes[index].kind {
            case .element:
                let tag = tree.nodes[index].tag
                guard tag == .meta || tag == .title || tag == .link else { continue }
                switch tag {
                case .meta:
                    guard let key = (tree.attribute(.name, of: index) ?? tree.attribute(.property, of: index))?.asciiLowercased,
                          let content = tree.attribute(.content, of: index) else { continue }
                    if meta[key] == nil { meta[key] = content.trimmingCharacters(in: " \t\r\n\u{3000}\u{A0}") }
                case .title where title == nil:
                    let t = TextNormalizer.normalize(tree.textContent(of: index))
                    if !t.isEmpty { title = t }
                case .link where canonical == nil:
                    if tree.attribute(.rel, of: index)?.asciiLowercased == "canonical", let href = tree.attribute(.href, of: index), !href.isEmpty {
                        canonical = href.trimmingASCIISpaces()
                    }
                default: continue
                }
            case .comment where savedFrom == nil:
                let comment = tree.text(of: index)
                if let range = comment.firstRange(of: "saved from url=") {
                    var rest = comment[range.upperBound...]
                    if rest.first == "(", let close = rest.firstIndex(of: ")") { rest = rest[rest.index(after: close)...] }
                    let url = rest.prefix { !$0.isWhitespace }
                    if !url.isEmpty { savedFrom = String(url) }
                }
            default: continue
            }
        }
    }

    /// A meta value by case-insensitive name, nil when missing or blank.
    func value(_ name: String) -> String? {
        guard let v = meta[name.asciiLowercased], !v.isEmpty else { return nil }
        return v
    }
}
