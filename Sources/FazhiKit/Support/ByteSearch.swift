/// Exact byte-sequence search in byte collections (containers: MIME boundaries, WARC headers).
enum ByteSearch {
    /// The first index at or after `from` where `needle` starts in `hay`.
    static func find<C: RandomAccessCollection>(_ needle: [UInt8], in hay: C, from: C.Index) -> C.Index? where C.Element == UInt8, C.Index == Int {
        guard !needle.isEmpty, hay.endIndex - from >= needle.count else { return nil }
        var i = from
        while i <= hay.endIndex - needle.count {
            if hay[i] == needle[0] {
                var k = 1
                while k < needle.count, hay[i + k] == needle[k] { k += 1 }
                if k == needle.count { return i }
            }
            i += 1
        }
        return nil
    }
}
