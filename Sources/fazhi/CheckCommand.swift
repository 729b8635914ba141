import ArgumentParser
import FazhiKit

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check reports against the structure and deadlines the rules require.",
        discussion: """
        Exit status: 0 when no finding reaches --fail-on, 1 when one does, 2 on a usage error or an
        unreadable input.
        Examples:
          fazhi check Corpus/pages/seed-wulong-2020.html
          fazhi check Corpus/pages/*.html --format sarif > fazhi.sarif
          fazhi check report.html --profile xxgk-annual --fail-on warning
          fazhi check report.html --profile my-province.yaml --format junit
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, sarif, junit }

    @Argument(help: "Saved pages (.html, .mhtml, gzip, .txt).")
    var files: [String]

    @Option(help: "A built-in profile (fazhi-annual, xxgk-annual) or a YAML profile file.")
    var profile = "fazhi-annual"

    @Option(help: "Output format: text, json, sarif or junit.")
    var format: Format = .text

    @Option(help: "The lowest severity that fails a file: error or warning.")
    var failOn: Severity = .error

    @OptionGroup var limits: InputLimits

    func validate() throws {
        if files.isEmpty { throw ValidationError("give at least one file") }
        if failOn == .info { throw ValidationError("--fail-on takes error or warning") }
    }

    func run() throws {
        let loaded: Profile
        do { loaded = try ProfileLoader.load(profile) } catch { throw CLIInput.fail(error.description) }
        let auditor = Auditor(profile: loaded, failOn: failOn)
        let options = limits.options
        let reports = files.map { Pipeline.check(path: $0, auditor: auditor, options: options) }
        switch format {
        case .text: print(CheckRendering.text(reports))
        case .json:
            let records = reports.map(CheckRecord.init)
            print(records.count == 1 ? try JSONOutput.string(records[0]) : try JSONOutput.string(records))
        case .sarif: print(try JSONOutput.string(SARIFLog(reports: reports, profile: loaded, toolVersion: Fazhi.configuration.version)))
        case .junit: print(JUnitReport.xml(reports, profile: loaded.id, failOn: failOn), terminator: "")
        }
        for r in reports where r.status == .unreadable { StandardError.write("fazhi: \(r.file): \(r.error ?? "unreadable")\n") }
        if reports.contains(where: { $0.status == .unreadable }) { throw ExitCode(2) }
        if reports.contains(where: { $0.status == .fail }) { throw ExitCode(1) }
    }
}

extension Severity: ExpressibleByArgument {}

struct ProfilesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "profiles",
        abstract: "List the built-in profiles, or print one as YAML to copy and edit.",
        discussion: """
        Examples:
          fazhi profiles
          fazhi profiles fazhi-annual > my-profile.yaml
        """
    )

    @Argument(help: "A profile name or YAML file to show.")
    var name: String?

    func run() throws {
        guard let name else {
            for n in BuiltinProfiles.names {
                let p = try ProfileLoader.load(n)
                print("\(n)\t\(p.name)\t\(p.items.count) items, \(p.rules.count) rules")
            }
            return
        }
        if let yaml = BuiltinProfiles.yaml[name] { print(yaml, terminator: ""); return }
        do {
            let p = try ProfileLoader.load(name)
            print("\(p.id)\t\(p.name)\t\(p.items.count) items, \(p.rules.count) rules: profile is valid")
        } catch { throw CLIInput.fail(error.description) }
    }
}
