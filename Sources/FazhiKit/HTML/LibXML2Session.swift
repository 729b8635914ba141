internal import CLibXML2

/// What every parse through libxml2 shares: the one-time initialisation, the parser options, Word's
/// bogus comments removed first, the size check, and libxml2's errors collected as diagnostics.
enum LibXML2Session {
    private static let initialized: Void = { xmlInitParser() }()

    /// Recovering HTML parse; no error printing, no network, large text nodes and deep trees allowed.
    /// The page's own charset declarations are ignored: the Ingest stage has already decoded it.
    static let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
        | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue | HTML_PARSE_IGNORE_ENC.rawValue | XML_PARSE_HUGE.rawValue)

    /// Runs `parse` on the page's UTF-8 bytes (Word's `<![if …]>` markers removed) with libxml2's
    /// thread-local error handler collecting what it reports. `parse` returns nil when libxml2
    /// produced nothing.
    static func run<Result>(_ input: [UInt8], _ parse: (UnsafePointer<CChar>, Int32) -> Result?) throws(HTMLParseFailure)
        -> (Result, [ParseDiagnostic]) {
        _ = initialized
        let bytes = BogusComments.strip(input)
        guard bytes.count < Int(Int32.max) else { throw .tooLarge }
        let log = DiagnosticLog()
        // The handler is per thread: install, parse and remove with no suspension in between.
        xmlSetStructuredErrorFunc(Unmanaged.passUnretained(log).toOpaque()) { context, error in
            guard let context, let error else { return }
            Unmanaged<DiagnosticLog>.fromOpaque(context).takeUnretainedValue().append(error.pointee)
        }
        defer { xmlSetStructuredErrorFunc(nil, nil) }
        let result = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                chars.baseAddress.flatMap { parse($0, Int32(chars.count)) }
            }
        }
        guard let result else { throw .noDocument }
        return (result, log.messages)
    }
}

/// Collects libxml2's structured errors during one parse.
private final class DiagnosticLog {
    var messages: [ParseDiagnostic] = []

    func append(_ error: xmlError) {
        guard messages.count < 200 else { return }  // a broken page can report thousands
        let domain: String
        switch xmlErrorDomain(rawValue: UInt32(error.domain)) {
        case XML_FROM_HTML: domain = "html"
        case XML_FROM_PARSER: domain = "parser"
        case XML_FROM_I18N: domain = "i18n"
        case XML_FROM_IO: domain = "io"
        default: domain = String(error.domain)
        }
        let text = error.message.map { String(cString: $0) } ?? ""
        messages.append(ParseDiagnostic(domain: domain, code: Int(error.code), level: Int(error.level.rawValue),
                                        line: Int(error.line), message: String(text.split(separator: "\n").first ?? "")))
    }
}
