/// One document out of an input file: a page, or the reason it could not be read. A file yields
/// one; a WARC archive yields one per HTML response (and one per damaged record).
public struct SourceDocument: Sendable {
    /// The file name, or the WARC-Target-URI of an archived page.
    public var source: String
    /// The archive the document came from, for WARC records.
    public var archive: String?
    /// A hash of the document's bytes and name (the key `--resume` uses).
    public var key: String
    /// The decoded page, or why there is none.
    public var page: Result<DecodedPage, IngestError>
}

extension Ingest {
    /// Every document in the file at `path`: the page itself, or each HTML response of a WARC
    /// (`.warc`, `.warc.gz`, recognised by content).
    public static func documents(path: String, options: IngestOptions = .init()) -> [SourceDocument] {
        let bytes: [UInt8]
        do { bytes = try readBytes(path: path, limit: options.maxArchiveBytes) } catch {
            return [SourceDocument(source: path, archive: nil, key: ContentHash.key(source: path, bytes: []), page: .failure(error))]
        }
        var plain = bytes
        if Gzip.isCompressed(bytes), Self.gzipHoldsWARC(bytes), let inflated = try? Gzip.inflate(bytes, limit: options.maxArchiveBytes) {
            plain = inflated
        }
        guard WARCReader.looks(plain) else {
            if bytes.count > options.maxBytes {
                return [SourceDocument(source: path, archive: nil, key: ContentHash.key(source: path, bytes: []),
                                       page: .failure(.tooLarge(source: path, limit: options.maxBytes)))]
            }
            let key = ContentHash.key(source: path, bytes: bytes)
            do { return [SourceDocument(source: path, archive: nil, key: key, page: .success(try decode(bytes, source: path, options: options)))] }
            catch { return [SourceDocument(source: path, archive: nil, key: key, page: .failure(error))] }
        }
        var out: [SourceDocument] = []
        for (n, entry) in WARCReader.entries(plain).enumerated() {
            switch entry {
            case .document(let uri, let payload, let charset, _):
                let key = ContentHash.key(source: "\(path)#\(n)|\(uri)", bytes: payload)
                do {
                    let page = try decode(payload, source: uri, options: options, transportCharset: charset, location: uri)
                    out.append(SourceDocument(source: uri, archive: path, key: key, page: .success(page)))
                } catch {
                    out.append(SourceDocument(source: uri, archive: path, key: key, page: .failure(error)))
                }
            case .failure(let uri, let reason):
                let name = uri ?? "\(path)#record-\(n + 1)"
                out.append(SourceDocument(source: name, archive: path, key: ContentHash.key(source: "\(path)#\(n)|\(name)", bytes: Array(reason.utf8)),
                                          page: .failure(.malformed(source: name, reason: reason))))
            }
        }
        if out.isEmpty {
            out.append(SourceDocument(source: path, archive: nil, key: ContentHash.key(source: path, bytes: bytes),
                                      page: .failure(.malformed(source: path, reason: "WARC archive without HTML response records"))))
        }
        return out
    }
}

extension Ingest {
    /// True when the first gzip member starts a WARC record (only a few KB are inflated to tell).
    static func gzipHoldsWARC(_ bytes: [UInt8]) -> Bool {
        let head = Array(bytes.prefix(64 * 1024))
        let inflated = (try? Gzip.inflate(head, limit: 1 << 20, partial: true)) ?? []
        return WARCReader.looks(inflated)
    }
}

/// FNV-1a hashes: cheap, stable across runs and machines (not for security).
public enum ContentHash {
    /// 64-bit FNV-1a of `bytes`, continuing from `seed`.
    public static func fnv1a(_ bytes: some Sequence<UInt8>, seed: UInt64 = 0xcbf2_9ce4_8422_2325) -> UInt64 {
        var h = seed
        for b in bytes { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        return h
    }

    /// The resume key of a document: its content hash and its name's hash, in hex.
    public static func key(source: String, bytes: [UInt8]) -> String {
        hex(fnv1a(bytes)) + "-" + hex(fnv1a(source.utf8))
    }

    static func hex(_ v: UInt64) -> String {
        let s = String(v, radix: 16)
        return String(repeating: "0", count: 16 - s.count) + s
    }
}
