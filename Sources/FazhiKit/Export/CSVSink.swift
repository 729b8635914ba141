/// CSV: one row per document with the columns an analyst wants; optionally a second CSV with one
/// row per section. Fields are quoted and formula prefixes (= + - @) neutralised, so page text can
/// never escape its cell or run as a spreadsheet formula.
public final class CSVSink: RecordSink {
    public static let columns = ["source", "archive", "status", "error", "title", "publisher", "publishedDate", "year", "column",
                                 "checkStatus", "itemsPresent", "itemsMissing", "daysLate", "errors", "warnings", "infos", "rules",
                                 "structure", "encoding", "lossy", "url"]
    public static let sectionColumns = ["source", "path", "level", "marker", "ordinal", "title", "repaired", "item", "body"]

    private let file: AtomicFile
    private let sections: AtomicFile?

    public init(path: String, sectionsPath: String? = nil) throws {
        file = try AtomicFile(destination: path)
        sections = try sectionsPath.map { try AtomicFile(destination: $0) }
        try file.write(Self.row(Self.columns))
        try sections?.write(Self.row(Self.sectionColumns))
    }

    public func write(_ encoded: EncodedRecord) throws {
        let r = encoded.record
        let check = r.check
        let present = check?.items.filter(\.present).map(\.id) ?? []
        let missing = check?.items.filter { !$0.present }.map(\.id) ?? []
        let count = { (s: Severity) in check.map { String($0.findings.filter { $0.severity == s }.count) } ?? "" }
        let rules = check.map { Array(Set($0.findings.filter { $0.severity >= .warning }.map(\.rule))).sorted().joined(separator: " ") } ?? ""
        try file.write(Self.row([
            r.source, r.archive ?? "", r.status, r.error ?? "", r.metadata?.title ?? "", r.metadata?.publisher ?? "",
            r.metadata?.publishedDate ?? "", check?.report?.year.map(String.init) ?? "", r.metadata?.column ?? "",
            check?.status ?? "", present.joined(separator: " "), missing.joined(separator: " "),
            check?.report?.daysLate.map(String.init) ?? "", count(.error), count(.warning), count(.info), rules,
            check?.structure ?? "", r.encoding?.name ?? "", r.encoding.map { $0.lossy ? "true" : "false" } ?? "", r.metadata?.url ?? "",
        ]))
        guard let sections, let outline = r.outline else { return }
        let itemAt = Dictionary((check?.items ?? []).compactMap { i in i.section.map { ($0, i.id) } }, uniquingKeysWith: { a, b in a + " " + b })
        for s in outline.allSections {
            try sections.write(Self.row([r.source, s.path, String(s.level), s.marker, String(s.ordinal), s.title, s.repaired ? "true" : "false",
                                         itemAt[s.path] ?? "", s.body.joined(separator: "\n")]))
        }
    }

    public func finish() throws {
        try file.commit()
        try sections?.commit()
    }

    public func abandon() {
        file.discard()
        sections?.discard()
    }

    /// One CSV line (RFC 4180, CRLF).
    static func row(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\r\n"
    }

    /// A safe cell: a leading = + - @ (or tab/CR) gets a `'` so spreadsheets show it as text;
    /// quotes are doubled and the cell quoted when it holds a comma, quote or line break.
    public static func field(_ value: String) -> String {
        var v = value
        if let first = v.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) { v = "'" + v }
        if v.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) {
            return "\"" + v.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return v
    }
}
