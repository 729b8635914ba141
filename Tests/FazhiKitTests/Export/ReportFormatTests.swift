import CLibXML2
import Foundation
import Testing
@testable import FazhiKit

/// SARIF and JUnit output validated against the schema files in Fixtures/schemas, on real Corpus
/// verdicts (failing, passing, not-a-report, attachment-only) and an unreadable file.
@Suite struct ReportFormatTests {
    static func reports() throws -> ([AuditReport], Profile) {
        let profile = try ProfileLoader.load("fazhi-annual")
        let auditor = Auditor(profile: profile)
        let names = ["seed-wulong-2020", "trs-01-yubei-2022", "trs-08-yiling-2022-notice", "union-04-anlan-2021"]
        var reports = CorpusPage.all.filter { names.contains($0.name) }.map { Pipeline.check(path: $0.path, auditor: auditor) }
        reports.append(Pipeline.check(path: Fixture.path("ingest/report.pdf.html"), auditor: auditor))
        // Text that must be escaped wherever it lands.
        reports[0].findings[0].message += " <a href=\"x\">&'\u{1}"
        return (reports, profile)
    }

    @Test func sarifValidatesAgainstTheSchema() throws {
        let (reports, profile) = try Self.reports()
        let json = try JSONOutput.string(SARIFLog(reports: reports, profile: profile, toolVersion: "0.1.0"))
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("fazhi-\(UUID().uuidString).sarif")
        try json.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let (status, output) = try Self.python(["-c", """
            import json, sys, jsonschema
            schema = json.load(open(sys.argv[2]))
            jsonschema.validate(json.load(open(sys.argv[1])), schema, format_checker=jsonschema.FormatChecker())
            print("valid")
            """, file.path, Fixture.path("schemas/sarif-2.1.0-subset.schema.json")])
        #expect(status == 0, "\(output)")
        let log = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        let results = (log?["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]] ?? []
        #expect(results.contains { $0["ruleId"] as? String == "FZ-TIME-01" && $0["level"] as? String == "error" })
        #expect(results.contains { $0["ruleId"] as? String == "FAZHI-INPUT" })
    }

    @Test func junitValidatesAgainstTheSchema() throws {
        let (reports, profile) = try Self.reports()
        let xml = JUnitReport.xml(reports, profile: profile.id, failOn: .error)
        let schema = try String(contentsOfFile: Fixture.path("schemas/junit.xsd"), encoding: .utf8)
        let errors = Self.validate(xml: xml, xsd: schema)
        #expect(errors.isEmpty, "\(errors)")
        #expect(xml.contains("<failure message=\"FZ-TIME-01\""))
        #expect(xml.contains("<skipped message=\"not-a-report\"/>"))
        #expect(xml.contains("<skipped message=\"attachment-only\"/>"))
        #expect(xml.contains("<error message=\"not a web page but a PDF document\""))
        #expect(xml.contains("&lt;a href=&quot;x&quot;&gt;&amp;&apos;"))
        #expect(!xml.contains("\u{1}"))
    }

    /// Schema errors (empty when valid), using libxml2's XML Schema validator.
    static func validate(xml: String, xsd: String) -> [String] {
        let parser = xsd.withCString { xmlSchemaNewMemParserCtxt($0, Int32(strlen($0))) }
        defer { xmlSchemaFreeParserCtxt(parser) }
        guard let schema = xmlSchemaParse(parser) else { return ["the schema does not parse"] }
        defer { xmlSchemaFree(schema) }
        guard let doc = xml.withCString({ xmlReadMemory($0, Int32(strlen($0)), "junit.xml", "UTF-8", Int32(XML_PARSE_NONET.rawValue)) }) else {
            return ["the XML does not parse"]
        }
        defer { xmlFreeDoc(doc) }
        let context = xmlSchemaNewValidCtxt(schema)
        defer { xmlSchemaFreeValidCtxt(context) }
        let collected = ErrorBox()
        xmlSchemaSetValidStructuredErrors(context, { box, error in
            guard let box, let error else { return }
            Unmanaged<ErrorBox>.fromOpaque(box).takeUnretainedValue().messages.append(error.pointee.message.map { String(cString: $0) } ?? "?")
        }, Unmanaged.passUnretained(collected).toOpaque())
        let rc = xmlSchemaValidateDoc(context, doc)
        return rc == 0 ? [] : collected.messages + ["validation returned \(rc)"]
    }

    final class ErrorBox { var messages: [String] = [] }

    static func python(_ arguments: [String]) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
