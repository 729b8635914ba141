import Foundation

/// Limits that keep ingest bounded on hostile input.
public struct IngestOptions: Sendable {
    /// The largest page, as a file or decompressed, accepted (default 64 MiB; real report pages
    /// are under 1 MiB, and memory use is about ten times the page size).
    public var maxBytes: Int
    /// The largest WARC archive, as a file or decompressed (default 2 GiB; it is read whole).
    public var maxArchiveBytes: Int

    /// Creates options.
    public init(maxBytes: Int = 64 * 1024 * 1024, maxArchiveBytes: Int = 2 * 1024 * 1024 * 1024) {
        self.maxBytes = maxBytes
        self.maxArchiveBytes = max(maxBytes, maxArchiveBytes)
    }
}

/// The first stage: bytes in, a decoded page out. Recognises gzip by magic bytes, MHTML by its
/// MIME header, binary documents by their magic bytes, and decides the charset itself.
public enum Ingest {
    /// Reads and decodes the file at `path` (`-` reads standard input).
    public static func read(path: String, options: IngestOptions = .init()) throws(IngestError) -> DecodedPage {
        let bytes = try readBytes(path: path, limit: options.maxBytes)
        return try decode(bytes, source: path, options: options)
    }

    /// Decodes bytes that came from `source` (a name used in errors and output).
    /// - parameter transportCharset: a charset declared outside the page (an HTTP header), if any.
    /// - parameter location: the address the page was saved from, if the container knows it.
    public static func decode(_ bytes: [UInt8], source: String, options: IngestOptions = .init(),
                              transportCharset: String? = nil, location: String? = nil) throws(IngestError) -> DecodedPage {
        var bytes = bytes
        var containers: [String] = []
        var transportCharset = transportCharset
        var location = location
        if Gzip.isCompressed(bytes) {
            do { bytes = try Gzip.inflate(bytes, limit: options.maxBytes) } catch {
                switch error {
                case .tooLarge: throw .tooLarge(source: source, limit: options.maxBytes)
                case .corrupt(let why): throw .malformed(source: source, reason: why)
                }
            }
            containers.append("gzip")
        }
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D || $0 == 0 }) {
            throw .empty(source: source)
        }
        if let kind = BinarySniffer.kind(of: bytes) { throw .binary(source: source, kind: kind) }
        if MHTML.looks(bytes) {
            do {
                let part = try MHTML.htmlPart(of: bytes)
                bytes = part.bytes
                transportCharset = part.charset ?? transportCharset
                location = part.location ?? location
            } catch {
                switch error {
                case .noBoundary: throw .malformed(source: source, reason: "MHTML file without a usable multipart boundary")
                case .noHTMLPart: throw .malformed(source: source, reason: "MHTML file has no text/html part")
                }
            }
            containers.append("mhtml")
            if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D }) { throw .empty(source: source) }
        }
        var (utf8, encoding) = CharsetDecoder.decode(bytes, transportLabel: transportCharset)
        if utf8.contains(0) { utf8.removeAll { $0 == 0 } }
        let format: DecodedPage.Format = isPlainText(source: source, utf8: utf8) ? .text : .html
        return DecodedPage(source: source, utf8: utf8, encoding: encoding, format: format,
                           containers: containers, location: location)
    }

    /// Plain text: a `.txt` name, or no markup at all near the start.
    static func isPlainText(source: String, utf8: [UInt8]) -> Bool {
        var name = source.lowercased()
        if name.hasSuffix(".gz") { name.removeLast(3) }
        if name.hasSuffix(".txt") { return true }
        if [".html", ".htm", ".shtml", ".xhtml", ".mhtml", ".mht"].contains(where: name.hasSuffix) { return false }
        let head = utf8.prefix(4096)
        return !head.contains(UInt8(ascii: "<"))
    }

    static func readBytes(path: String, limit: Int) throws(IngestError) -> [UInt8] {
        if path == "-" {
            let data = FileHandle.standardInput.readDataToEndOfFile()
            if data.count > limit { throw .tooLarge(source: path, limit: limit) }
            return [UInt8](data)
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw .unreadable(source: path, reason: "no such file")
        }
        if isDirectory.boolValue { throw .isDirectory(source: path) }
        if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int, size > limit {
            throw .tooLarge(source: path, limit: limit)
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw .unreadable(source: path, reason: FileManager.default.isReadableFile(atPath: path) ? "cannot open" : "permission denied")
        }
        defer { try? handle.close() }
        do {
            let data = try handle.readToEnd() ?? Data()
            if data.count > limit { throw IngestError.tooLarge(source: path, limit: limit) }
            return [UInt8](data)
        } catch let error as IngestError {
            throw error
        } catch {
            throw .unreadable(source: path, reason: error.localizedDescription)
        }
    }
}
