import Foundation
import Testing
@testable import FazhiKit

/// A readable tree dump of every Corpus page's outline, compared with the committed snapshot in
/// Tests/FazhiKitTests/Snapshots/outline, so any change to the outline shows as a diff. These are
/// regression snapshots, not gold: accuracy is judged by OutlineAccuracyTests against the Corpus gold.
/// Run with RECORD_SNAPSHOTS=1 to write them anew after an intended change.
@Suite struct OutlineSnapshotTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Snapshots/outline")

    @Test(arguments: CorpusPage.all)
    func treeDumpMatchesSnapshot(page: CorpusPage) throws {
        let dump = OutlineRendering.tree(OutlineBuilder.outline(of: try page.article())) + "\n"
        let file = Self.directory.appendingPathComponent("\(page.name).txt")
        if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] != nil {
            try FileManager.default.createDirectory(at: Self.directory, withIntermediateDirectories: true)
            try dump.write(to: file, atomically: true, encoding: .utf8)
            return
        }
        guard let expected = try? String(contentsOf: file, encoding: .utf8) else {
            Issue.record("no snapshot for \(page.name): run RECORD_SNAPSHOTS=1 swift test --filter OutlineSnapshotTests")
            return
        }
        if dump != expected {
            let a = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let b = dump.split(separator: "\n", omittingEmptySubsequences: false)
            let diff: [String] = a.difference(from: b).map { change -> String in
                switch change {
                case .insert(let o, let line, _): return "- \(o): \(line)"
                case .remove(let o, let line, _): return "+ \(o): \(line)"
                }
            }
            let lines: [String] = diff
            Issue.record(Comment(rawValue: "\(page.name) outline changed (- snapshot, + now):\n\(lines.joined(separator: "\n"))"))
        }
    }
}
