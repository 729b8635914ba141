/// ``TextNormalizer/normalizeRuns(_:)`` with its buffers kept between blocks: the block builder
/// holds one per page and makes every block with ``block(_:runs:)``, from the block's raw text as bytes.
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
        let kept = collapse(text, runs: runs)
        return bytes.withUnsafeBufferPointer { textRuns(runs, kept, in: $0, capacity: runs.count) }
    }

    /// A block made from its raw text and runs as ``normalize(_:runs:)`` cleans them: the text (the
    /// cleaned runs joined), the runs themselves unless they are one unstyled run (which says nothing
    /// the text does not; no runs saves memory on huge pages), and the scalars inside links. Nil when
    /// nothing is left. The text is made once, straight from the bytes.
    mutating func block(_ text: UnsafeBufferPointer<UInt8>, runs: [RawRun]) -> (text: String, runs: [TextRun], linkScalars: Int)? {
        guard !runs.isEmpty else { return nil }
        let kept = collapse(text, runs: runs)
        guard !kept.isEmpty else { return nil }
        return bytes.withUnsafeBufferPointer { b in
            var count = 0
            var plain = true
            var linkScalars = 0
            forEachRun(runs, kept) { run, range in
                count += 1
                plain = plain && !run.bold && run.font == nil && !run.link
                if run.link { linkScalars += b[range].reduce(0) { $1 & 0xC0 == 0x80 ? $0 : $0 + 1 } }
            }
            let joined = String(decoding: UnsafeBufferPointer(rebasing: b[kept]), as: UTF8.self)
            guard !(count == 1 && plain) else { return (joined, [], linkScalars) }
            // A block of one styled run: the run's text is the block's, the same string.
            return (joined, textRuns(runs, kept, in: b, capacity: count, whole: count == 1 ? joined : nil), linkScalars)
        }
    }

    /// The runs left non-empty as ``TextRun``s, each with its text from `b` (or `whole`, the text of
    /// a single run already made).
    private func textRuns(_ runs: [RawRun], _ kept: Range<Int>, in b: UnsafeBufferPointer<UInt8>, capacity: Int,
                          whole: String? = nil) -> [TextRun] {
        var out: [TextRun] = []
        out.reserveCapacity(capacity)
        forEachRun(runs, kept) { run, range in
            out.append(TextRun(text: whole ?? String(decoding: UnsafeBufferPointer(rebasing: b[range]), as: UTF8.self),
                               bold: run.bold, font: run.font, link: run.link))
        }
        return out
    }

    /// Calls `body` with each run left non-empty and its range in ``bytes`` within `kept`.
    private func forEachRun(_ runs: [RawRun], _ kept: Range<Int>, _ body: (RawRun, Range<Int>) -> Void) {
        var begin = 0
        for (k, run) in runs.enumerated() {
            let from = max(begin, kept.lowerBound)
            let to = min(ends[k], kept.upperBound)
            begin = ends[k]
            guard from < to else { continue }
            body(run, from..<to)
        }
    }

    /// Collapses the runs' white space into ``bytes`` (each run's end in ``ends``) and returns the
    /// range left when wide spaces at the block's edges are trimmed.
    private mutating func collapse(_ text: UnsafeBufferPointer<UInt8>, runs: [RawRun]) -> Range<Int> {
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
        return bytes.withUnsafeBufferPointer { b -> Range<Int> in
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
            return lo..<hi
        }
    }
}
