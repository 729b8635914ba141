/// Kinds of portal furniture a block can be: what surrounds a report on a government page.
enum Furniture: String, Sendable {
    case breadcrumb, infoLine, detailField, share, printClose, related, prevNext, footer, editor, topBar, navigation

    /// Furniture that marks the end of an article: nothing after it belongs to the body.
    var endsArticle: Bool {
        switch self {
        case .share, .related, .prevNext, .footer, .printClose, .editor: return true
        default: return false
        }
    }
}

/// Recognises portal furniture by the words portals print, by link density and by shape.
/// Word markers only count on short blocks, so a body paragraph that mentions 来源 stays.
enum FurnitureClassifier {
    static func classify(_ block: Block) -> Furniture? {
        let t = block.text
        let n = block.length
        // Link-dense blocks (menus, link farms, related lists) are most of a page: decide them first.
        if block.linkDensity > 0.5 {
            if n <= 200, linePhrases.groups(in: t) & breadcrumb != 0 || (n < 150 && separators(in: t) >= 2) { return .breadcrumb }
            if isAttachmentLine(block) { return nil }
            if n <= 120 {
                let compact = DetailFieldReader.compactText(t)
                if prevNextWords.starts(compact) { return .prevNext }
                if relatedWords.starts(compact) { return .related }
            }
            return .navigation
        }
        guard n <= 200 else { return nil }
        let found = linePhrases.groups(in: t)
        if found & breadcrumb != 0 { return .breadcrumb }
        guard n <= 120 else { return nil }
        let compact = DetailFieldReader.compactText(t)
        if DetailFieldReader.label(in: compact) != nil { return .detailField }
        if prevNextWords.starts(compact) { return .prevNext }
        if relatedWords.starts(compact) { return .related }
        if editorWords.starts(compact) { return .editor }
        if found & share != 0 { return .share }
        if found & footer != 0 { return .footer }
        if isPrintClose(compact) { return .printClose }
        if isInfoLine(t, compact: compact) { return .infoLine }
        if n <= 60, found & topBar != 0 { return .topBar }
        return nil
    }

    /// Phrases found anywhere in a line, for four kinds in one pass (bits of ``PhraseSet/groups(in:)``).
    static let linePhrases = PhraseSet(groups: [
        ["当前位置", "现在的位置", "所在位置", "当前的位置", "您的位置", "现在位置"],
        ["扫一扫", "二维码", "手机扫描", "用手机", "手机上查看", "手机打开", "分享到", "分享：", "分享:"],
        ["主办单位", "主办：", "主办:", "承办单位", "承办：", "网站标识码", "ICP备", "ICP证", "公网安备", "版权所有", "Copyright", "copyright",
         "网站地图", "联系我们", "技术支持", "建议使用", "分辨率", "网站纠错", "政府网站找错", "隐私声明", "使用帮助"],
        ["无障碍", "繁體", "繁体", "简体", "登录", "注册", "设为首页", "加入收藏", "长者模式", "关怀版", "智能问答", "English", "欢迎访问", "今天是", "欢迎您"],
    ])
    private static let breadcrumb: UInt32 = 1, share: UInt32 = 2, footer: UInt32 = 4, topBar: UInt32 = 8

    static let prevNextWords = PhraseSet(["上一篇", "下一篇", "上一条", "下一条", "上篇", "下篇", "上一页", "下一页"])
    static let relatedWords = PhraseSet(["相关链接", "相关文章", "相关新闻", "相关信息", "相关阅读", "相关文件", "相关稿件", "相关报道", "相关解读", "友情链接"])
    static let editorWords = PhraseSet(["责任编辑", "（责任编辑", "(责任编辑", "[责任编辑", "【责任编辑", "编辑：", "编辑:", "审核：", "审核:", "校对：", "校对:", "责编", "初审", "终审"])

    /// A line that names an attached file (附件… or a link to a document file).
    static func isAttachmentLine(_ block: Block) -> Bool {
        if !block.documentLinks.isEmpty { return true }
        var text = block.text
        return text.withUTF8 { b in
            var start = 0
            while start < b.count {
                let length = TextNormalizer.edgeSpaceLength(b, at: start)
                guard length > 0 else { break }
                start += length
            }
            let rest = UnsafeBufferPointer(rebasing: b[start...])
            if rest.starts(with: attachmentWord) || rest.starts(with: relatedAttachmentWord) { return true }
            // The text's end without trailing ASCII white space.
            var end = b.count
            while end > start, b[end - 1] == 0x20 || b[end - 1] == 0x09 || b[end - 1] == 0x0A || b[end - 1] == 0x0D { end -= 1 }
            return hasDocumentSuffix(UnsafeBufferPointer(rebasing: b[start..<end]))
        }
    }

    private static let attachmentWord = Array("附件".utf8)
    private static let relatedAttachmentWord = Array("相关附件".utf8)

    static let documentSuffixes = [".pdf", ".doc", ".docx", ".xls", ".xlsx", ".wps", ".ofd", ".zip", ".rar", ".et", ".txt"]
    private static let suffixBytes: [[UInt8]] = documentSuffixes.map { Array($0.utf8) }

    /// A link to a document file (the query string ignored, case ignored).
    static func isDocumentLink(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        var end = b.firstIndex(of: UInt8(ascii: "?")) ?? b.count
        if let hash = b[..<end].firstIndex(of: UInt8(ascii: "#")) { end = hash }
        return hasDocumentSuffix(UnsafeBufferPointer(rebasing: b[..<end]))
    }

    /// ASCII case-insensitive suffix test on UTF-8 bytes, without allocating.
    static func hasDocumentSuffix(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let last = bytes.last, last != UInt8(ascii: "/"), last != UInt8(ascii: "l") && last != UInt8(ascii: "m") else { return false }
        return suffixBytes.contains { suffix in
            guard suffix.count <= bytes.count else { return false }
            var i = bytes.count
            for b in suffix.reversed() {
                i -= 1
                let c = bytes[i]
                if (c >= 0x41 && c <= 0x5A ? c + 0x20 : c) != b { return false }
            }
            return true
        }
    }


    private static func separators(in t: String) -> Int {
        t.unicodeScalars.reduce(0) { n, s in
            switch s.value {
            case 0x3E, 0xBB, 0xFF1E, 0x2192, 0x203A, 0x2F: return n + 1  // > » ＞ → › /
            default: return n
            }
        }
    }

    /// Characters of print/close/font-size widgets: 【打印本页】【关闭窗口】 字号：大 中 小 ….
    static let widgetScalars = Set("【】[]打印本页正文此关闭窗口返回顶部收藏字号大中小：:|｜默认放缩加减视力保护色朗读分享纠错()（）·-阅读".unicodeScalars)
    static let widgetWords = PhraseSet(["打印", "关闭", "字号", "返回"])

    private static func isPrintClose(_ compact: String) -> Bool {
        // A closure, not `widgetScalars.contains` itself: a method reference boxes the set on every call.
        compact.unicodeScalars.count <= 40 && compact.unicodeScalars.allSatisfy { widgetScalars.contains($0) } && widgetWords.occurs(in: compact)
    }

    static let infoMarkers = ["发布时间", "发布日期", "日期：", "日期:", "时间：", "时间:", "来源：", "来源:", "作者：", "作者:", "浏览次数", "浏览量", "点击数", "点击量", "点击：", "阅读次数", "阅读量", "访问量", "访问次数", "字号", "【大", "信息来源", "文章来源", "发布者", "发布人", "更新时间", "浏览：", "次浏览"]

    static let infoMarkerSet = PhraseSet(infoMarkers)
    static let infoLineStarts = PhraseSet(["发布时间", "发布日期", "日期", "时间", "来源", "作者", "浏览", "点击", "阅读", "信息来源", "文章来源", "发布者", "更新时间"])

    private static func isInfoLine(_ t: String, compact: String) -> Bool {
        guard !t.contains("。") else { return false }
        let hits = infoMarkerSet.count(in: t)
        if hits >= 2 { return true }
        // "日期:2021-05-31" alone, "来源：区司法局" alone.
        return hits == 1 && t.unicodeScalars.count <= 60 && infoLineStarts.starts(compact)
    }
}

extension String {
    /// Every occurrence of `target` replaced by `replacement` (no Foundation needed).
    func replacingOccurrences(of target: String, with replacement: String) -> String {
        guard !target.isEmpty, contains(target) else { return self }
        var out = ""
        var rest = self[...]
        while let range = rest.firstRange(of: target) {
            out += rest[..<range.lowerBound]
            out += replacement
            rest = rest[range.upperBound...]
        }
        out += rest
        return out
    }
}
