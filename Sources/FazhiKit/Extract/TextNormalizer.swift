/// White-space handling for page text, done once per block.
enum TextNormalizer {
    /// Characters trimmed from block edges: ASCII white space, NBSP, the en/em/ideographic spaces
    /// portals indent with, and zero-width characters.
    static func isEdgeSpace(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20, 0xA0, 0x2000...0x200B, 0x3000, 0xFEFF, 0x200C, 0x200D, 0x2060: return true
        default: return false
        }
    }

    /// Collapses white space across the runs of one block as CSS does: a run of spaces becomes
    /// one space, and a source line break between two wide (CJK) characters disappears (CSS Text 3
    /// segment-break transformation), so "2020年<newline>我委" reads "2020年我委". Wide spaces at the
    /// block's edges are trimmed; runs left empty are dropped. Works on UTF-8 bytes (hot path).
    static func normalizeRuns(_ runs: [TextRun]) -> [TextRun] {
        var normalizer = RunNormalizer()
        return normalizer.normalize(runs)
    }

    /// The scalar value and byte length of the UTF-8 sequence at `i` (input is valid UTF-8).
    @inline(__always)
    static func decode(_ b: UnsafeBufferPointer<UInt8>, at i: Int) -> (UInt32, Int) {
        let c = b[i]
        if c < 0x80 { return (UInt32(c), 1) }
        if c < 0xE0, i + 1 < b.count { return (UInt32(c & 0x1F) << 6 | UInt32(b[i + 1] & 0x3F), 2) }
        if c < 0xF0, i + 2 < b.count { return (UInt32(c & 0x0F) << 12 | UInt32(b[i + 1] & 0x3F) << 6 | UInt32(b[i + 2] & 0x3F), 3) }
        if i + 3 < b.count {
            return (UInt32(c & 0x07) << 18 | UInt32(b[i + 1] & 0x3F) << 12 | UInt32(b[i + 2] & 0x3F) << 6 | UInt32(b[i + 3] & 0x3F), 4)
        }
        return (0xFFFD, 1)
    }

    /// The byte length of the edge-space character (``isEdgeSpaceValue(_:)``) starting at byte `i`,
    /// or 0 when none starts there (including in the middle of another character). Tests lead
    /// bytes first, so Chinese text (leads E4–E9) is passed over at one comparison per byte.
    @inline(__always)
    static func edgeSpaceLength(_ b: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
        let c = b[i]
        switch c {
        case 0x09...0x0D, 0x20: return 1
        case 0xC2: return i + 1 < b.count && b[i + 1] == 0xA0 ? 2 : 0
        case 0xE2, 0xE3, 0xEF:
            guard i + 2 < b.count else { return 0 }
            let value = UInt32(c & 0x0F) << 12 | UInt32(b[i + 1] & 0x3F) << 6 | UInt32(b[i + 2] & 0x3F)
            return isEdgeSpaceValue(value) ? 3 : 0
        default: return 0
        }
    }

    static func isEdgeSpaceValue(_ v: UInt32) -> Bool {
        switch v {
        case 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20, 0xA0, 0x2000...0x200B, 0x3000, 0xFEFF, 0x200C, 0x200D, 0x2060: return true
        default: return false
        }
    }

    @inline(__always)
    static func isWide(_ v: UInt32) -> Bool {
        v >= 0x2E80 && v <= 0xFFEF && !(0xD800...0xDFFF).contains(v) || v >= 0x20000
    }

    /// What a byte of a block's text is, for white-space collapsing.
    enum ByteClass {
        case ordinary, space, lineBreak, invisible
    }

    /// The class and length of the character at byte `i`: collapsible spaces, line breaks and the
    /// zero-width characters that are dropped are recognised by their lead byte; anything else is
    /// ordinary text.
    @inline(__always)
    static func classify(_ b: UnsafeBufferPointer<UInt8>, at i: Int) -> (ByteClass, Int) {
        let c = b[i]
        switch c {
        case 0x0A, 0x0D: return (.lineBreak, 1)
        case 0x09, 0x0B, 0x0C, 0x20: return (.space, 1)
        case 0x00..<0x80: return (.ordinary, 1)
        case 0xC2: return (i + 1 < b.count && b[i + 1] == 0xA0 ? .space : .ordinary, 2)
        case 0xE2, 0xEF:
            guard i + 2 < b.count else { return (.ordinary, 3) }
            let value = UInt32(c & 0x0F) << 12 | UInt32(b[i + 1] & 0x3F) << 6 | UInt32(b[i + 2] & 0x3F)
            switch value {
            case 0x200B, 0xFEFF, 0x200C, 0x200D, 0x2060, 0xFFFE: return (.invisible, 3)
            default: return (.ordinary, 3)
            }
        case 0xC0..<0xE0: return (.ordinary, 2)
        case 0xE0..<0xF0: return (.ordinary, 3)
        case 0xF0...: return (.ordinary, 4)
        default: return (.ordinary, 1)
        }
    }

    /// One string normalised the same way (for metadata values and table cells).
    static func normalize(_ text: String) -> String {
        normalizeRuns([TextRun(text: text)]).first?.text ?? ""
    }
}
