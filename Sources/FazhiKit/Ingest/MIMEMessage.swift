/// A minimal MIME reader for MHTML files ("save as single file"): header fields and parts.
struct MIMEPart {
    /// Header fields, names lower-cased, folded lines joined.
    var headers: [String: String]
    /// The raw body bytes (still transfer-encoded).
    var body: ArraySlice<UInt8>

    var contentType: String { headers["content-type"] ?? "text/plain" }

    /// The body with its Content-Transfer-Encoding undone.
    func decodedBody() -> [UInt8] {
        switch headers["content-transfer-encoding"]?.lowercased().trimmingASCIISpaces() {
        case "quoted-printable": return QuotedPrintable.decode(body)
        case "base64": return Base64Body.decode(body)
        default: return Array(body)
        }
    }

    /// Splits `bytes` into its header block and body at the first blank line.
    static func parse(_ bytes: ArraySlice<UInt8>) -> MIMEPart {
        var headers: [String: String] = [:]
        var lastName: String?
        var i = bytes.startIndex
        while i < bytes.endIndex {
            let lineEnd = bytes[i...].firstIndex(of: 0x0A) ?? bytes.endIndex
            var line = bytes[i..<lineEnd]
            if line.last == 0x0D { line = line.dropLast() }
            i = lineEnd < bytes.endIndex ? lineEnd + 1 : lineEnd
            if line.isEmpty { break }
            let text = String(decoding: line, as: UTF8.self)
            if let first = line.first, first == 0x20 || first == 0x09, let name = lastName {
                headers[name, default: ""] += " " + text.trimmingASCIISpaces()
            } else if let colon = text.firstIndex(of: ":") {
                let name = text[..<colon].lowercased().trimmingASCIISpaces()
                headers[name] = String(text[text.index(after: colon)...]).trimmingASCIISpaces()
                lastName = name
            }
        }
        return MIMEPart(headers: headers, body: bytes[i...])
    }

    /// A parameter (`boundary`, `charset`) of a header value, unquoted.
    static func parameter(_ name: String, in value: String) -> String? {
        for piece in value.split(separator: ";").dropFirst() {
            let kv = piece.split(separator: "=", maxSplits: 1)
            guard kv.count == 2, kv[0].lowercased().trimmingASCIISpaces() == name else { continue }
            var v = kv[1].trimmingASCIISpaces()
            if v.hasPrefix("\"") && v.hasSuffix("\"") && v.count >= 2 { v = String(v.dropFirst().dropLast()) }
            return v
        }
        return nil
    }
}

/// Reads an MHTML file and returns its HTML part.
enum MHTML {
    /// True when the bytes look like a MIME multipart file rather than HTML.
    static func looks(_ bytes: [UInt8]) -> Bool {
        // A page starts with markup; a MIME file with a header field name.
        guard let first = bytes.first(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }),
              (first >= 0x41 && first <= 0x5A) || (first >= 0x61 && first <= 0x7A) else { return false }
        let head = String(decoding: bytes.prefix(4096), as: UTF8.self).lowercased()
        guard !head.hasPrefix("<") else { return false }
        return head.contains("mime-version:") && head.contains("multipart/")
            || head.hasPrefix("from:") && head.contains("content-type: multipart/")
    }

    struct HTMLPart {
        var bytes: [UInt8]
        var charset: String?
        var location: String?
    }

    enum Failure: Error { case noBoundary, noHTMLPart }

    /// The first text/html part, transfer-decoded, with its charset and Content-Location.
    static func htmlPart(of bytes: [UInt8]) throws(Failure) -> HTMLPart {
        let top = MIMEPart.parse(bytes[...])
        guard let boundary = MIMEPart.parameter("boundary", in: top.contentType), !boundary.isEmpty else {
            throw .noBoundary
        }
        let delimiter = Array(("--" + boundary).utf8)
        var parts: [ArraySlice<UInt8>] = []
        var start: Int?
        var i = 0
        while let at = ByteSearch.find(delimiter, in: bytes, from: i) {
            if let s = start { parts.append(bytes[s..<at]) }
            var next = at + delimiter.count
            while next < bytes.count, bytes[next] != 0x0A { next += 1 }  // rest of the delimiter line
            start = min(next + 1, bytes.count)
            i = start!
        }
        if let s = start, s < bytes.count { parts.append(bytes[s...]) }  // unterminated last part
        guard !parts.isEmpty else { throw .noBoundary }
        for raw in parts {
            let part = MIMEPart.parse(raw)
            guard part.contentType.lowercased().hasPrefix("text/html") else { continue }
            return HTMLPart(bytes: part.decodedBody(),
                            charset: MIMEPart.parameter("charset", in: part.contentType),
                            location: part.headers["content-location"] ?? top.headers["snapshot-content-location"])
        }
        throw .noHTMLPart
    }
}

/// Quoted-printable transfer decoding (RFC 2045), tolerant of bare LF and stray `=`.
enum QuotedPrintable {
    static func decode(_ input: ArraySlice<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(input.count)
        var i = input.startIndex
        while i < input.endIndex {
            let c = input[i]
            if c == UInt8(ascii: "=") {
                let n1 = i + 1 < input.endIndex ? input[i + 1] : nil
                if n1 == 0x0A { i += 2; continue }  // soft break
                if n1 == 0x0D, i + 2 < input.endIndex, input[i + 2] == 0x0A { i += 3; continue }
                if i + 2 < input.endIndex, let h = hex(input[i + 1]), let l = hex(input[i + 2]) {
                    out.append(h << 4 | l); i += 3; continue
                }
            }
            out.append(c)
            i += 1
        }
        return out
    }

    private static func hex(_ b: UInt8) -> UInt8? {
        switch b {
        case 0x30...0x39: return b - 0x30
        case 0x41...0x46: return b - 0x37
        case 0x61...0x66: return b - 0x57
        default: return nil
        }
    }
}

/// Base64 body decoding that skips line breaks and stops at padding.
enum Base64Body {
    static func decode(_ input: ArraySlice<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(input.count * 3 / 4)
        var acc: UInt32 = 0
        var bits = 0
        for c in input {
            let v: UInt32
            switch c {
            case 0x41...0x5A: v = UInt32(c - 0x41)
            case 0x61...0x7A: v = UInt32(c - 0x61 + 26)
            case 0x30...0x39: v = UInt32(c - 0x30 + 52)
            case UInt8(ascii: "+"), UInt8(ascii: "-"): v = 62
            case UInt8(ascii: "/"), UInt8(ascii: "_"): v = 63
            default: continue
            }
            acc = acc << 6 | v
            bits += 6
            if bits >= 8 { bits -= 8; out.append(UInt8((acc >> UInt32(bits)) & 0xFF)) }
        }
        return out
    }
}

extension StringProtocol {
    /// The string without leading and trailing ASCII spaces, tabs and line breaks.
    func trimmingASCIISpaces() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !($0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n") }) else { return "" }
        let last = scalars.lastIndex(where: { !($0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n") })!
        return String(String.UnicodeScalarView(scalars[first...last]))
    }
}
