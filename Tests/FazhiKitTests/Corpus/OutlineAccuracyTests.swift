import Foundation
import Testing
@testable import FazhiKit

/// The outline gate: headings (level + marker + title, so the title/body split is checked exactly),
/// repaired markers, addressee and signature, scored against each page's outline gold.
@Suite struct OutlineAccuracyTests {
    static let minimumPerPage = 0.95
    static let minimumOverall = 0.99

    /// A heading as compared: level, marker and title after NFKC, title without trailing punctuation.
    struct Key: Hashable, CustomStringConvertible {
        var level: Int
        var marker: String
        var title: String
        var repaired: Bool
        var description: String { "L\(level) \(marker)\(title)\(repaired ? " [repaired]" : "")" }

        init(level: Int, marker: String, title: String, repaired: Bool) {
            self.level = level
            self.marker = Self.norm(marker)
            self.title = HeadingSplitter.clean(Self.norm(title))
            self.repaired = repaired
        }

        static func norm(_ s: String) -> String {
            s.precomposedStringWithCompatibilityMapping.filter { !$0.isWhitespace }
        }
    }

    static func goldKeys(_ sections: [[String: Any]]) -> [Key] {
        sections.flatMap { s -> [Key] in
            let key = Key(level: s["level"] as? Int ?? 0, marker: s["marker"] as? String ?? "", title: s["title"] as? String ?? "",
                          repaired: s["repaired"] as? Bool ?? false)
            return [key] + goldKeys(s["children"] as? [[String: Any]] ?? [])
        }
    }

    static func keys(_ outline: Outline) -> [Key] {
        outline.allSections.map { Key(level: $0.level, marker: $0.marker, title: $0.title, repaired: $0.repaired) }
    }

    static var pages: [CorpusPage] {
        CorpusPage.all.filter { FileManager.default.fileExists(atPath: CorpusPage.gold($0.name, "outline.json").path) }
    }

    /// Matched, extracted and gold counts for one page.
    static func counts(_ page: CorpusPage) throws -> (matched: Int, got: Int, gold: Int, missing: [Key], extra: [Key]) {
        let gold = goldKeys(try page.goldJSON("outline.json")?["sections"] as? [[String: Any]] ?? [])
        let got = keys(OutlineBuilder.outline(of: try page.article()))
        var pool = gold
        var extra: [Key] = []
        for k in got {
            if let i = pool.firstIndex(of: k) { pool.remove(at: i) } else { extra.append(k) }
        }
        return (got.count - extra.count, got.count, gold.count, pool, extra)
    }

    static func f1(matched: Int, got: Int, gold: Int) -> Double {
        if got == 0 && gold == 0 { return 1 }
        let p = got == 0 ? 0 : Double(matched) / Double(got)
        let r = gold == 0 ? 0 : Double(matched) / Double(gold)
        return p + r == 0 ? 0 : 2 * p * r / (p + r)
    }

    @Test(arguments: pages)
    func headingsMatchGold(page: CorpusPage) throws {
        let c = try Self.counts(page)
        let f1 = Self.f1(matched: c.matched, got: c.got, gold: c.gold)
        #expect(f1 >= Self.minimumPerPage, "\(page.name) heading F1 \(f1)\nmissing: \(c.missing)\nextra: \(c.extra)")
    }

    @Test(arguments: pages)
    func addresseeAndSignatureMatchGold(page: CorpusPage) throws {
        guard let gold = try page.goldJSON("outline.json") else { return }
        let outline = OutlineBuilder.outline(of: try page.article())
        let addressee = gold["addressee"] as? String
        #expect(outline.addressee.map(Key.norm) == addressee.map(Key.norm), "\(page.name) addressee")
        let sig = gold["signature"] as? [String: Any]
        let issuer = sig?["issuer"] as? String
        let date = sig?["date"] as? String
        #expect(outline.signature?.issuer.map(Key.norm) == issuer.map(Key.norm), "\(page.name) signature issuer")
        #expect(outline.signature?.date == date, "\(page.name) signature date")
    }

    @Test func overallHeadingF1() throws {
        var matched = 0, got = 0, gold = 0
        var lines: [String] = []
        for page in Self.pages {
            let c = try Self.counts(page)
            matched += c.matched; got += c.got; gold += c.gold
            lines.append("\(page.name)\t\(String(format: "%.3f", Self.f1(matched: c.matched, got: c.got, gold: c.gold)))\t\(c.matched)/\(c.gold)")
        }
        let f1 = Self.f1(matched: matched, got: got, gold: gold)
        print("Corpus outline: heading F1 \(String(format: "%.4f", f1)) (\(matched) matched, \(got) found, \(gold) gold)\n" + lines.joined(separator: "\n"))
        #expect(f1 >= Self.minimumOverall)
    }
}
