import Dispatch
import Foundation
import Synchronization

/// Runs every stage over many inputs, in parallel, streaming: inputs are taken in chunks, each
/// chunk processed on all workers while the previous chunk's records are written in input order
/// and journalled, so memory stays flat, the workers never wait for the writing, and an
/// interrupted run can resume. One document's failure is its own error record.
public final class BatchRunner {
    /// Live counts, for a progress line.
    public struct Progress: Sendable {
        public var filesDone: Int
        public var filesTotal: Int
        public var documents: Int
        public var errors: Int
        public var elapsed: Double
    }

    /// What a run did.
    public struct Summary: Sendable {
        public var documents = 0
        public var reused = 0
        public var byStatus: [String: Int] = [:]
        public var byCheckStatus: [String: Int] = [:]
        /// Documents with each warning or error rule.
        public var byRule: [String: Int] = [:]
        /// The slowest documents (seconds), slowest first.
        public var slowest: [(source: String, seconds: Double)] = []
        public var seconds: Double = 0
        public var skippedHidden = 0
    }

    let files: [String]
    let auditor: Auditor?
    let jobs: Int
    let ingest: IngestOptions

    public init(files: [String], auditor: Auditor?, jobs: Int, ingest: IngestOptions = .init()) {
        self.files = files
        self.auditor = auditor
        self.jobs = max(1, jobs)
        self.ingest = ingest
    }

    private enum Outcome: Sendable {
        case computed(EncodedRecord, seconds: Double)
        case reuse(key: String)
    }

    /// Processes every file into `sink`. With `journalPath`, finished records are journalled and,
    /// with `resume`, a previous run's records are reused instead of recomputed.
    public func run(sink: RecordSink, journalPath: String?, resume: Bool, progress: ((Progress) -> Void)? = nil) throws -> Summary {
        let start = DispatchTime.now()
        let journal = try journalPath.map { try Journal(path: $0, resume: resume) }
        let keys = journal.map(JournalKeys.init)
        var summary = Summary()
        let chunkSize = jobs * 32
        let chunks = stride(from: 0, to: files.count, by: chunkSize).map { Array(files[$0..<min(files.count, $0 + chunkSize)]) }
        var done = 0
        // The chunk being computed in the background while the one before it is written here.
        var next = chunks.first.map { begin($0, keys: keys) }
        defer { next?.wait() }  // never leave a computation running after an error
        do {
            for k in chunks.indices {
                guard let computing = next else { break }
                let chunk = chunks[k]
                let outcomes = computing.take()
                next = k + 1 < chunks.count ? begin(chunks[k + 1], keys: keys) : nil
                var fresh: [EncodedRecord] = []
                for perFile in outcomes {
                    for outcome in perFile {
                        let record: EncodedRecord
                        switch outcome {
                        case .computed(let r, let seconds):
                            record = r
                            fresh.append(r)
                            note(&summary.slowest, source: r.record.source, seconds: seconds)
                        case .reuse(let key):
                            guard let r = journal?.record(key) else { continue }
                            record = r
                            summary.reused += 1
                        }
                        try sink.write(record)
                        count(record.record, in: &summary)
                    }
                }
                try journal?.append(fresh)
                done += chunk.count
                progress?(Progress(filesDone: done, filesTotal: files.count, documents: summary.documents,
                                   errors: summary.byStatus["error"] ?? 0, elapsed: Self.seconds(since: start)))
            }
            try sink.finish()
        } catch {
            sink.abandon()
            throw error
        }
        journal?.remove()
        summary.seconds = Self.seconds(since: start)
        return summary
    }

    /// A chunk's outcomes being computed on a background thread.
    private final class Computation: Sendable {
        let group = DispatchGroup()
        let outcomes = Mutex<[[Outcome]]>([])

        func wait() { group.wait() }

        /// The outcomes, once computed.
        func take() -> [[Outcome]] {
            group.wait()
            return outcomes.withLock { $0 }
        }
    }

    /// Starts computing `chunk` on `jobs` workers, off this thread.
    private func begin(_ chunk: [String], keys: JournalKeys?) -> Computation {
        let computation = Computation()
        let (auditor, ingest, jobs) = (self.auditor, self.ingest, self.jobs)
        DispatchQueue.global().async(group: computation.group) {
            let outcomes = Self.process(chunk, keys: keys, auditor: auditor, ingest: ingest, jobs: jobs)
            computation.outcomes.withLock { $0 = outcomes }
        }
        return computation
    }

    /// The outcomes of each file of `chunk` (in order), computed on `jobs` workers.
    private static func process(_ chunk: [String], keys: JournalKeys?, auditor: Auditor?, ingest: IngestOptions, jobs: Int) -> [[Outcome]] {
        let results = Mutex<[[Outcome]]>(Array(repeating: [], count: chunk.count))
        let next = Mutex(0)
        let known: @Sendable (String) -> Bool = { key in keys?.contains(key) ?? false }
        DispatchQueue.concurrentPerform(iterations: min(jobs, chunk.count)) { _ in
            while true {
                let i: Int = next.withLock { n in defer { n += 1 }; return n }
                guard i < chunk.count else { return }
                let outcomes = Self.handle(chunk[i], auditor: auditor, ingest: ingest, known: known)
                results.withLock { $0[i] = outcomes }
            }
        }
        return results.withLock { $0 }
    }

    private static func handle(_ path: String, auditor: Auditor?, ingest: IngestOptions, known: (String) -> Bool) -> [Outcome] {
        Ingest.documents(path: path, options: ingest).map { document in
            if known(document.key) { return .reuse(key: document.key) }
            let t0 = DispatchTime.now()
            let record: BatchRecord
            switch document.page {
            case .failure(let error):
                record = BatchRecord(document: document, error: error.reason)
            case .success(let page):
                do { record = BatchRecord(document: document, result: try Pipeline.run(page: page, auditor: auditor)) }
                catch { record = BatchRecord(document: document, error: "\(error)") }
            }
            return .computed(EncodedRecord(record), seconds: seconds(since: t0))
        }
    }

    private func count(_ r: BatchRecord, in s: inout Summary) {
        s.documents += 1
        s.byStatus[r.status, default: 0] += 1
        if let c = r.check {
            s.byCheckStatus[c.status, default: 0] += 1
            for rule in Set(c.findings.filter { $0.severity >= .warning }.map(\.rule)) { s.byRule[rule, default: 0] += 1 }
        }
    }

    private func note(_ slowest: inout [(source: String, seconds: Double)], source: String, seconds: Double) {
        slowest.append((source, seconds))
        slowest.sort { $0.seconds > $1.seconds }
        if slowest.count > 5 { slowest.removeLast() }
    }

    static func seconds(since t: DispatchTime) -> Double {
        Double(DispatchTime.now().uptimeNanoseconds - t.uptimeNanoseconds) / 1e9
    }
}

/// The keys a journal holds, as a value the workers can share.
struct JournalKeys: Sendable {
    let keys: Set<String>
    init(_ journal: Journal) { keys = journal.keySet }
    func contains(_ key: String) -> Bool { keys.contains(key) }
}
