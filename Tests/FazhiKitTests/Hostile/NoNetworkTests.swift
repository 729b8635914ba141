import Foundation
import Testing
@testable import FazhiKit
#if canImport(Glibc)
import Glibc
#endif

/// fazhi reads only its inputs: a page that references an external DTD, external entities, or
/// resources on a server makes no connection and reads no other file.
@Suite struct NoNetworkTests {
    /// A listening TCP socket on 127.0.0.1 that records whether anyone connected.
    final class Listener {
        let fd: Int32
        let port: UInt16

        init() throws {
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            address.sin_port = 0
            var length = socklen_t(MemoryLayout<sockaddr_in>.size)
            let bound = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) } }
            guard bound == 0, listen(fd, 8) == 0 else { throw POSIXError(.EADDRINUSE) }
            _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) } }
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
            self.fd = fd
            port = UInt16(bigEndian: address.sin_port)
        }

        /// True when a connection is waiting.
        var wasContacted: Bool {
            let client = accept(fd, nil, nil)
            if client >= 0 { close(client); return true }
            return false
        }

        deinit { close(fd) }
    }

    @Test func externalDTDEntitiesAndResourcesAreNeverFetched() throws {
        let listener = try Listener()
        let secret = FileManager.default.temporaryDirectory.appendingPathComponent("fazhi-secret-\(UUID().uuidString).txt")
        try "SECRET-CONTENT-42".write(to: secret, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: secret) }
        let base = "http://127.0.0.1:\(listener.port)"
        let html = """
            <?xml version="1.0"?>
            <!DOCTYPE html SYSTEM "\(base)/evil.dtd" [
              <!ENTITY xxe SYSTEM "file://\(secret.path)">
              <!ENTITY net SYSTEM "\(base)/entity">
            ]>
            <html><head><link rel="stylesheet" href="\(base)/a.css"><script src="\(base)/a.js"></script>
            <meta http-equiv="refresh" content="0; url=\(base)/refresh"></head>
            <body><h1>某县2022年度法治政府建设情况报告</h1><p>一、正文&xxe;&net;</p><img src="\(base)/a.png">
            <iframe src="\(base)/frame"></iframe><p>全年办理行政复议案件23件，依法行政水平不断提高。</p></body></html>
            """
        let page = try Ingest.decode(Array(html.utf8), source: "xxe.html")
        let result = try Pipeline.run(page: page, auditor: Auditor(profile: try ProfileLoader.load("fazhi-annual")))
        let everything = try JSONOutput.string(ArticleRecord(result.article)) + (try JSONOutput.string(result.outline))
        #expect(!everything.contains("SECRET-CONTENT-42"))
        Thread.sleep(forTimeInterval: 0.2)
        #expect(!listener.wasContacted)
        #expect(result.article.text.contains("全年办理行政复议案件23件"))
    }
}
