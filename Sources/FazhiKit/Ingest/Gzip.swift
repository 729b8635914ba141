internal import CZlib

/// gzip (and zlib) decompression with a size limit, so a compression bomb is refused, not obeyed.
enum Gzip {
    /// True when `bytes` start with the gzip magic number.
    static func isCompressed(_ bytes: [UInt8]) -> Bool {
        bytes.count >= 2 && bytes[0] == 0x1F && bytes[1] == 0x8B
    }

    enum Failure: Error { case tooLarge, corrupt(String) }

    /// The decompressed bytes (concatenated members are read in turn).
    /// - parameter partial: return what decompresses when the input ends early (to peek at a head).
    static func inflate(_ input: [UInt8], limit: Int, partial: Bool = false) throws(Failure) -> [UInt8] {
        var stream = z_stream()
        guard czlib_inflate_init_gzip(&stream) == Z_OK else { throw .corrupt("zlib could not start") }
        defer { inflateEnd(&stream) }
        var output: [UInt8] = []
        output.reserveCapacity(min(limit, input.count * 4))
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        var consumed = 0
        var failure: Failure?
        input.withUnsafeBufferPointer { inBuf in
            stream.next_in = UnsafeMutablePointer(mutating: inBuf.baseAddress)
            stream.avail_in = UInt32(inBuf.count)
            while failure == nil {
                let rc: Int32 = chunk.withUnsafeMutableBufferPointer { out in
                    stream.next_out = out.baseAddress
                    stream.avail_out = UInt32(out.count)
                    return CZlib.inflate(&stream, Z_NO_FLUSH)
                }
                let produced = chunk.count - Int(stream.avail_out)
                if output.count + produced > limit { failure = .tooLarge; break }
                output.append(contentsOf: chunk[0..<produced])
                consumed = inBuf.count - Int(stream.avail_in)
                switch rc {
                case Z_OK:
                    if produced == 0 && stream.avail_in == 0 { failure = .corrupt("the gzip data ends early (truncated file)") }
                case Z_STREAM_END:
                    // Another gzip member may follow (concatenated .gz files).
                    if consumed < inBuf.count, inBuf[consumed] == 0x1F { inflateReset(&stream); continue }
                    return
                case Z_BUF_ERROR:
                    if stream.avail_in == 0 { failure = .corrupt("the gzip data ends early (truncated file)") }
                default:
                    let message = stream.msg.map { String(cString: $0) } ?? "code \(rc)"
                    failure = .corrupt("the gzip data is corrupt (\(message))")
                }
            }
        }
        if let failure {
            if partial, case .corrupt = failure { return output }
            throw failure
        }
        return output
    }
}
