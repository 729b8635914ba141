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
            if n <= 200, has(t, breadcrumbWords) || (n < 150 && separators(in: t) >= 2) { return .breadcrumb }
            if isAttachmentLine(block) { return nil }
            if n <= 120 {
                let compact = DetailFieldReader.compactText(t)
                if starts(compact, prevNextWords) { return .prevNext }
                if starts(compact, relatedWords) { return .related }
            }
            return .navigation
        }
        if n <= 200, has(t, breadcrumbWords) { return .breadcrumb }
        guard n <= 120 else { return nil }
        let compact = DetailFieldReader.compactText(t)
        if DetailFieldReader.label(in: compact) != nil { return .detailField }
        if starts(compact, prevNextWords) { return .prevNext }
        if starts(compact, relatedWords) { return .related }
        if starts(compact, editorWords) { return .editor }
        if has(t, shareWords) { return .share }
        if has(t, footerWords) { return .footer }
        if isPrintClose(compact) { return .printClose }
        if isInfoLine(t, compact: compact) { return .infoLine }
        if n <= 60, has(t, topBarWords) { return .topBar }
        return nil
    }

    static let breadcrumbWords = ["当前位置", "现在的位置", "所在位置", "当前的位置", "您的位置", "现在位置"]
    static let prevNextWords = ["上一篇", "下一篇", "上一条", "下一条", "上篇", "下篇", "上一页", "下一页"]
    static let relatedWords = ["相关链接", "相关文章", "相关新闻", "相关信息", "相关阅读", "相关文件", "相关稿件", "相关报道", "相关解读", "友情链接"]
    static let editorWords = ["责任编辑", "（责任编辑", "(责任编辑", "[责任编辑", "【责任编辑", "编辑：", "编辑:", "审核：", "审核:", "校对：", "校对:", "责编", "初审", "终审"]
    static let shareWords = ["扫一扫", "二维码", "手机扫描", "用手机", "手机上查看", "手机打开", "分享到", "分享：", "分享:"]
    static let footerWords = ["主办单位", "主办：", "主办:", "承办单位", "承办：", "网站标识码", "ICP备", "ICP证", "公网安备", "版权所有", "Copyright", "copyright",
                              "网站地图", "联系我们", "技术支持", "建议使用", "分辨率", "网站纠错", "政府网站找错", "隐私声明", "使用帮助"]
    static let topBarWords = ["无障碍", "繁體", "繁体", "简体", "登录", "注册", "设为首页", "加入收藏", "长者模式", "关怀版", "智能问答", "English", "欢迎访问", "今天是", "欢迎您"]

    /// A line that names an attached file (附件… or a link to a document file).
    static func isAttachmentLine(_ block: Block) -> Bool {
        let compact = block.text.filter { !$0.isWhitespace }
        if compact.hasPrefix("附件") || compact.hasPrefix("相关附件") { return true }
        return block.hrefs.contains(where: isDocumentLink) || documentSuffixes.contains(where: { compact.lowercased().hasSuffix($0) })
    }

    static let documentSuffixes = [".pdf", ".doc", ".docx", ".xls", ".xlsx", ".wps", ".ofd", ".zip", ".rar", ".et", ".txt"]

    static func isDocumentLink(_ href: String) -> Bool {
        let h = href.lowercased().split(separator: "?").first.map(String.init) ?? ""
        return documentSuffixes.contains(where: h.hasSuffix)
    }

    private static func has(_ t: String, _ words: [String]) -> Bool { words.contains(where: t.contains) }
    private static func starts(_ t: String, _ words: [String]) -> Bool { words.contains(where: t.hasPrefix) }

    private static func separators(in t: String) -> Int {
        t.reduce(0) { $0 + ([">", "»", "＞", "→", "›", "/"].contains($1) ? 1 : 0) }
    }

    private static func isPrintClose(_ compact: String) -> Bool {
        guard compact.count <= 40 else { return false }
        var rest = compact
        for token in ["【", "】", "[", "]", "打印本页", "打印正文", "打印此页", "关闭窗口", "关闭本页", "打印", "关闭", "返回顶部", "返回", "收藏", "字号", "大", "中", "小", "：", ":", "|", "｜", "默认", "放大", "缩小", "加大", "减小", "视力保护色", "朗读", "分享", "纠错", "(", ")", "（", "）", "·", "-", "阅读"] {
            rest = rest.replacingOccurrences(of: token, with: "")
        }
        return rest.isEmpty && (compact.contains("打印") || compact.contains("关闭") || compact.contains("字号") || compact.contains("返回"))
    }

    static let infoMarkers = ["发布时间", "发布日期", "日期：", "日期:", "时间：", "时间:", "来源：", "来源:", "作者：", "作者:", "浏览次数", "浏览量", "点击数", "点击量", "点击：", "阅读次数", "阅读量", "访问量", "访问次数", "字号", "【大", "信息来源", "文章来源", "发布者", "发布人", "更新时间", "浏览：", "次浏览"]

    private static func isInfoLine(_ t: String, compact: String) -> Bool {
        guard !t.contains("。") else { return false }
        let hits = infoMarkers.reduce(0) { $0 + (t.contains($1) ? 1 : 0) }
        if hits >= 2 { return true }
        if hits == 1, t.count <= 60 {
            // "日期:2021-05-31" alone, "来源：区司法局" alone.
            return starts(compact, ["发布时间", "发布日期", "日期", "时间", "来源", "作者", "浏览", "点击", "阅读", "信息来源", "文章来源", "发布者", "更新时间"])
        }
        return false
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
