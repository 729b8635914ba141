import ArgumentParser
import FazhiKit
import Foundation

struct BatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch",
        abstract: "Extract, outline and check a whole corpus of saved pages (HTML, MHTML, gzip, WARC).",
        discussion: """
        Every input yields exactly one record (ok, not-a-report, attachment-only, or error with its reason);
        a WARC yields one per HTML response. Output is written atomically; --resume continues an
        interrupted run without redoing finished documents.
        Examples:
          fazhi batch Corpus/ --output out.sqlite
          fazhi batch Corpus/ --output out.jsonl --jobs 2
          fazhi batch archive.warc.gz --output out.csv --sections-csv sections.csv
          find /data -name '*.html' | fazhi batch --files-from - --output part.jsonl --shard 3/8
        Exit status: 0, or 1 when a document fails the check at --fail-on, 2 on a usage error.
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case jsonl, csv, sqlite }

    @Argument(help: "Files and directories (searched recursively).")
    var inputs: [String] = []

    @Option(help: "Read more input paths from this file, one per line (- for standard input).")
    var filesFrom: String?

    @Option(name: .shortAndLong, help: "Output file (.jsonl, .csv, .sqlite); JSON Lines on standard output when omitted.")
    var output: String?

    @Option(help: "Output format when the extension does not say: jsonl, csv or sqlite.")
    var format: Format?

    @Option(help: "With CSV output: also write one row per section to this file.")
    var sectionsCsv: String?

    @Option(help: "A built-in profile or a YAML profile file.")
    var profile = "fazhi-annual"

    @Flag(help: "Extract and outline only; no check.")
    var noCheck = false

    @Option(help: "The lowest severity that fails a document: error or warning.")
    var failOn: Severity = .error

    @Option(name: .shortAndLong, help: "Parallel workers (default: all cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Flag(help: "Continue an interrupted run with the same inputs and output.")
    var resume = false

    @Option(help: "Process only shard K of N (1-based), a deterministic slice by path: 3/8.")
    var shard: String?

    @Flag(name: .shortAndLong, help: "No progress line and no summary.")
    var quiet = false

    @OptionGroup var limits: InputLimits

    func validate() throws {
        if inputs.isEmpty && filesFrom == nil { throw ValidationError("give files, directories or --files-from") }
        if jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if resume && output == nil { throw ValidationError("--resume needs --output") }
        if sectionsCsv != nil && resolvedFormat != .csv { throw ValidationError("--sections-csv goes with CSV output") }
        if output != nil && resolvedFormat == nil { throw ValidationError("cannot tell the format of \(output!): use --format") }
        if shard != nil && shardParts == nil { throw ValidationError("--shard takes K/N with 1 ≤ K ≤ N, such as 3/8") }
        if failOn == .info { throw ValidationError("--fail-on takes error or warning") }
    }

    var resolvedFormat: Format? {
        if let format { return format }
        guard let output else { return .jsonl }
        let lower = output.lowercased()
        if lower.hasSuffix(".jsonl") || lower.hasSuffix(".ndjson") || lower.hasSuffix(".json") { return .jsonl }
        if lower.hasSuffix(".csv") { return .csv }
        if lower.hasSuffix(".sqlite") || lower.hasSuffix(".sqlite3") || lower.hasSuffix(".db") { return .sqlite }
        return nil
    }

    var shardParts: (Int, Int)? {
        guard let shard else { return nil }
        let parts = shard.split(separator: "/").compactMap { Int($0) }
        guard parts.count == 2, parts[1] >= 1, (1...parts[1]).contains(parts[0]) else { return nil }
        return (parts[0], parts[1])
    }

    func run() throws {
        var (files, hidden) = try collect()
        if let (k, n) = shardParts { files = BatchInputs.shard(files, k: k, n: n) }
        let auditor: Auditor?
        if noCheck { auditor = nil } else {
            do { auditor = Auditor(profile: try ProfileLoader.load(profile), failOn: failOn) } catch { throw CLIInput.fail(error.description) }
        }
        let sink: RecordSink
        do {
            switch (output, resolvedFormat) {
            case (nil, _): sink = StandardOutputSink()
            case (let path?, .csv?): sink = try CSVSink(path: path, sectionsPath: sectionsCsv)
            case (let path?, .sqlite?): sink = try SQLiteSink(path: path)
            case (let path?, _): sink = try JSONLinesSink(path: path)
            }
        } catch { throw CLIInput.fail("\(output ?? "-"): cannot write the output: \(error.localizedDescription)") }

        let runner = BatchRunner(files: files, auditor: auditor, jobs: jobs, ingest: limits.options)
        let showProgress = !quiet && isatty(STDERR_FILENO) == 1
        var summary = try runner.run(sink: sink, journalPath: output.map { $0 + ".journal" }, resume: resume) { p in
            guard showProgress else { return }
            let rate = p.elapsed > 0 ? Double(p.documents) / p.elapsed : 0
            let remaining = p.filesDone > 0 ? p.elapsed / Double(p.filesDone) * Double(p.filesTotal - p.filesDone) : 0
            StandardError.write(String(format: "\r\u{1B}[K%d/%d files, %d documents, %.0f/s, ETA %ds, %d errors",
                                       p.filesDone, p.filesTotal, p.documents, rate, Int(remaining), p.errors))
        }
        summary.skippedHidden = hidden
        if showProgress { StandardError.write("\n") }
        if !quiet { StandardError.write(BatchSummaryText.render(summary)) }
        if (summary.byCheckStatus["fail"] ?? 0) > 0 { throw ExitCode(1) }
    }

    private func collect() throws -> ([String], Int) {
        do {
            let (files, hidden) = try BatchInputs.collect(paths: inputs, filesFrom: filesFrom)
            return (files, hidden)
        } catch { throw CLIInput.fail(error.description) }
    }
}

/// The closing summary of a batch, for a person.
enum BatchSummaryText {
    static func render(_ s: BatchRunner.Summary) -> String {
        var lines: [String] = []
        let rate = s.seconds > 0 ? Double(s.documents) / s.seconds : 0
        lines.append(String(format: "%d documents in %.1f s (%.0f/s)%@", s.documents, s.seconds, rate,
                            s.reused > 0 ? ", \(s.reused) reused from the journal" : ""))
        lines.append("status: " + s.byStatus.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
        if !s.byCheckStatus.isEmpty {
            lines.append("check: " + s.byCheckStatus.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
        }
        if !s.byRule.isEmpty {
            lines.append("findings (documents): " + s.byRule.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
        }
        if !s.slowest.isEmpty {
            lines.append("slowest: " + s.slowest.map { String(format: "%@ %.0f ms", $0.source, $0.seconds * 1000) }.joined(separator: "; "))
        }
        if s.skippedHidden > 0 { lines.append("skipped \(s.skippedHidden) hidden file(s) or linked folder(s)") }
        return lines.joined(separator: "\n") + "\n"
    }
}
