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

    /// Collapsible white space inside a block (browsers render a run of it as one space).
    static func isCollapsible(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20, 0xA0: return true
        default: return false
        }
    }

    /// East Asian wide characters (CJK ideographs, kana, full-width forms and punctuation).
    static func isWide(_ s: Unicode.Scalar) -> Bool {
        s.value >= 0x2E80 && s.value <= 0xFFEF && !(0xD800...0xDFFF).contains(s.value) || s.value >= 0x20000
    }

    /// Zero-width characters that are dropped.
    static func isInvisible(_ s: Unicode.Scalar) -> Bool {
        s.value == 0x200B || s.value == 0xFEFF || s.value == 0x200C || s.value == 0x200D || s.value == 0x2060 || s.value == 0xFFFE
    }

    /// Collapses white space across the runs of one block as CSS does: a run of spaces becomes
    /// one space, and a source line break between two wide (CJK) characters disappears (CSS Text 3
    /// segment-break transformation), so "2020年<newline>我委" reads "2020年我委". Runs left empty are dropped.
    static func normalizeRuns(_ runs: [TextRun]) -> [TextRun] {
        var out: [TextRun] = []
        out.reserveCapacity(runs.count)
        var pendingSpace = false
        var pendingBreak = false
        var previous: Unicode.Scalar?
        for run in runs {
            var text = String.UnicodeScalarView()
            for s in run.text.unicodeScalars {
                if isCollapsible(s) {
                    if s == "\n" || s == "\r" { pendingBreak = true } else { pendingSpace = true }
                    continue
                }
                if isInvisible(s) { continue }
                if (pendingSpace || pendingBreak), let p = previous {
                    let bothWide = isWide(p) && isWide(s)
                    if pendingSpace && !pendingBreak || !bothWide { text.append(" ") }
                }
                pendingSpace = false
                pendingBreak = false
                text.append(s)
                previous = s
            }
            if !text.isEmpty {
                var r = run
                r.text = String(text)
                out.append(r)
            }
        }
        // Trim wide spaces at both edges of the block.
        while let first = out.first {
            let trimmed = String(String.UnicodeScalarView(first.text.unicodeScalars.drop(while: isEdgeSpace)))
            if trimmed.isEmpty { out.removeFirst(); continue }
            out[0].text = trimmed
            break
        }
        while let last = out.last {
            var scalars = Array(last.text.unicodeScalars)
            while let l = scalars.last, isEdgeSpace(l) { scalars.removeLast() }
            if scalars.isEmpty { out.removeLast(); continue }
            out[out.count - 1].text = String(String.UnicodeScalarView(scalars))
            break
        }
        return out
    }

    /// One string normalised the same way (for metadata values and table cells).
    static func normalize(_ text: String) -> String {
        normalizeRuns([TextRun(text: text)]).first?.text ?? ""
    }
}
