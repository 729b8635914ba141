/// JUnit XML output (GitLab, Jenkins, GitHub test reporters): one test case per file; a failing
/// check is a `<failure>` listing its findings, an unreadable file an `<error>`, a page that is not
/// a report (or only an attachment) is `<skipped>`.
public enum JUnitReport {
    public static func xml(_ reports: [AuditReport], profile: String, failOn: Severity) -> String {
        let failures = reports.filter { $0.status == .fail }.count
        let errors = reports.filter { $0.status == .unreadable }.count
        let skipped = reports.filter { $0.status == .notAReport || $0.status == .attachmentOnly }.count
        var x = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        x += "<testsuites name=\"fazhi\" tests=\"\(reports.count)\" failures=\"\(failures)\" errors=\"\(errors)\" skipped=\"\(skipped)\">\n"
        x += "  <testsuite name=\"fazhi check \(escape(profile))\" tests=\"\(reports.count)\" failures=\"\(failures)\" errors=\"\(errors)\" skipped=\"\(skipped)\">\n"
        for r in reports {
            x += "    <testcase classname=\"fazhi.\(escape(profile))\" name=\"\(escape(r.file))\">\n"
            switch r.status {
            case .fail:
                let failing = r.findings.filter { $0.severity >= failOn }
                let message = failing.map(\.rule).joined(separator: ", ")
                let body = r.findings.map { "[\($0.severity.rawValue)] \($0.rule) \($0.message) (\($0.gloss))" + ($0.evidence.section.map { " @\($0)" } ?? "") }
                    .joined(separator: "\n")
                x += "      <failure message=\"\(escape(message))\" type=\"\(escape(failing.first?.rule ?? "fail"))\">\(escape(body))</failure>\n"
            case .unreadable:
                x += "      <error message=\"\(escape(r.error ?? "unreadable"))\" type=\"unreadable\"/>\n"
            case .notAReport, .attachmentOnly:
                x += "      <skipped message=\"\(r.status.rawValue)\"/>\n"
            case .pass:
                let notes = r.findings.map { "[\($0.severity.rawValue)] \($0.rule) \($0.message)" }
                if !notes.isEmpty { x += "      <system-out>\(escape(notes.joined(separator: "\n")))</system-out>\n" }
            }
            x += "    </testcase>\n"
        }
        x += "  </testsuite>\n</testsuites>\n"
        return x
    }

    /// XML text: markup characters escaped, characters XML 1.0 forbids (controls, lone surrogates,
    /// U+FFFE/U+FFFF) dropped.
    public static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                let v = scalar.value
                if v < 0x20 || v == 0xFFFE || v == 0xFFFF { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
