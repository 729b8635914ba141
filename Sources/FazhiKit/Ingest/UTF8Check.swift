/// A census of how well bytes read as UTF-8.
struct UTF8Census {
    /// Well-formed multi-byte sequences.
    var multiByte = 0
    /// Ill-formed sequences (each would become one U+FFFD).
    var invalid = 0
    /// True when every byte is ASCII.
    var isASCII: Bool { multiByte == 0 && invalid == 0 }
    /// True when the bytes are well-formed UTF-8.
    var isValid: Bool { invalid == 0 }

    init(_ bytes: [UInt8]) {
        var i = 0
        let n = bytes.count
        bytes.withUnsafeBufferPointer { b in
            let raw = UnsafeRawPointer(b.baseAddress)
            while i < n {
                // Markup is mostly ASCII: step over eight ASCII bytes at a time.
                if let raw, i + 8 <= n, raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                    i += 8
                    continue
                }
                let c = b[i]
                if c < 0x80 { i += 1; continue }
                let len: Int
                var lo: UInt8 = 0x80, hi: UInt8 = 0xBF
                switch c {
                case 0xC2...0xDF: len = 2
                case 0xE0: len = 3; lo = 0xA0
                case 0xE1...0xEC, 0xEE...0xEF: len = 3
                case 0xED: len = 3; hi = 0x9F
                case 0xF0: len = 4; lo = 0x90
                case 0xF1...0xF3: len = 4
                case 0xF4: len = 4; hi = 0x8F
                default: invalid += 1; i += 1; continue
                }
                var ok = i + len <= n
                if ok {
                    if b[i + 1] < lo || b[i + 1] > hi { ok = false }
                    var k = 2
                    while ok, k < len { if b[i + k] & 0xC0 != 0x80 { ok = false }; k += 1 }
                }
                if ok { multiByte += 1; i += len } else { invalid += 1; i += 1 }
            }
        }
    }
}
