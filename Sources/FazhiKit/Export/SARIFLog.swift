/// SARIF 2.1.0 output (GitHub code scanning, GitLab and other SARIF viewers): one run, one rule
/// per profile rule, one result per finding, located at the file and the section.
public struct SARIFLog: Codable, Sendable {
    public var schema = "https://json.schemastore.org/sarif-2.1.0.json"
    public var version = "2.1.0"
    public var runs: [Run]

    enum CodingKeys: String, CodingKey { case schema = "$schema", version, runs }

    public struct Run: Codable, Sendable {
        public var tool: Tool
        public var results: [Result]
    }

    public struct Tool: Codable, Sendable { public var driver: Driver }

    public struct Driver: Codable, Sendable {
        public var name: String
        public var version: String
        public var informationUri: String
        public var rules: [Rule]
    }

    public struct Text: Codable, Sendable { public var text: String }

    public struct Rule: Codable, Sendable {
        public var id: String
        public var name: String
        public var shortDescription: Text
        public var fullDescription: Text
        public var help: Text
        public var defaultConfiguration: Configuration
    }

    public struct Configuration: Codable, Sendable { public var level: String }

    public struct Result: Codable, Sendable {
        public var ruleId: String
        public var ruleIndex: Int
        public var level: String
        public var message: Text
        public var locations: [Location]
        public var partialFingerprints: [String: String]
    }

    public struct Location: Codable, Sendable {
        public var physicalLocation: PhysicalLocation
        public var logicalLocations: [LogicalLocation]?
    }

    public struct PhysicalLocation: Codable, Sendable {
        public var artifactLocation: ArtifactLocation
        public var region: Region
    }

    public struct ArtifactLocation: Codable, Sendable { public var uri: String }
    public struct Region: Codable, Sendable { public var startLine: Int }
    public struct LogicalLocation: Codable, Sendable {
        public var fullyQualifiedName: String
        public var kind: String
    }

    /// The SARIF log of `reports` checked under `profile`. Unreadable files become `error` results
    /// of the rule `FAZHI-INPUT`.
    public init(reports: [AuditReport], profile: Profile, toolVersion: String) {
        var rules = profile.rules.map { r in
            Rule(id: r.id, name: r.check, shortDescription: Text(text: r.gloss), fullDescription: Text(text: r.message),
                 help: Text(text: r.basis), defaultConfiguration: Configuration(level: Self.level(r.severity)))
        }
        rules.append(Rule(id: "FAZHI-INPUT", name: "unreadable-input", shortDescription: Text(text: "the file could not be read as a page"),
                          fullDescription: Text(text: "文件无法读取"), help: Text(text: "fazhi ingest"),
                          defaultConfiguration: Configuration(level: "error")))
        let index = Dictionary(rules.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        var results: [Result] = []
        for report in reports {
            let uri = Self.uri(report.file)
            if let error = report.error {
                results.append(Result(ruleId: "FAZHI-INPUT", ruleIndex: index["FAZHI-INPUT"]!, level: "error",
                                      message: Text(text: "\(report.file): \(error)"),
                                      locations: [Location(physicalLocation: .init(artifactLocation: .init(uri: uri), region: .init(startLine: 1)), logicalLocations: nil)],
                                      partialFingerprints: ["fazhiFinding/v1": "\(uri)|FAZHI-INPUT"]))
            }
            for f in report.findings {
                let logical = f.evidence.section.map { [LogicalLocation(fullyQualifiedName: $0, kind: "section")] }
                results.append(Result(ruleId: f.rule, ruleIndex: index[f.rule] ?? 0, level: Self.level(f.severity),
                                      message: Text(text: "\(f.message) (\(f.gloss))"),
                                      locations: [Location(physicalLocation: .init(artifactLocation: .init(uri: uri), region: .init(startLine: 1)),
                                                           logicalLocations: logical)],
                                      partialFingerprints: ["fazhiFinding/v1": "\(uri)|\(f.rule)|\(f.evidence.section ?? "")"]))
            }
        }
        runs = [Run(tool: Tool(driver: Driver(name: "fazhi", version: toolVersion, informationUri: "https://github.com/fazhi/fazhi", rules: rules)),
                    results: results)]
    }

    static func level(_ s: Severity) -> String {
        switch s {
        case .error: return "error"
        case .warning: return "warning"
        case .info: return "note"
        }
    }

    /// A relative path as a URI reference (percent-encoding what a URI cannot hold).
    static func uri(_ path: String) -> String {
        var out = ""
        for b in path.utf8 {
            let c = Character(Unicode.Scalar(b))
            if (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || "-._~/".contains(c) {
                out.append(c)
            } else {
                out += "%" + String(b, radix: 16, uppercase: true).leftPadded(2)
            }
        }
        return out
    }
}

extension String {
    func leftPadded(_ width: Int) -> String { count >= width ? self : String(repeating: "0", count: width - count) + self }
}
