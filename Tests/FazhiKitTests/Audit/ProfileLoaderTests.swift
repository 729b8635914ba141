import Foundation
import Testing
@testable import FazhiKit

/// Profiles are data: the built-ins load, and a broken profile is an error naming its line.
@Suite struct ProfileLoaderTests {
    @Test(arguments: BuiltinProfiles.names)
    func builtinProfilesLoad(name: String) throws {
        let p = try ProfileLoader.load(name)
        #expect(p.id == name)
        #expect(!p.items.isEmpty)
        #expect(p.rules.allSatisfy { Auditor.checks.contains($0.check) && !$0.basis.isEmpty && !$0.message.isEmpty })
    }

    @Test func unverifiedArticleNumbersAreNeverCited() throws {
        // required-structure.md: only 第二十四条 of the 督察规定 is verified; 第二十三条/第二十五条 are "believed".
        for name in BuiltinProfiles.names {
            let yaml = try #require(BuiltinProfiles.yaml[name])
            #expect(!yaml.contains("第二十三条"))
            #expect(!yaml.contains("第二十五条"))
        }
    }

    func failure(_ yaml: String) -> ProfileLoader.Failure? {
        do { _ = try ProfileLoader.parse(yaml, source: "broken.yaml"); return nil } catch { return error }
    }

    var valid: String { BuiltinProfiles.yaml["fazhi-annual"]! }

    @Test func yamlSyntaxErrorNamesTheLine() throws {
        let broken = valid.replacingOccurrences(of: "  - id: C2\n", with: "  - id: C2\n   bad: [unclosed\n")
        let f = try #require(failure(broken))
        let line = valid.components(separatedBy: "\n").firstIndex(of: "  - id: C2")! + 2
        #expect(f.line != nil && abs(f.line! - line) <= 2, "\(f)")
        #expect(f.description.hasPrefix("broken.yaml:"))
    }

    @Test func missingKeyNamesTheLine() throws {
        let broken = valid.replacingOccurrences(of: "    check: title-year\n", with: "")
        let f = try #require(failure(broken))
        #expect(f.reason == "missing key 'check'")
        let line = valid.components(separatedBy: "\n").firstIndex(of: "  - id: FZ-ID-01")! + 1
        #expect(f.line == line)
    }

    @Test func unknownCheckAndSeverityAreRefused() throws {
        let check = try #require(failure(valid.replacingOccurrences(of: "check: title-year", with: "check: title-yaer")))
        #expect(check.reason.hasPrefix("unknown check 'title-yaer'"))
        let severity = try #require(failure(valid.replacingOccurrences(of: "    severity: warning\n    message: 报告年度", with: "    severity: fatal\n    message: 报告年度")))
        #expect(severity.reason == "severity must be error, warning or info, not 'fatal'")
        #expect(severity.line != nil)
    }

    @Test func ruleNamingAnUnknownItemIsRefused() throws {
        let f = try #require(failure(valid.replacingOccurrences(of: "params: {item: C4}", with: "params: {item: C9}")))
        #expect(f.reason.contains("names item C9"))
    }

    @Test func aProfileFileLoadsByPath() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("fazhi-profile-\(UUID().uuidString).yaml")
        try valid.replacingOccurrences(of: "id: fazhi-annual", with: "id: my-province").write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        #expect(try ProfileLoader.load(file.path).id == "my-province")
        #expect(throws: ProfileLoader.Failure.self) { try ProfileLoader.load("/no/such/profile.yaml") }
    }
}
