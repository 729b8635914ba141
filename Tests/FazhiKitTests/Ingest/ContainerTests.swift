import Foundation
import Testing
@testable import FazhiKit

/// Containers (gzip, MHTML, plain text) and every kind of bad input.
@Suite struct ContainerTests {
    @Test func gzipIsRecognisedByMagicBytes() throws {
        let page = try Ingest.read(path: Fixture.path("ingest/page.html.gz"))
        #expect(page.containers == ["gzip"])
        #expect(page.encoding.name == "GB18030")
        #expect(try Extractor.extract(page).text.contains("朱镕基 王喆 李堃"))
    }

    @Test func mhtmlYieldsItsHTMLPart() throws {
        let page = try Ingest.read(path: Fixture.path("ingest/saved.mhtml"))
        #expect(page.containers == ["mhtml"])
        #expect(page.location == "http://www.example.gov.cn/art/2021/3/30/art_1_2.html")
        let article = try Extractor.extract(page)
        #expect(article.metadata.title == "关于朱镕基与王堃的报告")
        #expect(article.text.contains("法治政府建設與體制"))
        #expect(article.metadata.url == "http://www.example.gov.cn/art/2021/3/30/art_1_2.html")
    }

    @Test func plainTextIsOneParagraphPerLine() throws {
        let page = try Ingest.read(path: Fixture.path("ingest/report.txt"))
        #expect(page.format == .text)
        let article = try Extractor.extract(page)
        #expect(article.metadata.title == "关于2021年度法治政府建设情况的报告")
        #expect(article.blocks.map(\.text) == ["区政府：", "一、主要举措和成效", "（一）加强组织领导。全年召开会议3次。"])
    }

    @Test(arguments: [
        ("empty.html", "empty"), ("blank.html", "empty"), ("report.pdf.html", "binary"), ("report.doc", "binary"),
        ("report.docx", "binary"), ("image.png", "binary"), ("archive.zip", "binary"), ("truncated.gz", "malformed"),
        ("no-boundary.mhtml", "malformed"), ("does-not-exist.html", "unreadable"),
    ])
    func badInputIsATypedErrorNamingTheFile(file: String, code: String) {
        let path = Fixture.path("ingest/\(file)")
        #expect {
            _ = try Ingest.read(path: path)
        } throws: { error in
            guard let error = error as? IngestError else { return false }
            return error.code == code && error.source == path && error.description.hasPrefix(path + ": ")
        }
    }

    @Test func binaryKindsAreNamed() throws {
        for (file, kind) in [("report.pdf.html", "PDF document"), ("report.docx", "Word document (DOCX)"), ("image.png", "PNG image")] {
            #expect(throws: IngestError.binary(source: Fixture.path("ingest/\(file)"), kind: kind)) {
                try Ingest.read(path: Fixture.path("ingest/\(file)"))
            }
        }
    }

    @Test func directoryIsRefused() {
        #expect(throws: IngestError.isDirectory(source: Fixture.root.path)) { try Ingest.read(path: Fixture.root.path) }
    }

    @Test func decompressionBeyondTheLimitIsRefused() throws {
        let path = Fixture.path("ingest/page.html.gz")
        #expect(throws: IngestError.tooLarge(source: path, limit: 100)) {
            try Ingest.read(path: path, options: IngestOptions(maxBytes: 100))
        }
    }
}
