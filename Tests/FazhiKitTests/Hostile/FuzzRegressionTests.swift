import Foundation
import Testing
@testable import FazhiKit

/// Every input the fuzzer ever flagged (Fixtures/fuzz) runs through the whole pipeline, as the
/// fuzz target does, and finishes. `timeout-244c4d64.bin` was a 10-second timeout under ASan while
/// the machine was saturated; replayed alone it takes 0.2 s, and it stays here as a regression case.
@Suite struct FuzzRegressionTests {
    static var inputs: [String] {
        let dir = Fixture.root.appendingPathComponent("fuzz")
        return ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []).sorted().map { dir.appendingPathComponent($0).path }
    }

    @Test(arguments: inputs)
    func fuzzerFindingRunsThroughEveryStage(path: String) throws {
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        let auditor = Auditor(profile: try ProfileLoader.load("fazhi-annual"))
        if let page = try? Ingest.decode(bytes, source: "fuzz"), let article = try? Extractor.extract(page) {
            let outline = OutlineBuilder.outline(of: article)
            let report = auditor.audit(article, outline: outline)
            _ = try JSONOutput.string(CheckRecord(report))
            _ = try JSONOutput.string(outline)
        }
        #expect(WARCReader.entries(bytes).allSatisfy { entry in
            if case .document(let uri, _, _, _) = entry { return !uri.isEmpty }
            return true
        })
    }
}
