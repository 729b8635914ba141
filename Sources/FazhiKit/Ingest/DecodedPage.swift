/// A saved page after ingest: its bytes unwrapped from any container and decoded to UTF-8.
public struct DecodedPage: Sendable {
    /// What the page's text is.
    public enum Format: String, Sendable, Codable {
        /// An HTML page (also from MHTML, gzip or WARC).
        case html
        /// Plain text, one paragraph a line.
        case text
    }

    /// The file name, `-` for standard input, or a WARC record's target URI.
    public var source: String
    /// The decoded text as UTF-8 bytes (NUL bytes removed).
    public var utf8: [UInt8]
    /// How the encoding was decided.
    public var encoding: EncodingInfo
    /// HTML or plain text.
    public var format: Format
    /// The containers the page came out of, outermost first (`gzip`, `mhtml`).
    public var containers: [String]
    /// The address the container gives for the page (MHTML Content-Location), if any.
    public var location: String?

    /// Creates a decoded page.
    public init(source: String, utf8: [UInt8], encoding: EncodingInfo, format: Format,
                containers: [String] = [], location: String? = nil) {
        self.source = source
        self.utf8 = utf8
        self.encoding = encoding
        self.format = format
        self.containers = containers
        self.location = location
    }
}
