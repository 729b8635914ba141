import Foundation
import Testing
@testable import FazhiKit

/// The extraction gate: every Corpus page scored against its gold text and metadata.
@Suite struct ExtractionAccuracyTests {
    static let minimumPerPage = 0.95
    static let minimumMean = 0.98

    @Test(arguments: CorpusPage.all)
    func pageTextMatchesGold(page: CorpusPage) throws {
        let article = try page.article()
        let extracted = ([article.metadata.title ?? ""] + [article.text]).joined(separator: "\n")
        let score = BigramScore(extracted: extracted, gold: try page.goldText())
        #expect(score.f1 >= Self.minimumPerPage, "\(page.name): \(score)")
    }

    @Test(arguments: CorpusPage.all)
    func noBoilerplateLeaks(page: CorpusPage) throws {
        let article = try page.article()
        let extracted = ([article.metadata.title ?? ""] + [article.text]).joined(separator: "\n")
        for phrase in CorpusPage.boilerplate {
            #expect(!extracted.contains(phrase), "\(page.name) leaks \(phrase)")
        }
    }

    @Test(arguments: CorpusPage.all)
    func metadataMatchesGold(page: CorpusPage) throws {
        guard let gold = try page.goldJSON("meta.json") else {
            Issue.record("\(page.name) has no meta.json gold")
            return
        }
        let m = try page.article().metadata
        let actual: [String: Any?] = [
            "title": m.title, "publishedDate": m.publishedDate, "writtenDate": m.writtenDate, "publisher": m.publisher,
            "indexNumber": m.indexNumber, "documentNumber": m.documentNumber, "column": m.column, "siteName": m.siteName,
            "siteCode": m.siteCode, "url": m.url, "keywords": m.keywords,
        ]
        for (key, expected) in gold {
            guard let got = actual[key] else { Issue.record("\(page.name): unknown gold key \(key)"); continue }
            #expect(Self.same(expected, got), "\(page.name) metadata.\(key): expected \(expected), got \(String(describing: got))")
        }
    }

    @Test func meanF1AcrossCorpus() throws {
        var scores: [(String, BigramScore)] = []
        for page in CorpusPage.all {
            let article = try page.article()
            let extracted = ([article.metadata.title ?? ""] + [article.text]).joined(separator: "\n")
            scores.append((page.name, BigramScore(extracted: extracted, gold: try page.goldText())))
        }
        try #require(!scores.isEmpty)
        let mean = scores.map(\.1.f1).reduce(0, +) / Double(scores.count)
        let table = scores.map { "\($0.0)\t\($0.1)" }.joined(separator: "\n")
        print("Corpus extraction: \(scores.count) pages, mean F1 \(String(format: "%.4f", mean))\n\(table)")
        #expect(mean >= Self.minimumMean, "mean F1 \(mean)")
    }

    static func same(_ expected: Any, _ got: Any?) -> Bool {
        let unwrapped: Any? = got.flatMap { $0 }
        if expected is NSNull { return unwrapped == nil }
        if let e = expected as? String { return (unwrapped as? String) == e }
        if let e = expected as? [String] { return (unwrapped as? [String]) == e }
        return false
    }
}
