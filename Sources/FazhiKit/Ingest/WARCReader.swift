/// Reads WARC archives (ISO 28500; also after gzip): each `response` record whose HTTP payload is
/// HTML is one document, named by its WARC-Target-URI, with the HTTP header's charset honoured. A
/// corrupt record becomes an error entry and reading resumes at the next record.
public enum WARCReader {
    /// One entry of an archive: a document, or a record that could not be read.
    public enum Entry: Sendable {
        case document(uri: String, payload: [UInt8], charset: String?, recordID: String?)
        case failure(uri: String?, reason: String)
    }

    /// True when the bytes start a WARC record.
    public static func looks(_ bytes: [UInt8]) -> Bool {
        bytes.starts(with: Array("WARC/".utf8))
    }

    /// Every HTML response and every unreadable record, in archive order.
    public static func entries(_ bytes: [UInt8]) -> [Entry] {
        var out: [Entry] = []
        var i = 0
        var index = 0
        let magic = Array("WARC/".utf8)
        while i < bytes.count {
            guard bytes[i...].starts(with: magic) else {
                // Skip the blank lines between records; anything else is damage: resynchronise.
                if bytes[i] == 0x0D || bytes[i] == 0x0A { i += 1; continue }
                guard let next = ByteSearch.find(Array("\nWARC/".utf8), in: bytes, from: i) else { break }
                out.append(.failure(uri: nil, reason: "WARC: unreadable bytes before record \(index + 1) skipped"))
                i = next + 1
                continue
            }
            index += 1
            guard let headerEnd = ByteSearch.find([0x0D, 0x0A, 0x0D, 0x0A], in: bytes, from: i) ?? ByteSearch.find([0x0A, 0x0A], in: bytes, from: i) else {
                out.append(.failure(uri: nil, reason: "WARC record \(index): header never ends"))
                break
            }
            let separator = bytes[headerEnd] == 0x0D ? 4 : 2
            let header = Self.headers(bytes[i..<headerEnd])
            // A hostile archive can put control bytes in a URI; names never carry them.
            let uri = header["warc-target-uri"].map { String($0.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F }.map(Character.init)) }
            let blockStart = headerEnd + separator
            guard let lengthText = header["content-length"], let length = Int(lengthText), length >= 0 else {
                out.append(.failure(uri: uri, reason: "WARC record \(index): no valid Content-Length"))
                i = resync(bytes, from: blockStart)
                continue
            }
            let blockEnd = blockStart + length
            // The declared length must land on the record's end: the end of the archive, or the
            // blank lines before the next record. Otherwise the length lies.
            guard blockEnd <= bytes.count, Self.recordEnds(bytes, at: blockEnd) else {
                out.append(.failure(uri: uri, reason: "WARC record \(index): Content-Length \(length) does not match the record (archive damaged or truncated)"))
                i = resync(bytes, from: blockStart)
                continue
            }
            if header["warc-type"]?.lowercased() == "response" {
                if let entry = response(bytes[blockStart..<blockEnd], uri: uri ?? "record-\(index)", recordID: header["warc-record-id"], index: index) {
                    out.append(entry)
                }
            }
            i = blockEnd
        }
        return out
    }

    private static func recordEnds(_ bytes: [UInt8], at end: Int) -> Bool {
        var j = end
        while j < bytes.count, bytes[j] == 0x0D || bytes[j] == 0x0A { j += 1 }
        return j == bytes.count || bytes[j...].starts(with: Array("WARC/".utf8))
    }

    private static func resync(_ bytes: [UInt8], from: Int) -> Int {
        guard let next = ByteSearch.find(Array("\nWARC/".utf8), in: bytes, from: from) else { return bytes.count }
        return next + 1
    }

    /// The HTML document in an HTTP response block, nil when the payload is not HTML.
    static func response(_ block: ArraySlice<UInt8>, uri: String, recordID: String?, index: Int) -> Entry? {
        guard block.starts(with: Array("HTTP/".utf8)) else {
            return .failure(uri: uri, reason: "WARC record \(index): response block is not an HTTP response")
        }
        guard let headerEnd = ByteSearch.find([0x0D, 0x0A, 0x0D, 0x0A], in: block, from: block.startIndex) ?? ByteSearch.find([0x0A, 0x0A], in: block, from: block.startIndex) else {
            return .failure(uri: uri, reason: "WARC record \(index): HTTP header never ends")
        }
        let http = headers(block[block.startIndex..<headerEnd])
        let contentType = http["content-type"]?.lowercased() ?? ""
        let bodyStart = headerEnd + (block[headerEnd] == 0x0D ? 4 : 2)
        var payload = Array(block[bodyStart...])
        if !contentType.isEmpty, !(contentType.contains("html") || contentType.hasPrefix("text/plain")) { return nil }
        if http["transfer-encoding"]?.lowercased().contains("chunked") == true { payload = dechunk(payload) }
        let charset = CharsetLabel.parameter(inContentType: contentType)
        return .document(uri: uri, payload: payload, charset: charset, recordID: recordID)
    }

    /// HTTP chunked transfer coding undone (tolerant: stops at the first malformed chunk).
    static func dechunk(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        var i = 0
        while i < bytes.count {
            guard let lineEnd = ByteSearch.find([0x0D, 0x0A], in: bytes, from: i) else { break }
            let sizeText = String(decoding: bytes[i..<lineEnd], as: UTF8.self).split(separator: ";").first.map(String.init) ?? ""
            guard let size = Int(sizeText.trimmingASCIISpaces(), radix: 16), size > 0 else { break }
            let start = lineEnd + 2
            let end = min(bytes.count, start + size)
            out.append(contentsOf: bytes[start..<end])
            i = end + 2
        }
        return out
    }

    /// Header fields of a WARC or HTTP header block, names lower-cased.
    static func headers(_ block: ArraySlice<UInt8>) -> [String: String] {
        var fields: [String: String] = [:]
        for line in String(decoding: block, as: UTF8.self).split(whereSeparator: { $0 == "\n" || $0 == "\r\n" }).dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = line[..<colon].lowercased().trimmingASCIISpaces()
            if fields[name] == nil { fields[name] = String(line[line.index(after: colon)...]).trimmingASCIISpaces() }
        }
        return fields
    }
}
