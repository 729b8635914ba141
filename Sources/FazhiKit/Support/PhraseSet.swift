/// A set of phrases searched for in one pass over a text's UTF-8 bytes: candidates are looked up
/// by their first byte pair, so a block is scanned once however many phrases a rule lists.
struct PhraseSet: Sendable {
    private let phrases: [[UInt8]]
    /// Phrase indices by their first two bytes (every phrase here has at least two).
    private let byLead: [UInt16: [Int]]
    /// A bit per first-byte pair: most positions are rejected without hashing.
    private let leadBits: [UInt64]

    init(_ words: [String]) {
        phrases = words.map { Array($0.utf8) }
        var lead: [UInt16: [Int]] = [:]
        var bits = [UInt64](repeating: 0, count: 1024)
        for (i, p) in phrases.enumerated() where p.count >= 2 {
            let key = UInt16(p[0]) << 8 | UInt16(p[1])
            lead[key, default: []].append(i)
            bits[Int(key >> 6)] |= 1 << UInt64(key & 63)
        }
        byLead = lead
        leadBits = bits
    }

    @inline(__always)
    private func mayStart(_ key: UInt16) -> Bool { leadBits[Int(key >> 6)] & (1 << UInt64(key & 63)) != 0 }

    /// True when any phrase occurs in `text`.
    func occurs(in text: String) -> Bool {
        var t = text
        return t.withUTF8 { bytes in
            let n = bytes.count
            guard n >= 2 else { return false }
            for i in 0..<(n - 1) {
                let key = UInt16(bytes[i]) << 8 | UInt16(bytes[i + 1])
                guard mayStart(key), let candidates = byLead[key] else { continue }
                for c in candidates {
                    let p = phrases[c]
                    if i + p.count <= n, p.withUnsafeBufferPointer({ memcmp(bytes.baseAddress! + i, $0.baseAddress!, p.count) == 0 }) { return true }
                }
            }
            return false
        }
    }

    /// How many distinct phrases occur in `text`.
    func count(in text: String) -> Int {
        var t = text
        var seen = Set<Int>()
        t.withUTF8 { bytes in
            let n = bytes.count
            guard n >= 2 else { return }
            for i in 0..<(n - 1) {
                let key = UInt16(bytes[i]) << 8 | UInt16(bytes[i + 1])
                guard mayStart(key), let candidates = byLead[key] else { continue }
                for c in candidates where !seen.contains(c) {
                    let p = phrases[c]
                    if i + p.count <= n, p.withUnsafeBufferPointer({ memcmp(bytes.baseAddress! + i, $0.baseAddress!, p.count) == 0 }) { seen.insert(c) }
                }
            }
        }
        return seen.count
    }

    /// True when `text` starts with one of the phrases.
    func starts(_ text: String) -> Bool {
        var t = text
        return t.withUTF8 { bytes in
            guard bytes.count >= 2, let candidates = byLead[UInt16(bytes[0]) << 8 | UInt16(bytes[1])] else { return false }
            return candidates.contains { c in
                let p = phrases[c]
                return p.count <= bytes.count && p.withUnsafeBufferPointer { memcmp(bytes.baseAddress!, $0.baseAddress!, p.count) == 0 }
            }
        }
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
