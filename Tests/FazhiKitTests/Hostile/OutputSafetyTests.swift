import Foundation
import GRDB
import Testing
@testable import FazhiKit

/// Text from a page can never escape its field: JSON, CSV, JUnit XML, SARIF or SQL.
@Suite struct OutputSafetyTests {
    static let nasty = "\"};alert(1);//\n</failure><![CDATA[x]]>'); DROP TABLE documents;--\u{2028}\u{0}\u{1B}=cmd|' /C calc'!A0"

    func record() throws -> BatchRecord {
        let html = "<html><head><title>\(Self.nasty)</title></head><body><h1>某县2022年度法治政府建设情况报告</h1><p>一、\(Self.nasty)</p><p>全年办理案件23件，依法行政。</p></body></html>"
        var bytes = Array(html.utf8)
        bytes.removeAll { $0 == 0 }
        // A path cannot hold NUL (and page text has its NULs removed at ingest).
        let page = try Ingest.decode(bytes, source: "nasty \(Self.nasty.replacingOccurrences(of: "\u{0}", with: "")).html")
        let document = SourceDocument(source: page.source, archive: nil, key: "k", page: .success(page))
        return BatchRecord(document: document, result: try Pipeline.run(page: page, auditor: Auditor(profile: try ProfileLoader.load("fazhi-annual"))))
    }

    @Test func jsonRoundTripsExactly() throws {
        let r = try record()
        let line = try JSONOutput.string(r, pretty: false)
        #expect(!line.contains("\n"))
        let back = try JSONDecoder().decode(BatchRecord.self, from: Data(line.utf8))
        #expect(back == r)
        #expect(back.source == r.source)
    }

    @Test func sqlTextIsBoundNeverInterpolated() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("fazhi-sql-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("out.sqlite").path
        let sink = try SQLiteSink(path: path)
        let r = try record()
        try sink.write(EncodedRecord(r))
        try sink.finish()
        let db = try DatabaseQueue(path: path)
        let (count, source) = try db.read { db in
            (try Int.fetchOne(db, sql: "SELECT count(*) FROM documents"), try String.fetchOne(db, sql: "SELECT source FROM documents"))
        }
        #expect(count == 1)
        #expect(source == r.source)
    }

    @Test func csvFieldsStayInTheirCells() throws {
        let field = CSVSink.field(Self.nasty)
        #expect(field.hasPrefix("\""))
        #expect(field.hasSuffix("\""))
        let inner = field.dropFirst().dropLast()
        #expect(!inner.replacingOccurrences(of: "\"\"", with: "").contains("\""))
        #expect(CSVSink.field("=1+1") == "'=1+1")
    }

    @Test func junitAndSarifEscapeAndStayValid() throws {
        var report = AuditReport.unreadable(file: "a\(Self.nasty).html", profile: "fazhi-annual", error: Self.nasty)
        report.status = .unreadable
        let xml = JUnitReport.xml([report], profile: "fazhi-annual", failOn: .error)
        let xsd = try String(contentsOfFile: Fixture.path("schemas/junit.xsd"), encoding: .utf8)
        #expect(ReportFormatTests.validate(xml: xml, xsd: xsd).isEmpty)
        #expect(!xml.contains("</failure><![CDATA["))
        let sarif = try JSONOutput.string(SARIFLog(reports: [report], profile: try ProfileLoader.load("fazhi-annual"), toolVersion: "0"))
        let parsed = try JSONSerialization.jsonObject(with: Data(sarif.utf8)) as? [String: Any]
        let uri = ((((parsed?["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]])?.first?["locations"] as? [[String: Any]])?
            .first?["physicalLocation"] as? [String: Any]).flatMap { ($0["artifactLocation"] as? [String: Any])?["uri"] as? String }
        #expect(uri?.allSatisfy { $0.isASCII && !$0.isWhitespace && $0 != "\"" } == true)
    }
}
