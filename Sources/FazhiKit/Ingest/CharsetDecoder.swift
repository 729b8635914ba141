/// Decides a page's encoding and decodes it to UTF-8. fazhi decides; libxml2 never guesses.
///
/// Order: a byte-order mark; well-formed UTF-8 with non-ASCII text (real GBK is practically never
/// well-formed UTF-8, so this beats a wrong `gb2312` label); a declared label (transport first,
/// then `<meta>`), with every GB label read as GB18030; for undeclared or falsely-UTF-8-labelled
/// bytes, mostly-UTF-8 bytes are repaired as UTF-8 and anything else is read as GB18030.
enum CharsetDecoder {
    /// The UTF-8 text of `bytes` and the record of how its encoding was decided.
    /// - parameter transportLabel: a charset from the container (MHTML part, HTTP header).
    static func decode(_ bytes: [UInt8], transportLabel: String? = nil) -> (utf8: [UInt8], encoding: EncodingInfo) {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            let body = Array(bytes.dropFirst(3))
            let census = UTF8Census(body)
            let text = census.isValid ? body : repairUTF8(body)
            return (text, EncodingInfo(name: "UTF-8", declared: nil, decidedBy: .bom, lossy: !census.isValid))
        }
        for (bom, name) in [([UInt8](arrayLiteral: 0xFF, 0xFE), "UTF-16LE"), ([0xFE, 0xFF], "UTF-16BE")] where bytes.starts(with: bom) {
            let (text, errors) = Transcoder.toUTF8(Array(bytes.dropFirst(2)), from: name) ?? (repairUTF8(bytes), 1)
            return (text, EncodingInfo(name: name, declared: nil, decidedBy: .bom, lossy: errors > 0))
        }

        let declared = transportLabel ?? CharsetLabel.declared(in: bytes)
        let declaredName = declared.map(CharsetLabel.canonicalName)
        let census = UTF8Census(bytes)

        if census.isValid {
            if census.isASCII, let declaredName, declaredName != "UTF-8", !declaredName.hasPrefix("UTF-16") {
                // Pure ASCII reads the same in any ASCII-compatible encoding: honour the label.
                return (bytes, EncodingInfo(name: declaredName, declared: declared, decidedBy: .declared, lossy: false))
            }
            let by: EncodingInfo.DecidedBy = declaredName == "UTF-8" ? .declared : .sniffed
            return (bytes, EncodingInfo(name: "UTF-8", declared: declared, decidedBy: by, lossy: false))
        }

        if let declaredName, declaredName != "UTF-8", !declaredName.hasPrefix("UTF-16"),
           let (text, errors) = Transcoder.toUTF8(bytes, from: declaredName) {
            return (text, EncodingInfo(name: declaredName, declared: declared, decidedBy: .declared, lossy: errors > 0))
        }

        // Undeclared (or declared UTF-8, or an unknown label) and not well-formed UTF-8.
        // GBK text is almost never well-formed multi-byte UTF-8 (its bytes mostly read as stray
        // continuation bytes), so bytes with at least as many good sequences as bad ones are UTF-8.
        if census.multiByte > 0, census.multiByte >= census.invalid {
            let by: EncodingInfo.DecidedBy = declaredName == "UTF-8" ? .declared : .sniffed
            return (repairUTF8(bytes), EncodingInfo(name: "UTF-8", declared: declared, decidedBy: by, lossy: true))
        }
        let (text, errors) = Transcoder.toUTF8(bytes, from: "GB18030") ?? (repairUTF8(bytes), 1)
        let by: EncodingInfo.DecidedBy = declared == nil ? .fallback : .sniffed
        return (text, EncodingInfo(name: "GB18030", declared: declared, decidedBy: by, lossy: errors > 0))
    }

    /// Well-formed UTF-8 with each ill-formed sequence replaced by U+FFFD.
    static func repairUTF8(_ bytes: [UInt8]) -> [UInt8] {
        Array(String(decoding: bytes, as: UTF8.self).utf8)
    }
}
