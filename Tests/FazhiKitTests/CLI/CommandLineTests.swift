import Foundation
import Testing

/// The built `fazhi` binary end to end: output, exit codes (0 ok, 1 check failed, 2 usage or
/// unreadable input) and error messages that name the file.
@Suite struct CommandLineTests {
    static let binary: URL = {
        // The test bundle sits in the build products directory, next to the executable.
        var dir = Bundle.main.bundleURL
        for _ in 0..<4 where !FileManager.default.fileExists(atPath: dir.appendingPathComponent("fazhi").path) {
            dir = dir.deletingLastPathComponent()
        }
        return dir.appendingPathComponent("fazhi")
    }()

    struct Run { var status: Int32; var out: String; var err: String }

    static func fazhi(_ arguments: String...) throws -> Run {
        let p = Process()
        p.executableURL = binary
        p.arguments = arguments
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Run(status: p.terminationStatus, out: String(decoding: o, as: UTF8.self), err: String(decoding: e, as: UTF8.self))
    }

    static let seed = CorpusPage.root.appendingPathComponent("pages/seed-wulong-2020.html").path
    static let onTime = CorpusPage.root.appendingPathComponent("pages/trs-01-yubei-2022.html").path

    @Test func extractPrintsTheWholeReport() throws {
        let r = try Self.fazhi("extract", Self.seed)
        #expect(r.status == 0)
        #expect(r.out.hasPrefix("重庆市武隆区工业园区管理委员会关于2020年度法治政府建设情况的报告\n区政府:"))
        #expect(r.out.contains("(四)强化宣传,广泛开展普法宣传教育。积极组织"))
        #expect(r.out.contains("、存在的不足和差距"))
        #expect(r.out.hasSuffix("重庆市武隆区工业园区管理委员会\n2021年5月31日\n"))
        #expect(!r.out.contains("扫一扫"))
    }

    @Test func extractJSONHasTheDocumentedKeys() throws {
        let r = try Self.fazhi("extract", Self.seed, "--format", "json")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any])
        for key in ["source", "encoding", "title", "text", "metadata", "blocks"] { #expect(json[key] != nil, "\(key)") }
        let encoding = json["encoding"] as? [String: Any]
        #expect(encoding?["name"] as? String == "GB18030")
        #expect(encoding?["declared"] as? String == "gb2312")
        #expect(encoding?["decidedBy"] as? String == "declared")
        #expect(encoding?["lossy"] as? Bool == false)
        #expect((json["metadata"] as? [String: Any])?["publishedDate"] as? String == "2021-05-31")
    }

    @Test func extractReadsStandardInput() throws {
        let p = Process()
        p.executableURL = Self.binary
        p.arguments = ["extract", "-"]
        p.standardInput = try FileHandle(forReadingFrom: URL(fileURLWithPath: Self.seed))
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        #expect(p.terminationStatus == 0)
        #expect(text.contains("区政府:"))
    }

    @Test func badInputExitsTwoNamingTheFile() throws {
        let empty = Fixture.path("ingest/empty.html")
        let r = try Self.fazhi("extract", empty)
        #expect(r.status == 2)
        #expect(r.err == "fazhi: \(empty): the file is empty\n")
        let pdf = try Self.fazhi("outline", Fixture.path("ingest/report.pdf.html"))
        #expect(pdf.status == 2)
        #expect(pdf.err.contains("not a web page but a PDF document"))
    }

    @Test func checkExitCodes() throws {
        #expect(try Self.fazhi("check", Self.seed).status == 1)
        #expect(try Self.fazhi("check", Self.onTime).status == 0)
        #expect(try Self.fazhi("check", Self.onTime, "--fail-on", "warning").status == 0)
        #expect(try Self.fazhi("check", "/no/such/page.html").status == 2)
        #expect(try Self.fazhi("check").status != 0)
        #expect(try Self.fazhi("check", Self.seed, "--format", "yaml").status == 64)
    }

    @Test func checkJSONForSeveralFilesIsAnArray() throws {
        let r = try Self.fazhi("check", Self.seed, Self.onTime, "--format", "json")
        let array = try #require(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [[String: Any]])
        #expect(array.map { $0["status"] as? String } == ["fail", "pass"])
        let seed = array[0]
        #expect((seed["report"] as? [String: Any])?["daysLate"] as? Int == 61)
        let items = seed["items"] as? [[String: Any]] ?? []
        #expect(items.first { $0["id"] as? String == "C3" }?["inline"] as? Bool == true)
        #expect(items.first { $0["id"] as? String == "C3" }?["section"] as? String == "一.(一)")
    }

    @Test func brokenProfileNamesItsLine() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("broken-\(UUID().uuidString).yaml")
        try "id: x\nname: y\nkind:\n  title-words: [a\n".write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let r = try Self.fazhi("check", Self.seed, "--profile", file.path)
        #expect(r.status == 2)
        #expect(r.err.hasPrefix("fazhi: \(file.path):"))
    }

    @Test func profilesListsTheBuiltIns() throws {
        let r = try Self.fazhi("profiles")
        #expect(r.status == 0)
        #expect(r.out.contains("fazhi-annual\t法治政府建设年度报告"))
        #expect(r.out.contains("xxgk-annual\t政府信息公开工作年度报告"))
    }

    @Test func versionAndHelp() throws {
        #expect(try Self.fazhi("--version").out == "0.1.0\n")
        let help = try Self.fazhi("check", "--help").out
        #expect(help.contains("Examples:"))
    }
}
