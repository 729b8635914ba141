/// Charset labels: finding them in a page's head and mapping them to the decoder fazhi uses.
enum CharsetLabel {
    /// How far into the bytes a `<meta>` declaration is looked for.
    static let scanLimit = 8 * 1024

    /// Maps a label to the encoding fazhi decodes with (WHATWG-style: every GB label is GB18030,
    /// a strict superset, so GBK bytes labelled gb2312 are never truncated).
    static func canonicalName(_ label: String) -> String {
        switch label.lowercased() {
        case "utf-8", "utf8", "unicode-1-1-utf-8", "x-unicode20utf8":
            return "UTF-8"
        case "gb2312", "gbk", "x-gbk", "gb18030", "cp936", "windows-936", "ms936", "csgb2312",
             "chinese", "iso-ir-58", "gb_2312-80", "gb_2312", "euc-cn", "x-euc-cn", "csiso58gb231280",
             "gb2312-80", "hz-gb-2312-no":
            return "GB18030"
        case "big5", "big5-hkscs", "x-x-big5", "cn-big5", "csbig5", "x-big5":
            return "BIG5-HKSCS"
        case "utf-16", "utf-16le": return "UTF-16LE"
        case "utf-16be": return "UTF-16BE"
        case "iso-8859-1", "latin1", "l1", "us-ascii", "ascii", "windows-1252", "cp1252":
            return "WINDOWS-1252"
        default:
            return label.uppercased()
        }
    }

    /// The first charset label declared in the first ``scanLimit`` bytes: `<meta charset=…>` or
    /// `<meta http-equiv="Content-Type" content="…; charset=…">`, wherever they sit in the head
    /// (also after `<title>`). Labels in the text of the page (outside a `<meta` tag) are ignored.
    static func declared(in bytes: some Collection<UInt8>) -> String? {
        let head = Array(bytes.prefix(scanLimit))
        var i = 0
        while let tagStart = find(Array("<meta".utf8), in: head, from: i) {
            let tagEnd = head[tagStart...].firstIndex(of: UInt8(ascii: ">")) ?? head.count
            if let label = charsetValue(in: head[tagStart..<tagEnd]) { return label }
            i = tagEnd
        }
        return nil
    }

    /// The value after `charset=` inside one tag (case-insensitive, quotes optional).
    static func charsetValue(in tag: ArraySlice<UInt8>) -> String? {
        let lower = tag.map(asciiLower)
        guard let at = find(Array("charset".utf8), in: lower, from: 0) else { return nil }
        var j = at + 7
        func skip(_ set: Set<UInt8>) { while j < lower.count, set.contains(lower[j]) { j += 1 } }
        skip([0x20, 0x09, 0x0A, 0x0D])
        guard j < lower.count, lower[j] == UInt8(ascii: "=") else { return nil }
        j += 1
        skip([0x20, 0x09, 0x0A, 0x0D, UInt8(ascii: "\""), UInt8(ascii: "'")])
        var label: [UInt8] = []
        while j < lower.count, isLabelByte(lower[j]) { label.append(lower[j]); j += 1 }
        return label.isEmpty ? nil : String(decoding: label, as: UTF8.self)
    }

    /// The `charset` parameter of a MIME Content-Type header value.
    static func parameter(inContentType value: String) -> String? {
        charsetValue(in: ArraySlice(Array(value.utf8)))
    }

    static func asciiLower(_ b: UInt8) -> UInt8 { (b >= 0x41 && b <= 0x5A) ? b + 0x20 : b }

    private static func isLabelByte(_ b: UInt8) -> Bool {
        (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) || b == UInt8(ascii: "-")
            || b == UInt8(ascii: "_") || b == UInt8(ascii: ":") || b == UInt8(ascii: ".")
    }

    /// Case-insensitive search of an ASCII needle (given in lower case).
    static func find(_ needle: [UInt8], in hay: [UInt8], from start: Int) -> Int? {
        guard needle.count <= hay.count, start <= hay.count - needle.count else { return nil }
        var i = start
        let first = needle[0]
        while i <= hay.count - needle.count {
            if asciiLower(hay[i]) == first {
                var k = 1
                while k < needle.count, asciiLower(hay[i + k]) == needle[k] { k += 1 }
                if k == needle.count { return i }
            }
            i += 1
        }
        return nil
    }
}
