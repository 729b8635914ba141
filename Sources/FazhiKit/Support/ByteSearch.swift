/// Exact byte-sequence search in byte collections (containers: MIME boundaries, WARC headers),
/// by ``FastText``'s memchr/memcmp search.
enum ByteSearch {
    /// The first index at or after `from` where `needle` starts in `hay`.
    static func find<C: RandomAccessCollection>(_ needle: [UInt8], in hay: C, from: C.Index) -> C.Index? where C.Element == UInt8, C.Index == Int {
        guard from <= hay.endIndex else { return nil }
        let rest = hay[from...]
        let offset: Int?? = rest.withContiguousStorageIfAvailable { bytes in
            needle.withUnsafeBufferPointer { FastText.search(bytes, $0) }
        }
        return (offset ?? Array(rest).withUnsafeBufferPointer { bytes in
            needle.withUnsafeBufferPointer { FastText.search(bytes, $0) }
        }).map { from + $0 }
    }
}
