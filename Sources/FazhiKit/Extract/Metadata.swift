/// What a page says about its report, each field taken from the best source the page offers.
public struct Metadata: Sendable, Hashable, Codable {
    /// The report's title (visible heading, else ArticleTitle, else `<title>` minus the site suffix).
    public var title: String?
    /// `YYYY-MM-DD`: visible 发布日期/日期, else the PubDate meta, else the URL's date token.
    public var publishedDate: String?
    /// `YYYY-MM-DD`: the 成文日期/发文日期 field.
    public var writtenDate: String?
    /// 发布机构 / 发文机关 / 来源 …, else the ContentSource meta.
    public var publisher: String?
    /// 索引号.
    public var indexNumber: String?
    /// 文号 / 发文字号.
    public var documentNumber: String?
    /// The ColumnName meta, else the breadcrumb's last item.
    public var column: String?
    /// The SiteName meta, else the `<title>` suffix.
    public var siteName: String?
    /// The SiteIDCode meta, else the footer's 网站标识码.
    public var siteCode: String?
    /// The page's address: canonical link, Url meta, "saved from url" comment, container location.
    public var url: String?
    /// The Keywords meta's terms.
    public var keywords: [String] = []

    /// Every date the page carries, with where it came from (for the timeliness checks).
    public var dates: [DatedSource] = []
    /// Places where two sources of one field disagree (title, publisher, date).
    public var disagreements: [Disagreement] = []
    /// The breadcrumb items, if the page has a breadcrumb.
    public var breadcrumb: [String] = []

    /// Creates empty metadata.
    public init() {}
}

/// A date found on a page and where it was found.
public struct DatedSource: Sendable, Hashable, Codable {
    /// Where: `visible`, `pubDateMeta`, `urlToken`, `writtenDate`.
    public var source: String
    /// `YYYY-MM-DD`.
    public var date: String
}

/// Two sources of one metadata field that do not agree.
public struct Disagreement: Sendable, Hashable, Codable {
    /// The field (`title`, `publisher`, `publishedDate`).
    public var field: String
    /// Each source and its value.
    public var values: [String: String]
}
