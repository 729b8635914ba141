/// The profiles bundled with fazhi, as YAML (`fazhi profiles show NAME` prints them, so they can be
/// saved, edited and loaded back with `--profile FILE`).
public enum BuiltinProfiles {
    /// Built-in profile names, default first.
    public static let names = ["fazhi-annual", "xxgk-annual"]

    /// YAML text by name.
    public static let yaml: [String: String] = ["fazhi-annual": fazhiAnnual, "xxgk-annual": xxgkAnnual]

    static let fazhiAnnual = #"""
# fazhi profile: 法治政府建设年度报告 (annual rule-of-law government report).
# Sources: ../shared/reference/required-structure.md. Only article numbers marked verified there are cited:
# 第二十四条 (disclosure deadline) is quoted verbatim on a government site; the content list is cited as
# "年度报告有关条款" because its article number is not verified.
id: fazhi-annual
name: 法治政府建设年度报告
description: Annual report on building a rule-of-law government, under 《法治政府建设与责任落实督察工作规定》(厅字〔2019〕28号).

# What makes a page a report of this kind: a title (or an enclosed report's title line) with one of
# `title-words`, one of `report-words`, none of `exclude-words`, and not ending in an `exclude-endings` word.
kind:
  title-words: [法治政府建设, 法治政府, 法治建设, 依法行政, 法治工作]
  report-words: [报告, 情况]
  exclude-words: [政府信息公开, 信息公开工作]
  exclude-endings: [通知, 意见, 方案, 办法, 规定, 决定, 公告, 通告, 批复, 纪要, 讲话, 解读]

# Required content items (督察规定, five items). `heading`: every group must have a word in one heading
# (`{next}` is the year after the report year N). `heading-level: 1` limits the match to top-level headings.
# `body`: words that recognise the item inline in body text. `paragraph`: groups matched in the first 40
# characters of an unheaded paragraph.
items:
  - id: C1
    name: 主要举措和成效
    required: true
    text: 上一年度推进法治政府建设的主要举措和成效
    heading-level: 1
    heading: [[主要举措, 成效, 工作推进情况, 工作开展情况, 主要做法, 工作情况, 主要工作, 建设情况]]
  - id: C2
    name: 存在的不足和原因
    required: true
    text: 上一年度推进法治政府建设存在的不足和原因
    heading: [[不足, 问题, 差距, 短板]]
    paragraph: [[存在, 仍有, 还有, 尚有, 仍存在], [不足, 问题, 差距, 短板, 薄弱]]
  - id: C3
    name: 党政主要负责人履行推进法治建设第一责任人职责情况
    required: true
    text: 上一年度党政主要负责人履行推进法治建设第一责任人职责，加强法治政府建设的有关情况
    heading: [[第一责任人]]
    body: [[第一责任人]]
  - id: C4
    name: 下一年度主要安排
    required: true
    text: 下一年度推进法治政府建设的主要安排
    heading: [[下一年, 下一步, 明年, 来年, "{next}年"], [打算, 安排, 计划, 思路, 工作要点, 要点, 重点工作, 举措]]
  - id: C5
    name: 其他需要报告的情况
    required: false
    text: 其他需要报告的情况
    heading: [[其他需要报告, 其他事项, 其他情况, 其他需要说明]]

regulation: &dcgd 《法治政府建设与责任落实督察工作规定》（厅字〔2019〕28号）

# Each rule: a built-in check, its severity, a message in Chinese with an English gloss, and its basis.
rules:
  - id: FZ-ID-01
    check: title-year
    severity: error
    message: 标题未写明报告年度
    gloss: the title names no report year
    basis: 省级《法治政府建设年度报告工作指引》“报告名称”（法治政府建设年度报告）
  - id: FZ-ID-02
    check: year-before-publication
    severity: warning
    message: 报告年度（{year}年）不是发布年度的上一年（发布于{published}）
    gloss: the report year is not the year before publication
    basis: *dcgd
  - id: FZ-TIME-00
    check: publication-date-found
    severity: warning
    message: 页面上未找到发布日期，无法判断是否按时公开
    gloss: no publication date found; timeliness cannot be judged
    basis: 《法治政府建设与责任落实督察工作规定》第二十四条
  - id: FZ-TIME-01
    check: deadline
    severity: error
    message: 发布日期{published}晚于公开期限{deadline}，迟{days}天
    gloss: published {days} days after the deadline
    basis: 《法治政府建设与责任落实督察工作规定》第二十四条：每年4月1日之前……法治政府建设年度报告……应当通过报刊、网站等新闻媒体向社会公开
    params: {from-year: 2019, month: 3, day: 31, borderline-days: 1, borderline-severity: warning}
  - id: FZ-TIME-02
    check: deadline
    severity: error
    message: 2018年及以前年度报告应于次年第一季度内报告并公开，发布日期{published}晚于{deadline}，迟{days}天
    gloss: reports on years up to 2018 were due in the first quarter; published {days} days late
    basis: 《法治政府建设实施纲要（2015—2020年）》（中发〔2015〕36号）：每年第一季度……报告上一年度法治政府建设情况
    params: {to-year: 2018, month: 3, day: 31, borderline-days: 0}
  - id: FZ-TIME-04
    check: dates-agree
    severity: warning
    message: 页面上的日期相差超过{limit}天：{dates}
    gloss: dates on the page disagree by more than {limit} days
    basis: 中国社会科学院法学研究所评估指标“年度报告发布后有变动”
    params: {max-days: 30}
  - id: FZ-PUB-01
    check: dedicated-column
    severity: warning
    message: 未发布在法治政府建设年度报告专栏（栏目：{column}）
    gloss: not published in a dedicated column
    basis: 中国社会科学院法学研究所评估指标“门户网站设置年度报告公开专栏”
    params: {words: [法治政府, 法治建设年度报告, 法治年度报告, 法治年报]}
  - id: FZ-C1
    check: item-present
    severity: error
    message: 缺少“上一年度推进法治政府建设的主要举措和成效”
    gloss: no measures-and-results item
    basis: *dcgd
    params: {item: C1}
  - id: FZ-C2
    check: item-present
    severity: error
    message: 缺少“存在的不足和原因”
    gloss: no shortcomings item
    basis: *dcgd
    params: {item: C2}
  - id: FZ-C2R
    check: item-mentions
    severity: warning
    message: “存在的不足”部分未分析原因
    gloss: the shortcomings item gives no causes
    basis: 《法治政府建设与责任落实督察工作规定》年度报告内容：“存在的不足和原因”
    params: {item: C2, words: [原因, 由于, 究其, 根源, 源于, 因为, 所致]}
  - id: FZ-C3
    check: item-present
    severity: error
    message: 缺少党政主要负责人履行推进法治建设第一责任人职责情况
    gloss: no report on the principal leaders' duty as first responsible persons
    basis: *dcgd
    params: {item: C3, inline-severity: info, inline-message: "第一责任人职责情况未单列，见于正文（{section}）", inline-gloss: "the first-responsible-person item has no section of its own; found in the text ({section})"}
  - id: FZ-C4
    check: item-present
    severity: error
    message: 缺少“下一年度推进法治政府建设的主要安排”
    gloss: no next-year plan
    basis: *dcgd
    params: {item: C4}
  - id: FZ-C4Y
    check: item-year
    severity: warning
    message: “下一年度安排”部分写的年份（{years}）不是{next}年
    gloss: the next-year item names a year other than N+1
    basis: *dcgd
    params: {item: C4}
  - id: FZ-C5
    check: item-present
    severity: info
    message: 未报告“其他需要报告的情况”（可选）
    gloss: no other-matters item (optional)
    basis: *dcgd
    params: {item: C5}
  - id: FZ-FMT-01
    check: numbering
    severity: info
    message: 跳级使用序号：{detail}
    gloss: a numbering level is skipped
    basis: GB/T 9704-2012《党政机关公文格式》7.3.3：文中结构层次序数依次可以用“一、”“（一）”“1.”“（1）”标注
    params: {codes: [skipped-level]}
  - id: FZ-FMT-02
    check: numbering
    severity: warning
    message: 序号不连续或重复：{detail}
    gloss: a gap, duplicate or restart in the numbering
    basis: GB/T 9704-2012《党政机关公文格式》7.3.3
    params: {codes: [gap, duplicate, restart, unexpected-start, out-of-order]}
  - id: FZ-FMT-03
    check: numbering
    severity: warning
    message: 下级标题缺少上级标题：{detail}
    gloss: lower-level sections with no parent heading
    basis: GB/T 9704-2012《党政机关公文格式》7.3.3
    params: {codes: [orphan]}
  - id: FZ-FMT-05
    check: numbering
    severity: warning
    message: 标题序号缺失（已按顺序补全）：{detail}
    gloss: a heading lost its numeral
    basis: GB/T 9704-2012《党政机关公文格式》7.3.3
    params: {codes: [repaired]}
  - id: FZ-FMT-04
    check: signature
    severity: info
    message: 正文后没有发文机关署名和成文日期
    gloss: no signature block (issuer and date)
    basis: GB/T 9704-2012《党政机关公文格式》7.3.5
  - id: FZ-ADDR-01
    check: addressee
    severity: info
    message: 没有主送机关
    gloss: no addressee line
    basis: GB/T 9704-2012《党政机关公文格式》7.3.2
  - id: FZ-ORD-01
    check: item-order
    severity: info
    message: 报告结构：{signature}
    gloss: structure signature (order of the items)
    basis: 明天（2017）“结构不统一”
  - id: FZ-Q-01
    check: figures
    severity: warning
    message: “主要举措和成效”部分没有任何数据
    gloss: the measures-and-results item has no figures at all
    basis: 中国社会科学院法学研究所评估指标“内容翔实”
    params: {item: C1, units: [件, 项, 次, 个, 人, 家, 场, 期, 份, 篇, 条, 户, 万元, 元, 亿, 余, "%", ％, 场次, 人次]}
  - id: FZ-Q-02
    check: item-length
    severity: warning
    message: “存在的不足”部分过于简略（{length}字）
    gloss: the shortcomings item is too thin to be specific
    basis: 李学、方立（2026）“问题识别……避重就轻”
    params: {item: C2, min-characters: 60}
"""#

    static let xxgkAnnual = #"""
# fazhi profile: 政府信息公开工作年度报告 (annual report on government information disclosure).
# Sources: ../shared/reference/required-structure.md §5: 《中华人民共和国政府信息公开条例》第四十九条、第五十条
# and the format notice 国办公开办函〔2021〕30号 (six sections, in order).
id: xxgk-annual
name: 政府信息公开工作年度报告
description: Annual report on government information disclosure, under 《政府信息公开条例》 第四十九、五十条 and 国办公开办函〔2021〕30号.

kind:
  title-words: [政府信息公开]
  report-words: [报告]
  exclude-endings: [通知, 意见, 方案, 办法, 规定, 决定, 公告, 通告, 批复, 纪要]

items:
  - id: S1
    name: 总体情况
    required: true
    text: 总体情况
    heading-level: 1
    heading: [[总体情况]]
  - id: S2
    name: 主动公开政府信息情况
    required: true
    text: 行政机关主动公开政府信息的情况
    heading-level: 1
    heading: [[主动公开]]
  - id: S3
    name: 收到和处理政府信息公开申请情况
    required: true
    text: 行政机关收到和处理政府信息公开申请的情况
    heading-level: 1
    heading: [[收到和处理, 依申请公开, 公开申请]]
  - id: S4
    name: 政府信息公开行政复议、行政诉讼情况
    required: true
    text: 因政府信息公开工作被申请行政复议、提起行政诉讼的情况
    heading-level: 1
    heading: [[行政复议, 行政诉讼]]
  - id: S5
    name: 存在的主要问题及改进情况
    required: true
    text: 政府信息公开工作存在的主要问题及改进情况
    heading-level: 1
    heading: [[问题, 不足]]
  - id: S6
    name: 其他需要报告的事项
    required: true
    text: 其他需要报告的事项
    heading-level: 1
    heading: [[其他需要报告, 其他事项]]

rules:
  - id: GK-ID-01
    check: title-year
    severity: error
    message: 标题未写明报告年度
    gloss: the title names no report year
    basis: 国办公开办函〔2021〕30号《中华人民共和国政府信息公开工作年度报告格式》
  - id: GK-S1
    check: item-present
    severity: error
    message: 缺少“总体情况”部分
    gloss: section 总体情况 is missing
    basis: 《中华人民共和国政府信息公开条例》第五十条；国办公开办函〔2021〕30号
    params: {item: S1}
  - id: GK-S2
    check: item-present
    severity: error
    message: 缺少“主动公开政府信息情况”部分
    gloss: section 主动公开政府信息情况 is missing
    basis: 《中华人民共和国政府信息公开条例》第五十条（一）
    params: {item: S2}
  - id: GK-S3
    check: item-present
    severity: error
    message: 缺少“收到和处理政府信息公开申请情况”部分
    gloss: section 收到和处理政府信息公开申请情况 is missing
    basis: 《中华人民共和国政府信息公开条例》第五十条（二）
    params: {item: S3}
  - id: GK-S4
    check: item-present
    severity: error
    message: 缺少“政府信息公开行政复议、行政诉讼情况”部分
    gloss: section on administrative review and litigation is missing
    basis: 《中华人民共和国政府信息公开条例》第五十条（三）
    params: {item: S4}
  - id: GK-S5
    check: item-present
    severity: error
    message: 缺少“存在的主要问题及改进情况”部分
    gloss: section 存在的主要问题及改进情况 is missing
    basis: 《中华人民共和国政府信息公开条例》第五十条（四）
    params: {item: S5}
  - id: GK-S6
    check: item-present
    severity: error
    message: 缺少“其他需要报告的事项”部分
    gloss: section 其他需要报告的事项 is missing
    basis: 《中华人民共和国政府信息公开条例》第五十条（五）
    params: {item: S6}
  - id: GK-ORD
    check: item-order
    severity: warning
    message: 六部分顺序与统一格式不符：{signature}
    gloss: the six sections are not in the order of the national format
    basis: 国办公开办函〔2021〕30号《中华人民共和国政府信息公开工作年度报告格式》
    params: {enforce: "true"}
  - id: GK-TIME
    check: deadline
    severity: error
    message: 发布日期{published}晚于公开期限{deadline}，迟{days}天
    gloss: published {days} days after the deadline
    basis: 《中华人民共和国政府信息公开条例》第四十九条：部门每年1月31日前、县级以上地方人民政府每年3月31日前向社会公布上一年度年度报告
    params: {month: 1, day: 31, government-words: [人民政府], government-month: 3, government-day: 31}
  - id: GK-TIME-00
    check: publication-date-found
    severity: warning
    message: 页面上未找到发布日期，无法判断是否按时公布
    gloss: no publication date found; timeliness cannot be judged
    basis: 《中华人民共和国政府信息公开条例》第四十九条
  - id: GK-FMT-02
    check: numbering
    severity: warning
    message: 序号不连续或重复：{detail}
    gloss: a gap, duplicate or restart in the numbering
    basis: GB/T 9704-2012《党政机关公文格式》7.3.3
    params: {codes: [gap, duplicate, restart, unexpected-start, out-of-order]}
"""#
}
