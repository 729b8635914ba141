import Foundation
import Testing
@testable import FazhiKit

/// The audit gate: every Corpus page's verdict (status, report facts, items, rule ids) must equal
/// its `.check.json` gold exactly.
@Suite struct CheckAccuracyTests {
    static var pages: [CorpusPage] {
        CorpusPage.all.filter { FileManager.default.fileExists(atPath: CorpusPage.gold($0.name, "check.json").path) }
    }

    static func audit(_ page: CorpusPage, profile: String) throws -> AuditReport {
        let auditor = Auditor(profile: try ProfileLoader.load(profile))
        return Pipeline.check(path: page.path, auditor: auditor)
    }

    @Test(arguments: pages)
    func verdictMatchesGold(page: CorpusPage) throws {
        let gold = try #require(try page.goldJSON("check.json"))
        let profile = gold["profile"] as? String ?? "fazhi-annual"
        let report = try Self.audit(page, profile: profile)
        #expect(report.status.rawValue == gold["status"] as? String, "\(page.name) status")
        #expect(report.ruleIDs == (gold["rules"] as? [String] ?? []).sorted(), "\(page.name) rules; findings: \(report.findings.map { "\($0.rule) \($0.message)" })")
        if let facts = gold["report"] as? [String: Any] {
            #expect(report.report?.year == facts["year"] as? Int, "\(page.name) year")
            #expect(report.report?.publishedDate == facts["publishedDate"] as? String, "\(page.name) publishedDate")
            #expect(report.report?.daysLate == facts["daysLate"] as? Int, "\(page.name) daysLate")
        }
        for (id, value) in gold["items"] as? [String: [String: Any]] ?? [:] {
            let got = report.items.first { $0.id == id }
            #expect(got?.present == value["present"] as? Bool, "\(page.name) \(id) present")
            guard value["present"] as? Bool == true else { continue }
            #expect(got?.section == value["section"] as? String, "\(page.name) \(id) section")
            #expect(got?.inline == value["inline"] as? Bool, "\(page.name) \(id) inline")
        }
    }
}
