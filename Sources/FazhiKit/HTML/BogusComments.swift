#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Removes the `<![if …]>` / `<![endif]>` markers Word writes ("downlevel-revealed" conditional
/// comments). Browsers parse them as bogus comments and show nothing; libxml2 2.9 shows them as text.
/// Markers inside real comments (`<!--[if IE]>…<![endif]-->`) are left alone.
enum BogusComments {
    private static let lt = UInt8(ascii: "<"), bang = UInt8(ascii: "!"), open = UInt8(ascii: "["), gt = UInt8(ascii: ">"),
                       dash = UInt8(ascii: "-")

    /// `bytes` without `<![…]>` markers outside comments (`<![CDATA[` sections are kept).
    static func strip(_ bytes: [UInt8]) -> [UInt8] {
        guard contains(bytes) else { return bytes }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        let n = bytes.count
        while i < n {
            guard bytes[i] == lt, i + 3 < n, bytes[i + 1] == bang else { out.append(bytes[i]); i += 1; continue }
            if bytes[i + 2] == dash, bytes[i + 3] == dash {
                // A real comment: copy through its end.
                var j = i + 4
                while j + 2 < n, !(bytes[j] == dash && bytes[j + 1] == dash && bytes[j + 2] == gt) { j += 1 }
                let end = min(n, j + 3)
                out.append(contentsOf: bytes[i..<end])
                i = end
                continue
            }
            if bytes[i + 2] == open, !(i + 8 < n && bytes[(i + 3)..<(i + 9)].elementsEqual("CDATA[".utf8)) {
                var j = i + 3
                let limit = min(n, i + 200)
                while j < limit, bytes[j] != gt { j += 1 }
                if j < limit { i = j + 1; continue }
            }
            out.append(bytes[i])
            i += 1
        }
        return out
    }

    /// True when `<![` occurs (memchr for `<`, so most pages are ruled out at memory speed).
    private static func contains(_ b: [UInt8]) -> Bool {
        b.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return false }
            var k = 0
            while k + 2 < buffer.count {
                guard let hit = memchr(base + k, Int32(lt), buffer.count - k - 2) else { return false }
                k = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                if buffer[k + 1] == bang, buffer[k + 2] == open { return true }
                k += 1
            }
            return false
        }
    }
}
