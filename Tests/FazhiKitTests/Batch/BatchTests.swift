import Foundation
import GRDB
import Testing
@testable import FazhiKit

/// `fazhi batch`: one record per input, the three output formats, WARC, resume after a kill, shards.
@Suite(.serialized) struct BatchTests {
    func run(_ fixture: BatchFixture, sink: RecordSink, jobs: Int = 2, files: [String]? = nil) throws -> BatchRunner.Summary {
        let list = try files ?? BatchInputs.collect(paths: [fixture.directory.path], filesFrom: nil).files
        return try BatchRunner(files: list, auditor: Auditor(profile: try ProfileLoader.load("fazhi-annual")), jobs: jobs)
            .run(sink: sink, journalPath: nil, resume: false)
    }

    func lines(_ path: String) throws -> [[String: Any]] {
        try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
    }

    @Test func everyInputYieldsExactlyOneRecord() throws {
        let fixture = try BatchFixture()
        defer { fixture.remove() }
        let out = fixture.out("out.jsonl")
        let (files, hidden) = try BatchInputs.collect(paths: [fixture.directory.path], filesFrom: nil)
        #expect(hidden == 1)
        let summary = try run(fixture, sink: try JSONLinesSink(path: out), files: files)
        let records = try lines(out)
        #expect(records.count == fixture.expectedRecords)
        #expect(summary.documents == records.count)
        let bySource = Dictionary(grouping: records) { $0["source"] as? String ?? "" }
        #expect(bySource.values.allSatisfy { $0.count == 1 }, "a source appears twice")
        func status(_ suffix: String) -> String? { records.first { ($0["source"] as? String ?? "").hasSuffix(suffix) }?["status"] as? String }
        #expect(status("empty.html") == "error")
        #expect(status("report.pdf") == "error")
        #expect(status("photo.png") == "error")
        #expect(status("junk.bin") == "error")
        #expect(status("saved.mhtml") == "not-a-report")
        #expect(status("page.html.gz") == "not-a-report")
        #expect(records.first { ($0["source"] as? String ?? "").hasSuffix("report.pdf") }?["error"] as? String == "not a web page but a PDF document")
        // WARC: pages named by their target URI, the HTTP charset honoured, the lying record an error.
        let warc = records.filter { $0["archive"] as? String != nil }
        #expect(warc.count == 4)
        let gbkPage = try #require(records.first { $0["source"] as? String == "http://www.example.gov.cn/a/t20230330_1.html" })
        #expect((gbkPage["encoding"] as? [String: Any])?["name"] as? String == "GB18030")
        #expect((gbkPage["encoding"] as? [String: Any])?["declared"] as? String == "gbk")
        let outline = gbkPage["outline"] as? [String: Any]
        #expect((outline?["sections"] as? [[String: Any]])?.first?["body"] as? [String] == ["全年办理行政复议案件23件，朱镕基堃。"])
        #expect(status("lies.html") == "error")
        #expect(status("d/t20230331_3.html") == "ok", "reading resumed after the damaged record")
    }

    @Test func csvHasTheAnalystColumns() throws {
        let fixture = try BatchFixture()
        defer { fixture.remove() }
        let out = fixture.out("out.csv")
        let sections = fixture.out("sections.csv")
        _ = try run(fixture, sink: try CSVSink(path: out, sectionsPath: sections))
        let text = try String(contentsOfFile: out, encoding: .utf8)
        let header = text.components(separatedBy: "\r\n").first
        #expect(header == CSVSink.columns.joined(separator: ","))
        for column in ["source", "title", "publisher", "publishedDate", "year", "status", "itemsPresent", "daysLate", "errors", "warnings"] {
            #expect(CSVSink.columns.contains(column))
        }
        #expect(text.contains(",ok,"))
        let sectionText = try String(contentsOfFile: sections, encoding: .utf8)
        #expect(sectionText.hasPrefix(CSVSink.sectionColumns.joined(separator: ",") + "\r\n"))
        #expect(sectionText.contains(",一,1,一、,1,"))
    }

    @Test func csvCellsCannotEscapeOrRunFormulas() {
        #expect(CSVSink.field("=HYPERLINK(\"x\")") == "\"'=HYPERLINK(\"\"x\"\")\"")
        #expect(CSVSink.field("+1") == "'+1")
        #expect(CSVSink.field("-1") == "'-1")
        #expect(CSVSink.field("@SUM(A1)") == "'@SUM(A1)")
        #expect(CSVSink.field("一、总则,\n二") == "\"一、总则,\n二\"")
        #expect(CSVSink.field("plain") == "plain")
    }

    @Test func sqliteHasTheSchemaAndFullTextSearch() throws {
        let fixture = try BatchFixture(pages: 12)
        defer { fixture.remove() }
        let out = fixture.out("out.sqlite")
        _ = try run(fixture, sink: try SQLiteSink(path: out))
        let db = try DatabaseQueue(path: out)
        try db.read { db in
            #expect(try db.tableExists("documents"))
            #expect(try db.tableExists("sections"))
            #expect(try db.tableExists("findings"))
            #expect(try db.tableExists("items"))
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM documents") == fixture.expectedRecords)
            let hits = try String.fetchAll(db, sql: """
                SELECT s.path FROM sections_fts JOIN sections s ON s.id = sections_fts.rowid
                WHERE sections_fts MATCH '行政复议' ORDER BY s.id
                """)
            #expect(!hits.isEmpty)
            let likeHits = try Int.fetchOne(db, sql: "SELECT count(*) FROM sections WHERE full_text LIKE '%行政复议%'")
            #expect(likeHits == hits.count)
            let c2 = try Int.fetchOne(db, sql: "SELECT count(*) FROM sections WHERE item = 'C2'")
            #expect((c2 ?? 0) > 0)
            let findings = try Int.fetchOne(db, sql: "SELECT count(*) FROM findings f JOIN documents d ON d.id = f.document_id WHERE f.severity = 'error'")
            #expect((findings ?? 0) > 0)
        }
    }

    @Test func shardsPartitionTheInputs() throws {
        let fixture = try BatchFixture(pages: 12)
        defer { fixture.remove() }
        let files = try BatchInputs.collect(paths: [fixture.directory.path], filesFrom: nil).files
        let shards = (1...3).map { BatchInputs.shard(files, k: $0, n: 3) }
        #expect(Set(shards.flatMap { $0 }) == Set(files))
        #expect(shards.map(\.count).reduce(0, +) == files.count)
        #expect(shards.allSatisfy { !$0.isEmpty })
        #expect(BatchInputs.shard(files, k: 2, n: 3) == shards[1], "deterministic")
    }

    @Test func outputIsAtomicWhenARunFails() throws {
        let fixture = try BatchFixture()
        defer { fixture.remove() }
        let out = fixture.out("never.jsonl")
        final class FailingSink: RecordSink {
            let inner: JSONLinesSink
            var n = 0
            init(_ path: String) throws { inner = try JSONLinesSink(path: path) }
            func write(_ r: EncodedRecord) throws { n += 1; if n == 3 { throw CocoaError(.fileWriteOutOfSpace) }; try inner.write(r) }
            func finish() throws { try inner.finish() }
            func abandon() { inner.abandon() }
        }
        #expect(throws: CocoaError.self) { _ = try run(fixture, sink: try FailingSink(out)) }
        #expect(!FileManager.default.fileExists(atPath: out))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: fixture.output.path).filter { $0.contains("never.jsonl") }
        #expect(leftovers.isEmpty, "\(leftovers)")
    }
}
