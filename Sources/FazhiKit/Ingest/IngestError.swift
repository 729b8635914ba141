/// Why a file could not be read as a page. Every case names the file.
public enum IngestError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The path does not exist or cannot be opened.
    case unreadable(source: String, reason: String)
    /// The path is a directory.
    case isDirectory(source: String)
    /// The file has no bytes, or only white space.
    case empty(source: String)
    /// The file is a binary document or image, recognised by its magic bytes.
    case binary(source: String, kind: String)
    /// The file, or what a compressed file expands to, is larger than the limit.
    case tooLarge(source: String, limit: Int)
    /// A container (MHTML, gzip) is damaged.
    case malformed(source: String, reason: String)

    /// The file the error is about.
    public var source: String {
        switch self {
        case .unreadable(let s, _), .isDirectory(let s), .empty(let s), .binary(let s, _),
             .tooLarge(let s, _), .malformed(let s, _):
            return s
        }
    }

    /// A short machine-readable reason code.
    public var code: String {
        switch self {
        case .unreadable: return "unreadable"
        case .isDirectory: return "directory"
        case .empty: return "empty"
        case .binary: return "binary"
        case .tooLarge: return "too-large"
        case .malformed: return "malformed"
        }
    }

    /// The reason in words, without the file name.
    public var reason: String {
        switch self {
        case .unreadable(_, let reason): return "cannot read the file: \(reason)"
        case .isDirectory: return "is a directory, not a page"
        case .empty: return "the file is empty"
        case .binary(_, let kind): return "not a web page but a \(kind)"
        case .tooLarge(_, let limit): return "larger than the limit of \(limit) bytes (raise it with --max-bytes)"
        case .malformed(_, let reason): return reason
        }
    }

    public var description: String { "\(source): \(reason)" }
}
