import Foundation
@testable import FazhiKit

/// A temporary directory of mixed inputs for batch tests: good pages, junk, empty and binary files,
/// an MHTML, a gzip page and a small WARC.gz with two HTML responses, an image and a corrupt record.
struct BatchFixture {
    /// The inputs.
    let directory: URL
    /// Where outputs go (outside the inputs).
    let output: URL
    private let root: URL

    init(pages: Int = 6) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("fazhi-batch-\(UUID().uuidString)")
        directory = root.appendingPathComponent("input")
        output = root.appendingPathComponent("out")
        let fm = FileManager.default
        try fm.createDirectory(at: output, withIntermediateDirectories: true)
        try fm.createDirectory(at: directory.appendingPathComponent("nested/deeper"), withIntermediateDirectories: true)
        let corpus = CorpusPage.all.filter { !$0.path.hasSuffix(".mhtml") }.prefix(pages)
        for (i, page) in corpus.enumerated() {
            let target = i % 2 == 0 ? directory : directory.appendingPathComponent("nested/deeper")
            try fm.copyItem(atPath: page.path, toPath: target.appendingPathComponent(URL(fileURLWithPath: page.path).lastPathComponent).path)
        }
        var generator = SystemRandomNumberGenerator()
        try Data((0..<3000).map { _ in UInt8.random(in: 0...255, using: &generator) }).write(to: directory.appendingPathComponent("junk.bin"))
        try Data().write(to: directory.appendingPathComponent("empty.html"))
        try Data([0x25, 0x50, 0x44, 0x46, 0x2D, 0x31, 0x2E, 0x34, 0x0A]).write(to: directory.appendingPathComponent("report.pdf"))
        try Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13]).write(to: directory.appendingPathComponent("nested/photo.png"))
        try fm.copyItem(atPath: Fixture.path("ingest/saved.mhtml"), toPath: directory.appendingPathComponent("saved.mhtml").path)
        try fm.copyItem(atPath: Fixture.path("ingest/page.html.gz"), toPath: directory.appendingPathComponent("nested/page.html.gz").path)
        try Self.gzip(Self.warc(), to: directory.appendingPathComponent("crawl.warc.gz"))
        try Data("hidden".utf8).write(to: directory.appendingPathComponent(".DS_Store"))
    }

    /// Inputs, as a batch counts them: 1 per file, WARC records counted one by one.
    var expectedRecords: Int {
        let files = (try? BatchInputs.collect(paths: [directory.path], filesFrom: nil).files) ?? []
        return files.count - 1 + 4  // the WARC file yields 3 HTML pages and 1 corrupt record
    }

    func remove() { try? FileManager.default.removeItem(at: root) }

    /// A path for an output file.
    func out(_ name: String) -> String { output.appendingPathComponent(name).path }

    /// A WARC with: an HTML response in GBK whose charset only the HTTP header gives, a UTF-8 one,
    /// an image response (not a document), a record whose Content-Length lies, then one more page.
    static func warc() -> [UInt8] {
        func record(type: String, uri: String, block: [UInt8], lie: Int = 0) -> [UInt8] {
            let header = "WARC/1.0\r\nWARC-Type: \(type)\r\nWARC-Target-URI: \(uri)\r\nWARC-Date: 2023-03-30T08:00:00Z\r\nWARC-Record-ID: <urn:uuid:\(UUID().uuidString)>\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: \(block.count + lie)\r\n\r\n"
            return Array(header.utf8) + block + Array("\r\n\r\n".utf8)
        }
        func http(_ body: [UInt8], type: String) -> [UInt8] {
            Array("HTTP/1.1 200 OK\r\nContent-Type: \(type)\r\nContent-Length: \(body.count)\r\n\r\n".utf8) + body
        }
        let page = "<html><head><title>某县2022年度法治政府建设情况报告</title></head><body><h1>某县2022年度法治政府建设情况报告</h1><p>一、主要举措和成效</p><p>全年办理行政复议案件23件，朱镕基堃。</p></body></html>"
        let gbk = Self.gbk(page)
        var out: [UInt8] = Array("WARC/1.0\r\nWARC-Type: warcinfo\r\nContent-Length: 10\r\n\r\nsoftware=x\r\n\r\n".utf8)
        out += record(type: "response", uri: "http://www.example.gov.cn/a/t20230330_1.html", block: http(gbk, type: "text/html; charset=gbk"))
        out += record(type: "response", uri: "http://www.example.gov.cn/b.png", block: http([0x89, 0x50, 0x4E, 0x47], type: "image/png"))
        out += record(type: "request", uri: "http://www.example.gov.cn/a/t20230330_1.html", block: Array("GET / HTTP/1.1\r\n\r\n".utf8))
        out += record(type: "response", uri: "http://www.example.gov.cn/lies.html", block: http(Array("<p>短</p>".utf8), type: "text/html"), lie: 5000)
        out += record(type: "response", uri: "http://www.example.gov.cn/c/t20230331_2.html", block: http(Array(page.utf8), type: "text/html; charset=utf-8"))
        out += record(type: "response", uri: "http://www.example.gov.cn/d/t20230331_3.html", block: http(Array(page.utf8), type: "text/html; charset=utf-8"))
        return out
    }

    static func gbk(_ s: String) -> [UInt8] {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/iconv")
        p.arguments = ["-f", "UTF-8", "-t", "GBK"]
        let input = Pipe(), output = Pipe()
        p.standardInput = input
        p.standardOutput = output
        try? p.run()
        input.fileHandleForWriting.write(Data(s.utf8))
        try? input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return [UInt8](data)
    }

    static func gzip(_ bytes: [UInt8], to url: URL) throws {
        let raw = url.deletingPathExtension()
        try Data(bytes).write(to: raw)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/gzip")
        p.arguments = ["-f", raw.path]
        try p.run()
        p.waitUntilExit()
    }
}
