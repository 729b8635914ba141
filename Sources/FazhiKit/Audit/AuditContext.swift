/// The state of one audit: the facts established so far and the findings, with one method per
/// built-in check.
struct AuditContext {
    let article: Article
    let outline: Outline
    let profile: Profile
    let reportTitle: String
    let year: Int?
    let published: Day?
    private(set) var findings: [Finding] = []
    private(set) var facts: AuditReport.ReportFacts
    private var located: [String: ItemLocator.Found] = [:]

    init(article: Article, outline: Outline, profile: Profile, reportTitle: String) {
        self.article = article
        self.outline = outline
        self.profile = profile
        self.reportTitle = reportTitle
        year = Self.reportYear(reportTitle)
        published = article.metadata.publishedDate.flatMap(Day.init(iso:))
        facts = AuditReport.ReportFacts(year: year, publishedDate: published?.description, deadline: nil, daysLate: nil)
        let locator = ItemLocator(outline: outline, year: year)
        for item in profile.items { located[item.id] = locator.locate(item) }
    }

    /// The first four-digit year followed by 年 in the title.
    static func reportYear(_ title: String) -> Int? {
        let chars = Array(title)
        var i = 0
        while i + 4 < chars.count {
            if (i == 0 || !chars[i - 1].isNumber), chars[i...(i + 3)].allSatisfy({ $0.isASCII && $0.isNumber }), chars[i + 4] == "年",
               let y = Int(String(chars[i...(i + 3)])), (1990...2100).contains(y) {
                return y
            }
            i += 1
        }
        return nil
    }

    func found(_ id: String) -> ItemLocator.Found {
        located[id] ?? ItemLocator.Found(verdict: ItemVerdict(id: id, name: id, present: false, section: nil, inline: false))
    }

    /// `C1|C2|C4`: the present items in the order they appear.
    var structure: String {
        let order = outline.allSections.map(\.path) + [""]
        let present = profile.items.compactMap { item -> (String, Int)? in
            let v = found(item.id).verdict
            guard v.present else { return nil }
            return (item.id, v.section.flatMap { order.firstIndex(of: $0) } ?? Int.max)
        }
        return present.sorted { $0.1 < $1.1 }.map(\.0).joined(separator: "|")
    }

    mutating func run(_ rule: Profile.Rule) {
        switch rule.check {
        case "title-year": if year == nil { emit(rule, quote: reportTitle) }
        case "year-before-publication": yearBeforePublication(rule)
        case "publication-date-found": if published == nil { emit(rule) }
        case "deadline": deadline(rule)
        case "dates-agree": datesAgree(rule)
        case "dedicated-column": dedicatedColumn(rule)
        case "item-present": itemPresent(rule)
        case "item-mentions": itemMentions(rule)
        case "item-year": itemYear(rule)
        case "item-order": itemOrder(rule)
        case "numbering": numbering(rule)
        case "signature": if outline.signature?.issuer == nil || outline.signature?.date == nil { emit(rule) }
        case "addressee": if outline.addressee == nil { emit(rule) }
        case "figures": figures(rule)
        case "item-length": itemLength(rule)
        default: break
        }
    }

    // MARK: - Emitting

    mutating func emit(_ rule: Profile.Rule, severity: Severity? = nil, message: String? = nil, gloss: String? = nil, values: [String: String] = [:],
                       section: String? = nil, quote: String? = nil, dates: [String: String]? = nil) {
        func fill(_ text: String) -> String {
            var t = text
            for (k, v) in values { t = t.replacingOccurrences(of: "{\(k)}", with: v) }
            return t
        }
        findings.append(Finding(rule: rule.id, severity: severity ?? rule.severity, message: fill(message ?? rule.message),
                                gloss: fill(gloss ?? rule.gloss), evidence: .init(section: section, quote: quote, dates: dates), basis: rule.basis))
    }

    // MARK: - Identity and time

    mutating func yearBeforePublication(_ rule: Profile.Rule) {
        guard let year, let published, published.year != year + 1 else { return }
        emit(rule, values: ["year": String(year), "published": published.description], quote: reportTitle,
             dates: ["published": published.description])
    }

    mutating func deadline(_ rule: Profile.Rule) {
        guard let year, let published else { return }
        if let from = rule.params["from-year"]?.int, year < from { return }
        if let to = rule.params["to-year"]?.int, year > to { return }
        var month = rule.params["month"]?.int ?? 3
        var day = rule.params["day"]?.int ?? 31
        if let words = rule.params["government-words"]?.list {
            let who = (article.metadata.publisher ?? "") + reportTitle + (outline.signature?.issuer ?? "")
            if words.contains(where: who.contains) {
                month = rule.params["government-month"]?.int ?? month
                day = rule.params["government-day"]?.int ?? day
            }
        }
        guard let due = Day(year: year + 1, month: month, day: day) else { return }
        let late = due.days(to: published)
        facts.deadline = due.description
        facts.daysLate = max(0, late)
        guard late > 0 else { return }
        let borderline = rule.params["borderline-days"]?.int ?? 0
        let severity = late <= borderline ? Severity(rawValue: rule.params["borderline-severity"]?.string ?? "") ?? .warning : rule.severity
        emit(rule, severity: severity, values: ["published": published.description, "deadline": due.description, "days": String(late)],
             dates: ["published": published.description, "deadline": due.description])
    }

    mutating func datesAgree(_ rule: Profile.Rule) {
        var dates: [String: Day] = [:]
        for d in article.metadata.dates where d.source != "writtenDate" {
            if let day = Day(iso: d.date) { dates[d.source] = day }
        }
        if let s = outline.signature?.date.flatMap(Day.init(iso:)) { dates["signature"] = s }
        guard let lo = dates.values.min(), let hi = dates.values.max() else { return }
        let limit = rule.params["max-days"]?.int ?? 30
        guard lo.days(to: hi) > limit else { return }
        let listed = dates.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        emit(rule, values: ["limit": String(limit), "dates": listed], dates: dates.mapValues(\.description))
    }

    mutating func dedicatedColumn(_ rule: Profile.Rule) {
        let words = rule.params["words"]?.list ?? []
        guard let column = article.metadata.column else {
            emit(rule, severity: .info, values: ["column": "未知"])
            return
        }
        let compact = TitleFinder.compact(column)
        if words.contains(where: compact.contains) || (compact.contains("法治") && compact.contains("报告")) { return }
        emit(rule, values: ["column": column], quote: column)
    }

    // MARK: - Items

    mutating func itemPresent(_ rule: Profile.Rule) {
        guard let id = rule.params["item"]?.string else { return }
        let f = found(id)
        if !f.verdict.present {
            emit(rule, values: ["item": f.verdict.name])
        } else if f.verdict.inline, let severity = rule.params["inline-severity"]?.string.flatMap(Severity.init(rawValue:)) {
            let where_ = f.verdict.section ?? "正文开头"
            emit(rule, severity: severity, message: rule.params["inline-message"]?.string, gloss: rule.params["inline-gloss"]?.string,
                 values: ["section": where_], section: f.verdict.section, quote: f.verdict.quote)
        }
    }

    mutating func itemMentions(_ rule: Profile.Rule) {
        guard let id = rule.params["item"]?.string else { return }
        let f = found(id)
        let words = rule.params["words"]?.list ?? []
        // The section's text, not its heading: "存在的不足和原因" as a title analyses nothing.
        guard f.verdict.present, !words.contains(where: f.bodyText.contains) else { return }
        emit(rule, section: f.verdict.section, quote: f.verdict.quote)
    }

    mutating func itemYear(_ rule: Profile.Rule) {
        guard let id = rule.params["item"]?.string, let year else { return }
        let f = found(id)
        guard f.verdict.present else { return }
        let years = Set(Self.years(in: f.text))
        guard !years.isEmpty, !years.contains(year + 1) else { return }
        emit(rule, values: ["years": years.sorted().map(String.init).joined(separator: "、"), "next": String(year + 1)],
             section: f.verdict.section, quote: f.verdict.quote)
    }

    /// Four-digit years written as `YYYY年`.
    static func years(in text: String) -> [Int] {
        // On UTF-8 bytes: find each 年, then look at the four bytes before it and the character
        // before those (a whole section's text goes through here).
        var text = text
        return text.withUTF8 { b -> [Int] in
            var out: [Int] = []
            var from = 4
            while from < b.count, let hit = yearCharacter.withUnsafeBufferPointer({ FastText.search(UnsafeBufferPointer(rebasing: b[from...]), $0) }) {
                let p = from + hit
                from = p + yearCharacter.count
                guard p >= 4, (p - 4..<p).allSatisfy({ b[$0] >= 0x30 && b[$0] <= 0x39 }) else { continue }
                if p > 4 {
                    var s = p - 5
                    while s > 0, b[s] & 0xC0 == 0x80 { s -= 1 }
                    let (value, _) = TextNormalizer.decode(b, at: s)
                    if let scalar = Unicode.Scalar(value), scalar.properties.numericType != nil { continue }
                }
                out.append((p - 4..<p).reduce(0) { $0 * 10 + Int(b[$1] - 0x30) })
            }
            return out
        }
    }

    private static let yearCharacter = Array("年".utf8)

    mutating func itemOrder(_ rule: Profile.Rule) {
        let signature = structure
        if rule.params["enforce"]?.string == "true" {
            let expected = profile.items.map(\.id).filter { signature.split(separator: "|").map(String.init).contains($0) }
            guard signature != expected.joined(separator: "|") else { return }
        }
        emit(rule, values: ["signature": signature.isEmpty ? "（无）" : signature], quote: signature)
    }

    mutating func figures(_ rule: Profile.Rule) {
        guard let id = rule.params["item"]?.string else { return }
        let f = found(id)
        guard f.verdict.present else { return }
        let text = f.section.map { s in (s.body + s.children.map(\.fullText)).joined(separator: "\n") } ?? f.text
        let units = (rule.params["units"]?.list ?? []).sorted { $0.scalarCount > $1.scalarCount }
        if !FigureScanner.hasFigure(text, units: units) { emit(rule, section: f.verdict.section, quote: f.verdict.quote) }
    }

    mutating func itemLength(_ rule: Profile.Rule) {
        guard let id = rule.params["item"]?.string else { return }
        let f = found(id)
        guard f.verdict.present else { return }
        let length = TitleFinder.compact(f.bodyText).count
        let minimum = rule.params["min-characters"]?.int ?? 60
        if length < minimum {
            emit(rule, values: ["length": String(length)], section: f.verdict.section, quote: ItemLocator.quote(f.bodyText))
        }
    }

    // MARK: - Numbering

    mutating func numbering(_ rule: Profile.Rule) {
        let codes = Set(rule.params["codes"]?.list ?? [])
        for d in outline.diagnostics where codes.contains(d.code) {
            emit(rule, values: ["detail": d.path], section: d.path, quote: d.message)
        }
    }
}

/// Finds numbers followed by a unit (23件, 1.5万元, 三次, 98%): the figures an auditor looks for.
enum FigureScanner {
    /// 零〇一二三四五六七八九十百千万两亿 (a switch: it runs on every scalar of a report).
    static func isChineseNumeral(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case "零", "〇", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "百", "千", "万", "两", "亿": return true
        default: return false
        }
    }

    static func hasFigure(_ text: String, units: [String]) -> Bool {
        // Walks the Unicode scalars in place (Chinese prose, a whole section: no Characters, no copy).
        let scalars = text.unicodeScalars
        let end = scalars.endIndex
        var i = scalars.startIndex
        while i < end {
            let c = scalars[i]
            let arabic = c.value >= 0x30 && c.value <= 0x39 || ("０"..."９").contains(c)
            guard arabic || isChineseNumeral(c) else { scalars.formIndex(after: &i); continue }
            var j = scalars.index(after: i)
            if arabic {
                while j < end, scalars[j].properties.numericType != nil || scalars[j] == "." || scalars[j] == "," { scalars.formIndex(after: &j) }
            } else {
                while j < end, isChineseNumeral(scalars[j]) { scalars.formIndex(after: &j) }
            }
            var rest = ""
            var k = j
            while k < end, rest.unicodeScalars.count < 3 {
                rest.unicodeScalars.append(scalars[k])
                scalars.formIndex(after: &k)
            }
            if units.contains(where: rest.hasPrefix) { return true }
            i = j
        }
        return false
    }
}
