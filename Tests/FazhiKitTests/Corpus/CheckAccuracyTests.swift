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

/// Issue 5's acceptance case: the seed page's verdict, finding by finding.
@Suite struct SeedVerdictTests {
    @Test func seedPageVerdict() throws {
        let page = try #require(CorpusPage.all.first { $0.name == "seed-wulong-2020" })
        let r = try CheckAccuracyTests.audit(page, profile: "fazhi-annual")
        let items = Dictionary(uniqueKeysWithValues: r.items.map { ($0.id, $0) })
        #expect(items["C1"]?.present == true && items["C1"]?.section == "一")
        #expect(items["C2"]?.present == true && items["C2"]?.section == "二")
        #expect(items["C4"]?.present == true && items["C4"]?.section == "三")
        #expect(items["C3"]?.present == true && items["C3"]?.inline == true && items["C3"]?.section == "一.(一)")
        #expect(items["C5"]?.present == false)
        #expect(r.findings.first { $0.rule == "FZ-C5" }?.severity == .info)
        #expect(r.findings.first { $0.rule == "FZ-C3" }?.severity == .info)
        #expect(r.findings.first { $0.rule == "FZ-C2R" }?.severity == .warning)
        let late = try #require(r.findings.first { $0.rule == "FZ-TIME-01" })
        #expect(late.severity == .error)
        #expect(late.evidence.dates == ["published": "2021-05-31", "deadline": "2021-03-31"])
        #expect(r.report?.daysLate == 61)
        #expect(r.findings.filter { $0.rule == "FZ-FMT-05" }.compactMap(\.evidence.section) == ["二", "三"])
        #expect(r.status == .fail)
    }
}
