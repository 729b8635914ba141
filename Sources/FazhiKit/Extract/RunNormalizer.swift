/// ``TextNormalizer/normalizeRuns(_:)`` with its buffers kept between blocks: the block builder
/// holds one per page and calls it for every block, with the block's raw text as bytes.
struct RunNormalizer {
    /// One styled stretch of a block's raw text: it ends at byte `end` of the block's bytes.
    struct RawRun {
        var end: Int
        var bold: Bool
        var font: FontClass?
        var link: Bool
    }

    /// Every run's cleaned bytes, one after another.
    private var bytes: [UInt8] = []
    /// Where each run's bytes end in ``bytes``.
    private var ends: [Int] = []
    /// Scratch for ``normalize(_:)``: the runs' texts, one after another.
    private var raw: [UInt8] = []

    /// The runs of one block with white space collapsed and the block's edges trimmed; runs left
    /// empty are dropped.
    mutating func normalize(_ runs: [TextRun]) -> [TextRun] {
        guard !runs.isEmpty else { return [] }
        raw.removeAll(keepingCapacity: true)
        var rawRuns: [RawRun] = []
        rawRuns.reserveCapacity(runs.count)
        for run in runs {
            raw.append(contentsOf: run.text.utf8)
            rawRuns.append(RawRun(end: raw.count, bold: run.bold, font: run.font, link: run.link))
        }
        let text = raw
        return text.withUnsafeBufferPointer { normalize($0, runs: rawRuns) }
    }

    /// The runs of one block, given as the block's raw UTF-8 text and where each run ends in it,
    /// with white space collapsed and the block's edges trimmed; runs left empty are dropped.
    mutating func normalize(_ text: UnsafeBufferPointer<UInt8>, runs: [RawRun]) -> [TextRun] {
        guard !runs.isEmpty else { return [] }
        bytes.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
        var pendingSpace = false
        var pendingBreak = false
        var started = false
        var previousWide = false
        var runStart = 0
        for run in runs {
            let utf8 = UnsafeBufferPointer(rebasing: text[runStart..<run.end])
            runStart = run.end
            var i = 0
            let n = utf8.count
            while i < n {
                let (kind, length) = TextNormalizer.classify(utf8, at: i)
                switch kind {
                case .lineBreak: pendingBreak = true; i += 1
                case .space: pendingSpace = true; i += length
                case .invisible: i += length
                case .ordinary:
                    let end = min(i + length, n)
                    if (pendingSpace || pendingBreak) && started {
                        let (value, _) = TextNormalizer.decode(utf8, at: i)
                        let bothWide = previousWide && TextNormalizer.isWide(value)
                        if pendingSpace && !pendingBreak || !bothWide { bytes.append(0x20) }
                    }
                    pendingSpace = false
                    pendingBreak = false
                    // Copy this character and every ordinary one after it in one go.
                    var stop = end
                    var last = i
                    while stop < n {
                        let (k, l) = TextNormalizer.classify(utf8, at: stop)
                        guard k == .ordinary else { break }
                        last = stop
                        stop = min(stop + l, n)
                    }
                    bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[i..<stop]))
                    previousWide = TextNormalizer.isWide(TextNormalizer.decode(utf8, at: last).0)
                    started = true
                    i = stop
                }
            }
            ends.append(bytes.count)
        }
        // Trim wide spaces (U+3000, NBSP, en/em spaces) at both edges of the block.
        return bytes.withUnsafeBufferPointer { b -> [TextRun] in
            var lo = 0
            while lo < b.count {
                let (value, length) = TextNormalizer.decode(b, at: lo)
                guard TextNormalizer.isEdgeSpaceValue(value) else { break }
                lo += length
            }
            var hi = b.count
            while hi > lo {
                var start = hi - 1
                while start > lo, b[start] & 0xC0 == 0x80 { start -= 1 }
                let (value, _) = TextNormalizer.decode(b, at: start)
                guard TextNormalizer.isEdgeSpaceValue(value) else { break }
                hi = start
            }
            var out: [TextRun] = []
            out.reserveCapacity(runs.count)
            var begin = 0
            for (k, run) in runs.enumerated() {
                let from = max(begin, lo)
                let to = min(ends[k], hi)
                begin = ends[k]
                guard from < to else { continue }
                out.append(TextRun(text: String(decoding: UnsafeBufferPointer(rebasing: b[from..<to]), as: UTF8.self),
                                   bold: run.bold, font: run.font, link: run.link))
            }
            return out
        }
    }
}
