/// How the character encoding of a page was decided, and whether decoding lost anything.
public struct EncodingInfo: Sendable, Hashable, Codable {
    /// How the decision was reached.
    public enum DecidedBy: String, Sendable, Hashable, Codable {
        /// A byte-order mark at the start of the bytes.
        case bom
        /// A label: `<meta charset>`, `http-equiv` Content-Type, an MHTML part or an HTTP header.
        case declared
        /// The bytes themselves (valid UTF-8, or a label that the bytes contradict).
        case sniffed
        /// No usable evidence: GB18030, the superset of every Chinese GB encoding.
        case fallback
    }

    /// The encoding the bytes were decoded with: `UTF-8`, `GB18030`, `BIG5-HKSCS`, `UTF-16LE`, ….
    public var name: String
    /// The label the page or its container declared, as written (`gb2312`), if any.
    public var declared: String?
    /// How ``name`` was chosen.
    public var decidedBy: DecidedBy
    /// True when some bytes could not be decoded and were replaced by U+FFFD.
    public var lossy: Bool

    /// Creates an encoding record.
    public init(name: String, declared: String?, decidedBy: DecidedBy, lossy: Bool) {
        self.name = name
        self.declared = declared
        self.decidedBy = decidedBy
        self.lossy = lossy
    }
}
