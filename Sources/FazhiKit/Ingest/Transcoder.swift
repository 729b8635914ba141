#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Conversion of page bytes to UTF-8 with glibc iconv, replacing what cannot be decoded.
enum Transcoder {
    /// The UTF-8 bytes of `input` read as `charset`, and how many bytes were undecodable.
    /// Each undecodable byte becomes U+FFFD, so a bad byte never drops the rest of the page.
    /// Returns nil when iconv does not know `charset`.
    static func toUTF8(_ input: [UInt8], from charset: String) -> (bytes: [UInt8], errors: Int)? {
        let cd = iconv_open("UTF-8", charset)
        if cd == iconv_t(bitPattern: -1) { return nil }
        defer { iconv_close(cd) }
        var output = [UInt8](repeating: 0, count: input.count * 2 + 64)
        var produced = 0
        var errors = 0
        var consumed = 0
        while consumed < input.count {
            if output.count - produced < 8 { output.append(contentsOf: repeatElement(0, count: output.count / 2)) }
            let status: Int32 = input.withUnsafeBufferPointer { inBuf in
                output.withUnsafeMutableBufferPointer { outBuf in
                    var inPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(mutating: inBuf.baseAddress! + consumed)
                        .assumingMemoryBound(to: CChar.self)
                    var inLeft = inBuf.count - consumed
                    var outPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBuf.baseAddress! + produced)
                        .assumingMemoryBound(to: CChar.self)
                    var outLeft = outBuf.count - produced
                    let rc = iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft)
                    consumed = inBuf.count - inLeft
                    produced = outBuf.count - outLeft
                    return rc == -1 ? errno : 0
                }
            }
            switch status {
            case 0, E2BIG:
                continue
            default:  // EILSEQ, EINVAL (cut at the end): one U+FFFD for the offending byte
                if output.count - produced < 3 { output.append(contentsOf: repeatElement(0, count: 64)) }
                output[produced] = 0xEF; output[produced + 1] = 0xBF; output[produced + 2] = 0xBD
                produced += 3
                errors += 1
                consumed += 1
            }
        }
        output.removeSubrange(produced...)
        return (output, errors)
    }
}
