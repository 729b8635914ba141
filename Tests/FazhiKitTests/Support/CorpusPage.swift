import Foundation
import Testing
@testable import FazhiKit

/// One page of the bundled Corpus and its gold files.
struct CorpusPage: Sendable, CustomTestStringConvertible {
    let name: String
    let path: String

    var testDescription: String { name }

    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Corpus")

    /// Every page in Corpus/pages that has an extraction gold file, sorted by name.
    static let all: [CorpusPage] = {
        let pages = root.appendingPathComponent("pages")
        let files = (try? FileManager.default.contentsOfDirectory(atPath: pages.path)) ?? []
        return files.sorted().compactMap { file in
            let name = (file as NSString).deletingPathExtension
            guard FileManager.default.fileExists(atPath: gold(name, "txt").path) else { return nil }
            return CorpusPage(name: name, path: pages.appendingPathComponent(file).path)
        }
    }()

    static func gold(_ name: String, _ ext: String) -> URL {
        root.appendingPathComponent("gold").appendingPathComponent("\(name).\(ext)")
    }

    func goldText() throws -> String { try String(contentsOf: Self.gold(name, "txt"), encoding: .utf8) }

    func goldJSON(_ ext: String) throws -> [String: Any]? {
        let url = Self.gold(name, ext)
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        return try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any]
    }

    func article() throws -> Article {
        try Extractor.extract(try Ingest.read(path: path))
    }

    /// Phrases that must never appear in extracted text.
    static let boilerplate: [String] = {
        let text = (try? String(contentsOf: root.appendingPathComponent("boilerplate.txt"), encoding: .utf8)) ?? ""
        return text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty && !$0.hasPrefix("#") }
    }()
}
