#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads the detail-field box that 政府信息公开 pages put above a document (索引号, 发布机构,
/// 成文日期, 文号 …), whether printed as `<li>label：value</li>` or as label and value cells.
enum DetailFieldReader {
    /// Metadata fields a detail label can fill.
    enum Field: String {
        case indexNumber, topic, publisher, writtenDate, documentNumber, publishedDate, title, validity, keywords, summary, source, other
    }

    /// Labels as printed (spaces removed), longest first so 发文字号 wins over 文号.
    static let labels: [(String, Field)] = [
        ("索引号", .indexNumber), ("主题分类", .topic), ("组配分类", .topic), ("体裁分类", .topic), ("主题导航", .topic),
        ("信息分类", .topic), ("服务对象", .other), ("发布机构", .publisher), ("发文机关", .publisher), ("发文机构", .publisher),
        ("制发机构", .publisher), ("发文单位", .publisher), ("所属机构", .publisher), ("公开主体", .publisher), ("信息来源", .source),
        ("成文日期", .writtenDate), ("发文日期", .writtenDate), ("生成日期", .writtenDate), ("发文字号", .documentNumber),
        ("发布文号", .documentNumber), ("文号", .documentNumber), ("发布日期", .publishedDate), ("公开日期", .publishedDate),
        ("信息名称", .title), ("标题", .title), ("名称", .title), ("有效性", .validity), ("时效性", .validity), ("主题词", .keywords),
        ("关键词", .keywords), ("内容概述", .summary), ("摘要", .summary), ("公开方式", .other), ("公开范围", .other),
        ("公开时限", .other), ("公开形式", .other), ("分类", .topic), ("效力状态", .validity), ("统一编号", .other),
    ]

    /// First characters of the labels: most blocks are ruled out by one set lookup.
    static let firstScalars = Set(labels.compactMap { $0.0.unicodeScalars.first })

    /// The label a compact (space-free) block text starts with, if it reads `label：…` or is the label alone.
    static func label(in compact: String) -> (String, Field)? {
        guard let first = compact.unicodeScalars.first, firstScalars.contains(first) else { return nil }
        var text = compact
        let found = text.withUTF8 { bytes -> Int? in
            for (k, label) in labelBytes.enumerated() where bytes.count >= label.count {
                guard memcmp(bytes.baseAddress!, label, label.count) == 0 else { continue }
                // Followed by nothing, "：" (EF BC 9A) or ":".
                let rest = UnsafeBufferPointer(rebasing: bytes[label.count...])
                if rest.isEmpty || rest.starts(with: fullWidthColon) || rest[0] == UInt8(ascii: ":") { return k }
            }
            return nil
        }
        return found.map { labels[$0] }
    }

    /// The labels' UTF-8, in the order of ``labels``.
    private static let labelBytes = labels.map { Array($0.0.utf8) }
    private static let fullWidthColon = Array("：".utf8)

    /// Reads label/value pairs from the page's blocks (in order).
    /// Returns the fields and the indices of the blocks that belong to the box.
    static func read(_ blocks: [Block], tree: HTMLTree) -> (fields: [Field: String], used: Set<Int>) {
        var fields: [Field: String] = [:]
        var used: Set<Int> = []
        var i = 0
        while i < blocks.count {
            guard blocks[i].length <= 200, let first = blocks[i].text.unicodeScalars.first(where: { !TextNormalizer.isEdgeSpace($0) }),
                  firstScalars.contains(first) else { i += 1; continue }
            let compact = compactText(blocks[i].text)
            guard compact.scalarCount <= 160, let (label, field) = label(in: compact) else { i += 1; continue }
            used.insert(i)
            var value = valueAfterLabel(blocks[i].text, label: label)
            if value.isEmpty, i + 1 < blocks.count {
                let next = compactText(blocks[i + 1].text)
                // The value is the next cell of the same row (`<td>label</td><td>value</td>`, `<dt>`/`<dd>`),
                // never a block from another part of the page (an empty 文号 field before the title).
                let sameRow = tree.nodes[Int(blocks[i].element)].parent == tree.nodes[Int(blocks[i + 1].element)].parent
                if sameRow, self.label(in: next) == nil, next.scalarCount <= 200, blocks[i + 1].kind != .heading {
                    value = blocks[i + 1].text
                    used.insert(i + 1)
                    i += 1
                }
            }
            // A box row can hold two fields: "发布机构：区司法局 成文日期：2021-03-01".
            value = cutAtNextLabel(value)
            if !value.isEmpty, fields[field] == nil { fields[field] = value }
            i += 1
        }
        return (fields, used)
    }

    /// The text without any white space or zero-width character (``TextNormalizer/isEdgeSpace(_:)``).
    static func compactText(_ text: String) -> String {
        var copy = text
        let compacted = copy.withUTF8 { b -> String? in
            var out: [UInt8] = []
            var copied = 0  // bytes before this offset are already in `out` (or nothing was dropped yet)
            var i = 0
            while i < b.count {
                let length = TextNormalizer.edgeSpaceLength(b, at: i)
                guard length > 0 else { i += 1; continue }
                if out.isEmpty { out.reserveCapacity(b.count) }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: b[copied..<i]))
                copied = i + length
                i += length
            }
            if copied == 0 { return nil }  // nothing to drop: the text itself
            out.append(contentsOf: UnsafeBufferPointer(rebasing: b[copied...]))
            return String(decoding: out, as: UTF8.self)
        }
        return compacted ?? text
    }

    /// The text after `label` and its colon, in the original spacing, trimmed.
    static func valueAfterLabel(_ text: String, label: String) -> String {
        // Walk the text consuming the label's characters while skipping spaces inside it ("索 引 号").
        var labelChars = Array(label)
        var index = text.startIndex
        while index < text.endIndex, !labelChars.isEmpty {
            let c = text[index]
            if c == labelChars[0] { labelChars.removeFirst() } else if !(c.isWhitespace || c == "\u{3000}") { break }
            index = text.index(after: index)
        }
        var rest = text[index...]
        while let f = rest.first, f == "：" || f == ":" || f.isWhitespace || f == "\u{3000}" { rest = rest.dropFirst() }
        return TextNormalizer.normalize(String(rest))
    }

    /// The value up to the next label in the same line.
    static func cutAtNextLabel(_ value: String) -> String {
        let parts = value.unicodeScalars.split(whereSeparator: { $0 == " " || $0 == "\u{3000}" || $0 == "\u{2002}" || $0 == "\u{A0}" })
        guard parts.count > 1 else { return value }
        var kept: [String] = []
        for part in parts {
            let text = String(part)
            if label(in: text) != nil { break }
            kept.append(text)
        }
        return kept.joined(separator: " ")
    }
}
