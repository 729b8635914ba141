/// The one-line JSON of a batch record, written field by field: a record is encoded for every
/// page, and the Codable path cost more than the rest of the export.
/// The text is byte for byte what Foundation's `JSONEncoder` writes with sorted keys and unescaped
/// slashes; every type lists its keys in that (UTF-8) order, and a test compares the two on every
/// Corpus record and on a record with every optional field present, so a field added to a type
/// and not here fails the tests.
struct RecordJSON {
    private(set) var out: [UInt8] = []
    /// True while no member has been written in the innermost object or array.
    private var first = true

    init() { out.reserveCapacity(8192) }

    /// The JSON of `record`.
    static func bytes(_ record: BatchRecord) -> [UInt8] {
        var w = RecordJSON()
        record.write(to: &w)
        return w.out
    }

    // MARK: Structure

    mutating func object(_ body: (inout RecordJSON) -> Void) {
        let outer = first
        out.append(0x7B)
        first = true
        body(&self)
        out.append(0x7D)
        first = outer
    }

    mutating func array<S: Sequence>(_ elements: S, _ body: (inout RecordJSON, S.Element) -> Void) {
        let outer = first
        out.append(0x5B)
        first = true
        for e in elements {
            separate()
            body(&self, e)
        }
        out.append(0x5D)
        first = outer
    }

    /// A comma before every member or element but the first.
    private mutating func separate() {
        if !first { out.append(0x2C) }
        first = false
    }

    mutating func key(_ k: StaticString) {
        separate()
        out.append(0x22)
        out.append(contentsOf: UnsafeBufferPointer(start: k.utf8Start, count: k.utf8CodeUnitCount))
        out.append(0x22)
        out.append(0x3A)
    }

    // MARK: Values

    mutating func string(_ s: String) { JSONEscaping.append(s, to: &out) }

    mutating func strings(_ values: [String]) { array(values) { w, s in w.string(s) } }

    mutating func integer(_ v: Int) { out.append(contentsOf: String(v).utf8) }

    mutating func bool(_ v: Bool) { out.append(contentsOf: (v ? "true" : "false").utf8) }

    /// A `[String: String]` as an object with its keys in UTF-8 order.
    mutating func dictionary(_ d: [String: String]) {
        object { w in
            for (k, v) in d.sorted(by: { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }) {
                w.separate()
                w.string(k)
                w.out.append(0x3A)
                w.string(v)
            }
        }
    }

    // MARK: Members (optional members are left out when nil, as Codable does)

    mutating func field(_ k: StaticString, _ v: String) { key(k); string(v) }
    mutating func field(_ k: StaticString, _ v: String?) { if let v { field(k, v) } }
    mutating func field(_ k: StaticString, _ v: Int) { key(k); integer(v) }
    mutating func field(_ k: StaticString, _ v: Int?) { if let v { field(k, v) } }
    mutating func field(_ k: StaticString, _ v: Bool) { key(k); bool(v) }
    mutating func field(_ k: StaticString, _ v: [String]) { key(k); strings(v) }
    mutating func field<T: RecordJSONWritable>(_ k: StaticString, _ v: T?) { if let v { key(k); v.write(to: &self) } }
    mutating func field<T: RecordJSONWritable>(_ k: StaticString, _ v: [T]) { key(k); array(v) { w, e in e.write(to: &w) } }
    mutating func field<T: RecordJSONWritable>(_ k: StaticString, _ v: [T]?) { if let v { field(k, v) } }
}

/// A type whose JSON ``RecordJSON`` writes by hand.
protocol RecordJSONWritable {
    func write(to w: inout RecordJSON)
}

/// JSON string escaping as Foundation does it: `"` `\` and control characters; `/` and
/// everything else as is.
enum JSONEscaping {
    private static let hexDigits = Array("0123456789abcdef".utf8)

    static func append(_ string: String, to out: inout [UInt8]) {
        var string = string
        string.withUTF8 { bytes in
            out.append(0x22)
            var runStart = 0
            for i in 0..<bytes.count {
                let b = bytes[i]
                guard b < 0x20 || b == 0x22 || b == 0x5C else { continue }
                if runStart < i { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<i])) }
                runStart = i + 1
                out.append(0x5C)
                switch b {
                case 0x22, 0x5C: out.append(b)
                case 0x0A: out.append(0x6E)  // n
                case 0x0D: out.append(0x72)  // r
                case 0x09: out.append(0x74)  // t
                case 0x08: out.append(0x62)  // b
                case 0x0C: out.append(0x66)  // f
                default:
                    out.append(contentsOf: [0x75, 0x30, 0x30, hexDigits[Int(b >> 4)], hexDigits[Int(b & 0x0F)]])
                }
            }
            if runStart < bytes.count { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...])) }
            out.append(0x22)
        }
    }
}

// MARK: - The record's types, keys in UTF-8 order

extension BatchRecord: RecordJSONWritable {
    func write(to w: inout RecordJSON) {
        w.object { w in
            w.field("archive", archive)
            w.field("check", check)
            w.field("encoding", encoding)
            w.field("error", error)
            w.field("key", key)
            w.field("metadata", metadata)
            w.field("outline", outline)
            w.field("source", source)
            w.field("status", status)
        }
    }
}

extension EncodingInfo: RecordJSONWritable {
    func write(to w: inout RecordJSON) {
        w.object { w in
            w.field("decidedBy", decidedBy.rawValue)
            w.field("declared", declared)
            w.field("lossy", lossy)
            w.field("name", name)
        }
    }
}

extension Metadata: RecordJSONWritable {
    func write(to w: inout RecordJSON) {
        w.object { w in
            w.field("breadcrumb", breadcrumb)
            w.field("column", column)
            w.field("dates", dates)
            w.field("disagreements", disagreements)
            w.field("documentNumber", documentNumber)
            w.field("indexNumber", indexNumber)
            w.field("keywords", keywords)
            w.field("publishedDate", publishedDate)
            w.field("publisher", publisher)
            w.field("siteCode", siteCode)
            w.field("siteName", siteName)
            w.field("title", title)
            w.field("url", url)
            w.field("writtenDate", writtenDate)
        }
    }
}

extension DatedSource: RecordJSONWritable {
    func write(to w: inout RecordJSON) {
        w.object { w in
            w.field("date", date)
            w.field("source", source)
        }
    }
}

extension Disagreement: RecordJSONWritable {
    func write(to w: inout RecordJSON) {
        w.object { w in
            w.field("field", field)
            w.key("values")
            w.dictionary(values)
        }
    }
}

extension Outline: RecordJSONWritable {
    func write(to w: inout RecordJSON) {
        w.object { w in
            w.field("addressee", addressee)
            w.field("attachmentLines", attachmentLines)
            w.field("diagnostics", diagnostics)
            w.field("preamble", preamble)
            w.field("sections", sections)
            w.field("signature", signature)
            w.field("title", title)
        }
    }
}

extension Section: RecordJSONWritable {
    func write(to w: inout RecordJSON) {
        w.object { w in
            w.field("body", body)
            w.field("children", children)
            w.field("items", items)
            w.field("level", level)
            w.field("marker", marker)
            w.field("ordinal", ordinal)
            w.field("path", path)
            w.field("repaired", repaired)
            w.field("style", style.rawValue)
            w.key("tables")
            w.array(tables) { w, rows in w.array(rows) { w, cells in w.strings(cells) } }
            w.field("title", title)
            w.field("titleSplit", titleSplit.rawValue)
        }
    }
}

extension Signature: RecordJSONWritable {
    func write(to w: inout RecordJSON) {
        w.object { w in
            w.field("date", date)
            w.field("issuer", issuer)
        }
    }
}

extension OutlineDiagnostic: RecordJSONWritable {
    func write(to w: inout RecordJSON) {
        w.object { w in
            w.field("code", code)
            w.field("message", message)
            w.field("path", path)
        }
    }
}

extension CheckRecord: RecordJSONWritable {
    func write(to w: inout RecordJSON) {
        w.object { w in
            w.field("attachments", attachments)
            w.field("error", error)
            w.field("file", file)
            w.field("findings", findings)
            w.field("items", items)
            w.field("profile", profile)
            w.field("report", report)
            w.field("status", status)
            w.field("structure", structure)
            w.field("title", title)
        }
    }
}

extension CheckRecord.Item: RecordJSONWritable {
    func write(to w: inout RecordJSON) {
        w.object { w in
            w.field("id", id)
            w.field("inline", inline)
            w.field("present", present)
            w.field("quote", quote)
            w.field("recognisedBy", recognisedBy)
            w.field("section", section)
        }
    }
}

extension AuditReport.ReportFacts: RecordJSONWritable {
    func write(to w: inout RecordJSON) {
        w.object { w in
            w.field("daysLate", daysLate)
            w.field("deadline", deadline)
            w.field("publishedDate", publishedDate)
            w.field("year", year)
        }
    }
}

extension Finding: RecordJSONWritable {
    func write(to w: inout RecordJSON) {
        w.object { w in
            w.field("basis", basis)
            w.field("evidence", evidence)
            w.field("gloss", gloss)
            w.field("message", message)
            w.field("rule", rule)
            w.field("severity", severity.rawValue)
        }
    }
}

extension Finding.Evidence: RecordJSONWritable {
    func write(to w: inout RecordJSON) {
        w.object { w in
            if let dates {
                w.key("dates")
                w.dictionary(dates)
            }
            w.field("quote", quote)
            w.field("section", section)
        }
    }
}

extension Attachment: RecordJSONWritable {
    func write(to w: inout RecordJSON) {
        w.object { w in
            w.field("href", href)
            w.field("name", name)
        }
    }
}
