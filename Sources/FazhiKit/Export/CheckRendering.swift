/// Text rendering of audit reports, grouped by file, for a person.
public enum CheckRendering {
    public static func text(_ reports: [AuditReport]) -> String {
        var out: [String] = []
        for r in reports {
            var head = "\(r.file): \(r.status.rawValue.uppercased())"
            if let t = r.title { head += "  \(t)" }
            out.append(head)
            if let e = r.error { out.append("  error: \(e)") }
            if let f = r.report {
                let late = f.daysLate.map { $0 > 0 ? "late by \($0) days" : "on time" } ?? "timeliness unknown"
                out.append("  year \(f.year.map(String.init) ?? "?"), published \(f.publishedDate ?? "?"), deadline \(f.deadline ?? "?"): \(late)")
            }
            if !r.items.isEmpty {
                let items = r.items.map { v in
                    v.present ? "\(v.id) ✓\(v.section.map { " \($0)" } ?? "")\(v.inline ? " (inline)" : "")" : "\(v.id) ✗"
                }
                out.append("  items: " + items.joined(separator: "  "))
            }
            if let s = r.structure, !s.isEmpty { out.append("  structure: \(s)") }
            if let a = r.attachments, !a.isEmpty { out.append("  body in attachment: " + a.map(\.name).joined(separator: ", ")) }
            for f in r.findings.sorted(by: { $0.severity > $1.severity }) {
                var line = "  [\(f.severity.rawValue)] \(f.rule) \(f.message) — \(f.gloss)"
                if let s = f.evidence.section { line += " @\(s)" }
                out.append(line)
                if let q = f.evidence.quote, !q.isEmpty, q != f.evidence.section { out.append("      “\(q)”") }
                out.append("      依据: \(f.basis)")
            }
        }
        let counts = Dictionary(grouping: reports, by: \.status).mapValues(\.count)
        out.append("\(reports.count) file(s): " + counts.sorted { $0.key.rawValue < $1.key.rawValue }.map { "\($0.value) \($0.key.rawValue)" }.joined(separator: ", "))
        return out.joined(separator: "\n")
    }
}
