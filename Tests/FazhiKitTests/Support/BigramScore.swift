import Foundation

/// Character-bigram precision, recall and F1 after NFKC and white-space removal: the Corpus
/// extraction score (the same measure peers.md uses for other extractors).
struct BigramScore: CustomStringConvertible {
    var precision: Double
    var recall: Double
    var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }

    init(extracted: String, gold: String) {
        let a = Self.bigrams(extracted)
        let b = Self.bigrams(gold)
        var overlap = 0
        for (k, n) in a { overlap += min(n, b[k] ?? 0) }
        let na = a.values.reduce(0, +)
        let nb = b.values.reduce(0, +)
        precision = na == 0 ? (nb == 0 ? 1 : 0) : Double(overlap) / Double(na)
        recall = nb == 0 ? 1 : Double(overlap) / Double(nb)
    }

    static func normalize(_ s: String) -> [Character] {
        Array(s.precomposedStringWithCompatibilityMapping.filter { !$0.isWhitespace })
    }

    static func bigrams(_ s: String) -> [String: Int] {
        let c = normalize(s)
        var out: [String: Int] = [:]
        guard c.count >= 2 else { return out }
        for i in 0..<(c.count - 1) { out[String([c[i], c[i + 1]]), default: 0] += 1 }
        return out
    }

    var description: String { String(format: "P %.3f R %.3f F1 %.3f", precision, recall, f1) }
}
