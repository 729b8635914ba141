#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Byte-wise (UTF-8) substring search. In a module that imports Foundation, `"…".contains("…")`
/// resolves to NSString's locale-aware search, which profiling showed to take 40 % of the pipeline;
/// these overloads (more specific than Foundation's generic one) make every such call a `memmem`.
/// Chinese text needs no folding: the pipeline compares exact code points.
extension StringProtocol {
    /// True when `other` occurs in the string (exact UTF-8 match).
    @inlinable
    public func contains(_ other: String) -> Bool {
        FastText.offset(of: other, in: self) != nil
    }

    /// The range of the first occurrence of `other` (exact UTF-8 match).
    public func firstRange(of other: String) -> Range<Index>? {
        guard let offset = FastText.offset(of: other, in: self) else { return nil }
        let start = utf8.index(utf8.startIndex, offsetBy: offset)
        let end = utf8.index(start, offsetBy: other.utf8.count)
        return start..<end
    }
}

/// The search itself.
public enum FastText {
    /// First occurrence of `needle` in `hay`: memchr for the first byte, memcmp for the rest.
    @usableFromInline
    static func search(_ hay: UnsafeBufferPointer<UInt8>, _ needle: UnsafeBufferPointer<UInt8>) -> Int? {
        let n = needle.count
        guard n > 0, hay.count >= n, let base = hay.baseAddress, let p = needle.baseAddress else { return nil }
        let first = Int32(p.pointee)
        var i = 0
        let last = hay.count - n
        while i <= last {
            guard let hit = memchr(base + i, first, last - i + 1) else { return nil }
            let at = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            if n == 1 || memcmp(base + at + 1, p + 1, n - 1) == 0 { return at }
            i = at + 1
        }
        return nil
    }

    /// UTF-8 offset of the first `needle` in `haystack`.
    public static func offset(of needle: String, in haystack: some StringProtocol) -> Int? {
        var needle = needle
        let n = needle.utf8.count
        if n == 0 { return 0 }
        let found: Int?? = haystack.utf8.withContiguousStorageIfAvailable { hay -> Int? in
            needle.withUTF8 { pin -> Int? in
                search(hay, pin)
            }
        }
        if let found { return found }
        // Non-contiguous (bridged) storage: copy once.
        var copy = String(haystack)
        return copy.withUTF8 { hay -> Int? in
            needle.withUTF8 { pin -> Int? in
                search(hay, pin)
            }
        }
    }
}

extension String {
    /// The number of Unicode scalars, counted on the UTF-8 bytes (no Character or index walk).
    var scalarCount: Int {
        var copy = self
        return copy.withUTF8 { bytes in
            var n = 0
            for b in bytes where b & 0xC0 != 0x80 { n += 1 }
            return n
        }
    }
}
