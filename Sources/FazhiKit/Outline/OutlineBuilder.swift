/// The Outline stage: cuts an article's body blocks into a section tree.
///
/// A paragraph opens a section when it starts with a marker (一、 （一） 1. （1） ① 第一部分) or
/// with a marker whose numeral was lost (、存在的不足和差距), which is restored from the sequence
/// and flagged. A marker style's level is the order in which styles are first met, so a report
/// that goes 一、 then 1. has 1. at level 2.
public enum OutlineBuilder {
    /// Builds the outline of `article`.
    public static func outline(of article: Article) -> Outline {
        let outline = outline(of: article, blocks: article.blocks)
        // Flattened text: no paragraph opened a section, but the numbering is inside the text.
        if outline.sections.isEmpty, let split = FlatTextSplitter.split(article.blocks) {
            return self.outline(of: article, blocks: split)
        }
        return outline
    }

    static func outline(of article: Article, blocks input: [Block]) -> Outline {
        var blocks = input
        var attachmentLines: [String] = []
        var inAttachmentList = false
        blocks.removeAll { block in
            // Most blocks neither continue a list nor start with 附件: skip compacting their text.
            guard inAttachmentList || block.text.unicodeScalars.first(where: { !TextNormalizer.isEdgeSpace($0) }) == "附" else {
                return false
            }
            let compact = TitleFinder.compact(block.text)
            // 附件：1.….pdf, then 2.….xlsx on lines of their own.
            let continues = inAttachmentList && compact.count <= 120
                && (MarkerParser.parse(compact[...]) != nil || FurnitureClassifier.documentSuffixes.contains(where: compact.lowercased().hasSuffix))
            if block.kind != .table, compact.hasPrefix("附件") && compact.count <= 120 || continues {
                attachmentLines.append(block.text)
                inAttachmentList = true
                return true
            }
            inAttachmentList = false
            return false
        }
        var (signature, signatureStart) = SignatureReader.read(blocks)
        if let signatureStart { blocks.removeSubrange(signatureStart...) }

        var builder = TreeBuilder()
        var addressee: String?
        var preamble: [String] = []
        for (i, block) in blocks.enumerated() {
            if block.kind == .table {
                builder.addTable(block.rows, orPreamble: &preamble)
                continue
            }
            let text = block.text
            if i < 3, addressee == nil, builder.isEmpty, preamble.allSatisfy(isDocumentNumber), isAddressee(text) {
                addressee = String(text.dropLast()).trimmingCharacters(in: " \u{3000}")
                continue
            }
            if let heading = heading(block) {
                builder.open(heading)
            } else {
                builder.addParagraph(text, orPreamble: &preamble)
            }
        }
        // A cover letter (关于报送…的函) carries the 落款 before the report it encloses.
        if signature == nil, let (found, range) = SignatureReader.readCoverLetter(preamble) {
            signature = found
            preamble.removeSubrange(range)
        }
        let (sections, diagnostics) = builder.finish()
        return Outline(title: article.metadata.title, addressee: addressee, preamble: preamble, sections: sections,
                       signature: signature, attachmentLines: attachmentLines, diagnostics: diagnostics)
    }

    /// `区政府：`, `市委、市政府:`: a short line ending in a colon, not a heading.
    static func isAddressee(_ text: String) -> Bool {
        guard let last = text.last, last == "：" || last == ":", text.count >= 3, text.count <= 40 else { return false }
        return MarkerParser.parse(text[...]) == nil && !text.contains("。") && !text.contains("如下")
    }

    /// A 发文字号 line such as `株自然资规函〔2023〕15号`.
    static func isDocumentNumber(_ text: String) -> Bool {
        text.count <= 30 && (text.contains("〔") || text.contains("[") || text.contains("［")) && text.hasSuffix("号")
    }

    /// A heading candidate: marker (or lost marker), title and run-on body.
    struct Heading {
        var marker: Marker?
        /// Style of a lost marker (`、` → chinese, `（）` → chineseParen).
        var lostStyle: Marker.Style?
        var title: String
        var body: String?
        var how: Section.TitleSplit
    }

    static func heading(_ block: Block) -> Heading? {
        let text = block.text
        if let (marker, end) = MarkerParser.parse(text[...]) {
            let length = text.unicodeScalars.distance(from: text.startIndex, to: end)
            let (title, body, how) = HeadingSplitter.split(runs: block.runs, text: text, markerLength: length)
            guard !title.isEmpty else { return nil }
            return Heading(marker: marker, title: title, body: body, how: how)
        }
        for (lost, style) in [("、", Marker.Style.chinese), ("（）", .chineseParen), ("()", .chineseParen)] where text.hasPrefix(lost) {
            let (title, body, how) = HeadingSplitter.split(runs: block.runs, text: text, markerLength: lost.unicodeScalars.count)
            // A lost numeral is only restored on a heading-like line, not on a sentence fragment.
            guard !title.isEmpty, title.count <= 40 else { return nil }
            return Heading(marker: nil, lostStyle: style, title: title, body: body, how: how)
        }
        return nil
    }
}

/// Reads the 落款 at the end of a report: the issuer line and the date line.
enum SignatureReader {
    /// The signature and the index of its first block.
    static func read(_ blocks: [Block]) -> (Signature?, Int?) {
        guard let lastIndex = blocks.indices.last else { return (nil, nil) }
        let last = TitleFinder.compact(blocks[lastIndex].text)
        // "重庆市某某委员会 2021年5月31日" in one line, or a date line after an issuer line.
        guard last.count <= 50, !last.contains("。"), let date = DateScanner.firstDate(in: last),
              MarkerParser.parse(last[...]) == nil else { return (nil, nil) }
        let beforeDate = DateScanner.removingFirstDate(from: last)
        if !beforeDate.isEmpty {
            guard beforeDate.count <= 40, looksLikeIssuer(beforeDate) else { return (nil, nil) }
            return (Signature(issuer: beforeDate, date: date.description), lastIndex)
        }
        if lastIndex > 0 {
            let candidate = blocks[lastIndex - 1].text.trimmingCharacters(in: " \u{3000}")
            if blocks[lastIndex - 1].kind != .table, looksLikeIssuer(TitleFinder.compact(candidate)) {
                return (Signature(issuer: candidate, date: date.description), lastIndex - 1)
            }
        }
        return (Signature(issuer: nil, date: date.description), lastIndex)
    }

    /// An issuer line followed by a date line among `lines` (a cover letter's 落款).
    static func readCoverLetter(_ lines: [String]) -> (Signature, Range<Int>)? {
        for i in lines.indices.dropFirst() {
            let compact = TitleFinder.compact(lines[i])
            guard compact.count <= 16, let date = DateScanner.firstDate(in: compact), DateScanner.removingFirstDate(from: compact).isEmpty else { continue }
            let issuer = TitleFinder.compact(lines[i - 1])
            if looksLikeIssuer(issuer) {
                return (Signature(issuer: lines[i - 1].trimmingCharacters(in: " \u{3000}"), date: date.description), (i - 1)..<(i + 1))
            }
        }
        return nil
    }

    static func looksLikeIssuer(_ compact: String) -> Bool {
        guard compact.count >= 2, compact.count <= 40, !compact.contains("。"), !compact.contains("，"),
              !compact.hasSuffix("："), !compact.hasSuffix(":"), MarkerParser.parse(compact[...]) == nil else { return false }
        return DateScanner.firstDate(in: compact) == nil
    }

}
