import Foundation
import Testing
@testable import FazhiKit

/// Hostile and broken input: each gets a clear error or a correct result, in bounded time and
/// memory, never a crash. Sizes are the ones the README states bounds for.
@Suite(.serialized) struct HostileInputTests {
    static let directory: URL = {
        let d = FileManager.default.temporaryDirectory.appendingPathComponent("fazhi-hostile-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: d, withIntermediateDirectories: true)
        return d
    }()

    static func write(_ name: String, _ bytes: [UInt8]) throws -> String {
        let url = directory.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    static func article(_ bytes: [UInt8], name: String = "page.html", options: IngestOptions = .init()) throws -> Article {
        try Extractor.extract(try Ingest.decode(bytes, source: name, options: options))
    }

    @Test func pageOverTheSizeLimitIsRefusedWithoutReadingIt() throws {
        // 100 MB (sparse: refused by its size before a byte is read).
        let path = Self.directory.appendingPathComponent("huge.html").path
        FileManager.default.createFile(atPath: path, contents: nil)
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.truncate(atOffset: 100 * 1024 * 1024)
        try handle.close()
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(throws: IngestError.tooLarge(source: path, limit: 64 * 1024 * 1024)) { try Ingest.read(path: path) }
        let records = Ingest.documents(path: path)
        #expect(records.count == 1)
        if case .failure(let e)? = records.first?.page { #expect(e.code == "too-large") } else { Issue.record("not refused") }
    }

    @Test func gzipBombIsRefusedPastTheLimit() throws {
        // 200 MB of one repeated paragraph compresses to a few hundred KB.
        let paragraph = Array("<p>法治政府建设</p>".utf8)
        var raw: [UInt8] = []
        raw.reserveCapacity(200 * 1024 * 1024)
        while raw.count < 200 * 1024 * 1024 { raw += paragraph }
        let url = Self.directory.appendingPathComponent("bomb.html")
        try Data(raw).write(to: url)
        raw = []
        let gz = Process()
        gz.executableURL = URL(fileURLWithPath: "/bin/gzip")
        gz.arguments = ["-f", "-1", url.path]
        try gz.run()
        gz.waitUntilExit()
        let bomb = url.path + ".gz"
        defer { try? FileManager.default.removeItem(atPath: bomb) }
        #expect(throws: IngestError.tooLarge(source: bomb, limit: 64 * 1024 * 1024)) { try Ingest.read(path: bomb) }
        #expect(throws: IngestError.tooLarge(source: bomb, limit: 1024 * 1024)) { try Ingest.read(path: bomb, options: IngestOptions(maxBytes: 1024 * 1024)) }
    }

    @Test func hundredThousandNestedElementsKeepTheirText() throws {
        let html = "<html><body>" + String(repeating: "<div>", count: 100_000) + "<p>一、深处的段落，依法行政。</p>" + String(repeating: "</div>", count: 100_000) + "</body></html>"
        let a = try Self.article(Array(html.utf8))
        #expect(a.text == "一、深处的段落，依法行政。")
    }

    @Test func aMillionTinyParagraphs() throws {
        var html = "<html><body>"
        html.reserveCapacity(10_000_100)
        for _ in 0..<1_000_000 { html += "<p>字</p>" }
        html += "</body></html>"
        let a = try Self.article(Array(html.utf8))
        #expect(a.blocks.count == 1_000_000)
        #expect(a.blocks.allSatisfy { $0.text == "字" })
    }

    @Test func tenMegabyteSingleLine() throws {
        let unit = "全年办理行政复议案件23件，"
        let line = String(repeating: unit, count: 10 * 1024 * 1024 / unit.utf8.count)
        let a = try Self.article(Array(("<html><body><p>" + line + "</p></body></html>").utf8))
        #expect(a.blocks.count == 1)
        #expect(a.text == line)
    }

    @Test func nulBytesAreDropped() throws {
        var bytes = Array("<html><body><p>一、总体\u{0}情况</p><p>依法\u{0}\u{0}行政。</p></body></html>".utf8)
        bytes.insert(0, at: 5)
        let a = try Self.article(bytes)
        #expect(a.text == "一、总体情况\n依法行政。")
    }

    @Test func invalidSequencesThroughoutAreReplacedNotFatal() throws {
        var bytes: [UInt8] = Array("<html><head><meta charset=\"gb2312\"></head><body>".utf8)
        let fazhi: [UInt8] = [0xB7, 0xA8, 0xD6, 0xCE]  // 法治 in GBK
        for i in 0..<500 {
            let invalid: [UInt8] = i % 3 == 0 ? [0xFF] : i % 3 == 1 ? [0x81, 0x30] : [0x80]  // not GB18030
            bytes += Array("<p>".utf8) + fazhi + invalid + fazhi + Array("</p>".utf8)
        }
        bytes += Array("<p>".utf8) + [0xBD, 0xE1, 0xCE, 0xB2] + Array("</p></body></html>".utf8)  // 结尾
        let page = try Ingest.decode(bytes, source: "bad.html")
        #expect(page.encoding.name == "GB18030")
        #expect(page.encoding.lossy)
        let a = try Extractor.extract(page)
        #expect(a.blocks.count == 501)
        #expect(a.blocks[0].text == "法治\u{FFFD}法治")
        #expect(a.blocks[1].text == "法治\u{FFFD}0法治")
        #expect(a.text.hasSuffix("结尾"))

        var utf8 = Array("<html><body><p>".utf8)
        for _ in 0..<500 { utf8 += Array("依法行政".utf8) + [0xC3, 0x28] + [0xED, 0xA0, 0x80] }
        utf8 += Array("</p><p>结尾</p></body></html>".utf8)
        let repaired = try Ingest.decode(utf8, source: "bad-utf8.html")
        #expect(repaired.encoding.name == "UTF-8")
        #expect(repaired.encoding.lossy)
        #expect(try Extractor.extract(repaired).text.hasSuffix("结尾"))
    }

    @Test func characterCutAtEndOfFile() throws {
        let gbk: [UInt8] = Array("<html><head><meta charset=gbk></head><body><p>".utf8) + [0xB7, 0xA8, 0xD6, 0xCE, 0xD5]
        let a = try Self.article(gbk)
        #expect(a.encoding.lossy)
        #expect(a.text == "法治\u{FFFD}")
        let utf8: [UInt8] = Array("<p>依法".utf8) + [0xE8, 0xA1]
        #expect(try Self.article(utf8).text == "依法\u{FFFD}")
    }

    @Test func mhtmlWithoutBoundaryIsAClearError() {
        let bytes = Array("From: <Saved by Blink>\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related; type=\"text/html\"\r\n\r\n<html>x</html>".utf8)
        #expect(throws: IngestError.malformed(source: "m.mhtml", reason: "MHTML file without a usable multipart boundary")) {
            try Ingest.decode(bytes, source: "m.mhtml")
        }
    }

    @Test func warcRecordWhoseLengthLiesIsAnErrorAndTheArchiveGoesOn() {
        let entries = WARCReader.entries(BatchFixture.warc())
        let failures = entries.filter { if case .failure = $0 { return true }; return false }
        let documents = entries.filter { if case .document = $0 { return true }; return false }
        #expect(failures.count == 1)
        #expect(documents.count == 3)
        // Truncated archive: the last record's length runs past the end.
        let truncated = Array(BatchFixture.warc().dropLast(40))
        let cut = WARCReader.entries(truncated)
        #expect(cut.contains { if case .failure(_, let reason) = $0 { return reason.contains("does not match") }; return false })
    }

    @Test func filesThatVanishOrChangeDuringABatchBecomeErrorRecords() throws {
        let fixture = try BatchFixture()
        defer { fixture.remove() }
        let files = try BatchInputs.collect(paths: [fixture.directory.path], filesFrom: nil).files
        let pages = files.filter { $0.hasSuffix(".html") && !$0.hasSuffix("empty.html") }
        try FileManager.default.removeItem(atPath: pages[0])
        try FileManager.default.removeItem(atPath: pages[1])
        try FileManager.default.createDirectory(atPath: pages[1], withIntermediateDirectories: false)
        let out = fixture.out("vanish.jsonl")
        let summary = try BatchRunner(files: files, auditor: nil, jobs: 2).run(sink: try JSONLinesSink(path: out), journalPath: nil, resume: false)
        let lines = try String(contentsOfFile: out, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == summary.documents)
        #expect(lines.contains { $0.contains("\"source\":\"\(pages[0])\"") && $0.contains("no such file") })
        #expect(lines.contains { $0.contains("\"source\":\"\(pages[1])\"") && $0.contains("is a directory") })
    }
}
