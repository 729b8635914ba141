/// Assembles an article's metadata from the page's meta tags, detail-field box, info line,
/// breadcrumb, footer and address, keeping every date with its source.
struct MetadataReader {
    let tree: HTMLTree
    let blocks: [Block]
    let furniture: [Furniture?]
    let head: PageHead
    let details: [DetailFieldReader.Field: String]
    let titleRange: ClosedRange<Int>?
    let headTitle: String?
    let location: String?

    func read() -> Metadata {
        var m = Metadata()
        let info = infoLine()

        // Title: the visible heading, else ArticleTitle, else <title> minus the site suffix.
        let visibleTitle = titleRange.map { r in r.map { blocks[$0].text }.joined() }
        m.title = visibleTitle ?? head.value("ArticleTitle") ?? headTitle
        var titles: [String: String] = [:]
        if let v = visibleTitle { titles["visible"] = v }
        if let v = head.value("ArticleTitle") { titles["articleTitleMeta"] = v }
        if let v = headTitle { titles["titleElement"] = v }
        if Set(titles.values.map(TitleFinder.compact)).count > 1 { m.disagreements.append(Disagreement(field: "title", values: titles)) }

        // Address: canonical, absolute Url meta, the browser's saved-from comment, the container's location.
        let urlMeta = head.value("Url").flatMap { $0.hasPrefix("http") ? $0 : nil }
        m.url = head.canonical ?? urlMeta ?? head.savedFrom ?? location

        // Dates, each with its source.
        let visibleDate = details[.publishedDate].flatMap(DateScanner.firstDate) ?? info.date
        let metaDate = (head.value("PubDate") ?? head.value("pubdate") ?? head.value("publishdate") ?? head.value("firstpublishedtime"))
            .flatMap(DateScanner.firstDate)
        let urlDate = [m.url, head.savedFrom, location, head.value("Url")].compactMap { $0 }.lazy.compactMap(Self.urlDate).first
        let written = details[.writtenDate].flatMap(DateScanner.firstDate)
        if let d = visibleDate { m.dates.append(DatedSource(source: "visible", date: d.description)) }
        if let d = metaDate { m.dates.append(DatedSource(source: "pubDateMeta", date: d.description)) }
        if let d = urlDate { m.dates.append(DatedSource(source: "urlToken", date: d.description)) }
        if let d = written { m.dates.append(DatedSource(source: "writtenDate", date: d.description)) }
        m.publishedDate = (visibleDate ?? metaDate ?? urlDate)?.description
        m.writtenDate = written?.description
        let published = m.dates.filter { $0.source != "writtenDate" }
        if Set(published.map(\.date)).count > 1 {
            m.disagreements.append(Disagreement(field: "publishedDate", values: Dictionary(published.map { ($0.source, $0.date) }, uniquingKeysWith: { a, _ in a })))
        }

        // Publisher: the visible field, else ContentSource.
        let visiblePublisher = details[.publisher] ?? details[.source] ?? info.source
        m.publisher = visiblePublisher ?? head.value("ContentSource")
        if let v = visiblePublisher, let c = head.value("ContentSource"), TitleFinder.compact(v) != TitleFinder.compact(c) {
            m.disagreements.append(Disagreement(field: "publisher", values: ["visible": v, "contentSourceMeta": c]))
        }

        m.indexNumber = details[.indexNumber]
        m.documentNumber = details[.documentNumber].flatMap { Self.isBlankValue($0) ? nil : $0 }
        m.breadcrumb = breadcrumb()
        m.column = head.value("ColumnName") ?? m.breadcrumb.last
        m.siteName = head.value("SiteName") ?? siteNameFromTitle(visibleTitle ?? headTitle)
        m.siteCode = head.value("SiteIDCode") ?? footerSiteCode()
        m.keywords = (head.value("Keywords") ?? head.value("keywords") ?? "")
            .split(whereSeparator: { ",，;；、 \u{3000}".contains($0) }).map(String.init).filter { !$0.isEmpty }
        return m
    }

    static func isBlankValue(_ v: String) -> Bool {
        let c = TitleFinder.compact(v)
        return c.isEmpty || c == "无" || c == "-" || c == "—" || c == "/"
    }

    /// The date and source printed in the article's info line (发布时间：… 来源：…).
    private func infoLine() -> (date: Day?, source: String?) {
        var date: Day?
        var source: String?
        for (i, f) in furniture.enumerated() where f == .infoLine || f == .detailField {
            let text = blocks[i].text
            if date == nil {
                for marker in ["发布时间", "发布日期", "日期", "时间", "更新时间"] {
                    if let r = text.firstRange(of: marker), let d = DateScanner.firstDate(in: text[r.upperBound...]) { date = d; break }
                }
            }
            if source == nil {
                for marker in ["信息来源", "文章来源", "来源"] {
                    guard let r = text.firstRange(of: marker) else { continue }
                    var rest = text[r.upperBound...]
                    while let c = rest.first, c == "：" || c == ":" || c == " " || c == "\u{3000}" { rest = rest.dropFirst() }
                    let value = rest.prefix { !($0 == " " || $0 == "\u{3000}" || $0 == "\u{A0}" || $0 == "|" || $0 == "｜" || $0 == "【" || $0 == "[") }
                    var v = String(value)
                    for m in FurnitureClassifier.infoMarkers { if let cut = v.firstRange(of: m) { v = String(v[..<cut.lowerBound]) } }
                    if !v.isEmpty, !Self.isBlankValue(v) { source = v }
                    break
                }
            }
        }
        return (date, source)
    }

    /// The items of the breadcrumb, home first.
    private func breadcrumb() -> [String] {
        guard let i = furniture.firstIndex(of: .breadcrumb) else { return [] }
        var text = blocks[i].text
        for marker in ["位置：", "位置:", "位置 :", "位置"] {
            if let r = text.firstRange(of: marker) { text = String(text[r.upperBound...]); break }
        }
        let items = text.split(whereSeparator: { c in
            switch c {
            case ">", "»", "＞", "→", "›", "/": return true
            default: return false
            }
        })
            .map { TextNormalizer.normalize(String($0)).trimmingCharacters(in: "-—:： ") }
            .filter { !$0.isEmpty }
        let generic: Set<String> = ["正文", "详情", "内容", "文章", "详细内容", "浏览文章", "信息详情", "文章详情"]
        var result = items
        while let last = result.last, generic.contains(last) { result.removeLast() }
        return result
    }

    /// `<title>` minus the report title and its separator.
    private func siteNameFromTitle(_ title: String?) -> String? {
        guard let full = head.title, let title else { return nil }
        let fullCompact = full
        guard let r = fullCompact.firstRange(of: title) ?? headTitle.flatMap({ fullCompact.firstRange(of: $0) }) else { return nil }
        let rest = String(fullCompact[r.upperBound...]).trimmingCharacters(in: " _|｜-—－\u{3000}")
        return rest.isEmpty ? nil : rest
    }

    /// The 网站标识码 printed in the footer.
    private func footerSiteCode() -> String? {
        for i in blocks.indices {
            guard let r = blocks[i].text.firstRange(of: "标识码") else { continue }
            var rest = blocks[i].text[r.upperBound...]
            while let c = rest.first, c == "：" || c == ":" || c == " " || c == "\u{3000}" { rest = rest.dropFirst() }
            let code = rest.prefix { $0.isASCII && ($0.isLetter || $0.isNumber) }
            if code.count >= 6 { return String(code) }
        }
        return nil
    }

    /// The date in a portal address: `/202203/t20220326_123.html` or Hanweb's `/art/2023/3/28/`.
    static func urlDate(_ url: String) -> Day? {
        let s = Array(url.utf8)
        func digits(_ from: Int, _ count: Int) -> Int? {
            guard from + count <= s.count else { return nil }
            var v = 0
            for k in from..<(from + count) { guard s[k] >= 0x30 && s[k] <= 0x39 else { return nil }; v = v * 10 + Int(s[k] - 0x30) }
            return v
        }
        var i = 0
        while i + 10 < s.count {
            if s[i] == UInt8(ascii: "/"), s[i + 1] == UInt8(ascii: "t"), let v = digits(i + 2, 8), i + 10 < s.count, s[i + 10] == UInt8(ascii: "_") {
                if let d = Day(year: v / 10000, month: v / 100 % 100, day: v % 100) { return d }
            }
            i += 1
        }
        if let r = url.firstRange(of: "/art/") {
            let parts = url[r.upperBound...].split(separator: "/").prefix(3).compactMap { Int($0) }
            if parts.count == 3, let d = Day(year: parts[0], month: parts[1], day: parts[2]) { return d }
        }
        return nil
    }
}
