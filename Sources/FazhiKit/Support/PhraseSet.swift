#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A set of phrases searched for in one pass over a text's UTF-8 bytes: candidates are looked up
/// by their first three bytes (a whole CJK character), after a 65,536-bit filter has rejected
/// almost every position without hashing; continuation bytes are skipped, since a phrase starts
/// at a character. A block is scanned once however many phrases a rule lists.
struct PhraseSet: Sendable {
    private let phrases: [[UInt8]]
    /// Phrase indices by their first three bytes.
    private let byLead: [UInt32: [Int]]
    /// A bit per hashed first-three-byte key.
    private let leadBits: [UInt64]
    /// Phrases shorter than three bytes, tried at every character.
    private let short: [Int]
    /// The group of each phrase (see ``init(groups:)``).
    private let group: [UInt8]

    init(_ words: [String]) { self.init(groups: [words]) }

    /// Phrases in up to 32 groups, so that ``groups(in:)`` tells in one pass which groups occur.
    init(groups: [[String]]) {
        precondition(groups.count <= 32)
        let words = groups.joined()
        group = groups.enumerated().flatMap { g, list in list.map { _ in UInt8(g) } }
        phrases = words.map { Array($0.utf8) }
        var lead: [UInt32: [Int]] = [:]
        var bits = [UInt64](repeating: 0, count: 1024)
        var short: [Int] = []
        for (i, p) in phrases.enumerated() {
            guard p.count >= 3 else { short.append(i); continue }
            let key = Self.key(p[0], p[1], p[2])
            lead[key, default: []].append(i)
            let h = Self.slot(key)
            bits[h >> 6] |= 1 << UInt64(h & 63)
        }
        byLead = lead
        leadBits = bits
        self.short = short
    }

    @inline(__always)
    private static func key(_ a: UInt8, _ b: UInt8, _ c: UInt8) -> UInt32 { UInt32(a) << 16 | UInt32(b) << 8 | UInt32(c) }

    @inline(__always)
    private static func slot(_ key: UInt32) -> Int { Int((key &* 2_654_435_761) >> 16) & 0xFFFF }

    @inline(__always)
    private func mayStart(_ key: UInt32) -> Bool {
        let h = Self.slot(key)
        return leadBits[h >> 6] & (1 << UInt64(h & 63)) != 0
    }

    @inline(__always)
    private func matches(_ c: Int, _ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        let p = phrases[c]
        return i + p.count <= bytes.count && p.withUnsafeBufferPointer { memcmp(bytes.baseAddress! + i, $0.baseAddress!, p.count) == 0 }
    }

    /// Calls `found` with each phrase index that starts at byte `i`; stops when it returns true.
    @inline(__always)
    private func candidates(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int, _ found: (Int) -> Bool) -> Bool {
        if i + 2 < bytes.count {
            let key = Self.key(bytes[i], bytes[i + 1], bytes[i + 2])
            if mayStart(key), let list = byLead[key] {
                for c in list where matches(c, bytes, at: i) { if found(c) { return true } }
            }
        }
        for c in short where matches(c, bytes, at: i) { if found(c) { return true } }
        return false
    }

    /// True when any phrase occurs in `text`.
    func occurs(in text: String) -> Bool {
        var t = text
        return t.withUTF8 { bytes in
            for i in 0..<bytes.count where bytes[i] & 0xC0 != 0x80 {
                if candidates(bytes, at: i, { _ in true }) { return true }
            }
            return false
        }
    }

    /// The groups with a phrase in `text`: bit `g` for group `g` of ``init(groups:)``.
    func groups(in text: String) -> UInt32 {
        var t = text
        var found: UInt32 = 0
        t.withUTF8 { bytes in
            for i in 0..<bytes.count where bytes[i] & 0xC0 != 0x80 {
                _ = candidates(bytes, at: i) { c in
                    found |= 1 << UInt32(group[c])
                    return false
                }
            }
        }
        return found
    }

    /// How many distinct phrases occur in `text`.
    func count(in text: String) -> Int {
        var t = text
        var seen = Set<Int>()
        t.withUTF8 { bytes in
            for i in 0..<bytes.count where bytes[i] & 0xC0 != 0x80 {
                _ = candidates(bytes, at: i) { c in
                    seen.insert(c)
                    return false
                }
            }
        }
        return seen.count
    }

    /// True when `text` starts with one of the phrases.
    func starts(_ text: String) -> Bool {
        var t = text
        return t.withUTF8 { bytes in
            guard !bytes.isEmpty else { return false }
            return candidates(bytes, at: 0) { _ in true }
        }
    }
}
