/// One message libxml2 reported while parsing a page (collected per parse, never printed).
public struct ParseDiagnostic: Sendable, Hashable, Codable {
    /// libxml2's error domain: `html`, `parser`, `i18n`, `io`, or a number.
    public var domain: String
    /// libxml2's error code.
    public var code: Int
    /// 1 warning, 2 error, 3 fatal.
    public var level: Int
    /// The line in the decoded page.
    public var line: Int
    /// The first line of libxml2's message.
    public var message: String
}
