import Foundation
import GRDB

/// SQLite output through GRDB: `documents`, `sections`, `items` and `findings` tables, and an FTS5
/// index over section titles and texts (trigram tokenizer, so Chinese substrings of three or more
/// characters match; shorter terms use `LIKE`). Built in a temporary file and renamed into place.
public final class SQLiteSink: RecordSink {
    private let destination: String
    private let temporary: String
    private let queue: DatabaseQueue
    private var pending: [EncodedRecord] = []

    public static let schema = """
        CREATE TABLE documents (
          id INTEGER PRIMARY KEY, source TEXT NOT NULL, archive TEXT, key TEXT NOT NULL, status TEXT NOT NULL, error TEXT,
          title TEXT, publisher TEXT, published_date TEXT, written_date TEXT, year INTEGER, column_name TEXT,
          site_name TEXT, site_code TEXT, url TEXT, encoding TEXT, lossy INTEGER,
          check_status TEXT, deadline TEXT, days_late INTEGER, structure TEXT, record_json TEXT NOT NULL);
        CREATE TABLE sections (
          id INTEGER PRIMARY KEY, document_id INTEGER NOT NULL REFERENCES documents(id), position INTEGER NOT NULL,
          path TEXT NOT NULL, level INTEGER NOT NULL, marker TEXT NOT NULL, ordinal INTEGER NOT NULL, title TEXT NOT NULL,
          body TEXT NOT NULL, full_text TEXT NOT NULL, repaired INTEGER NOT NULL, item TEXT);
        CREATE TABLE items (
          document_id INTEGER NOT NULL REFERENCES documents(id), item TEXT NOT NULL, present INTEGER NOT NULL,
          section TEXT, inline INTEGER NOT NULL, recognised_by TEXT, quote TEXT);
        CREATE TABLE findings (
          id INTEGER PRIMARY KEY, document_id INTEGER NOT NULL REFERENCES documents(id), rule TEXT NOT NULL,
          severity TEXT NOT NULL, message TEXT NOT NULL, gloss TEXT NOT NULL, section TEXT, quote TEXT, basis TEXT NOT NULL);
        CREATE VIRTUAL TABLE sections_fts USING fts5(title, full_text, content='sections', content_rowid='id', tokenize='trigram');
        CREATE INDEX sections_document ON sections(document_id);
        CREATE INDEX items_document ON items(document_id, item);
        CREATE INDEX findings_document ON findings(document_id);
        CREATE INDEX findings_rule ON findings(rule);
        """

    public init(path: String) throws {
        destination = path
        temporary = AtomicFile.temporaryPath(for: path)
        var config = Configuration()
        config.prepareDatabase { db in
            try db.execute(sql: "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF")
        }
        queue = try DatabaseQueue(path: temporary, configuration: config)
        try queue.inDatabase { db in try db.execute(sql: Self.schema) }
    }

    /// Records are inserted in transactions of a few hundred.
    public func write(_ r: EncodedRecord) throws {
        pending.append(r)
        if pending.count >= 200 { try flush() }
    }

    private func flush() throws {
        guard !pending.isEmpty else { return }
        let records = pending
        pending.removeAll()
        try queue.inTransaction { db in
            for r in records { try Self.insert(r, into: db) }
            return .commit
        }
    }

    private static func insert(_ encoded: EncodedRecord, into db: Database) throws {
        let r = encoded.record
        let json = encoded.json
        do {
            let m = r.metadata
            let c = r.check
            try db.execute(sql: """
                INSERT INTO documents (source, archive, key, status, error, title, publisher, published_date, written_date, year,
                  column_name, site_name, site_code, url, encoding, lossy, check_status, deadline, days_late, structure, record_json)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [r.source, r.archive, r.key, r.status, r.error, m?.title, m?.publisher, m?.publishedDate, m?.writtenDate,
                                 c?.report?.year, m?.column, m?.siteName, m?.siteCode, m?.url, r.encoding?.name, r.encoding?.lossy,
                                 c?.status, c?.report?.deadline, c?.report?.daysLate, c?.structure, json])
            let id = db.lastInsertedRowID
            let itemAt = Dictionary((c?.items ?? []).compactMap { i in i.section.map { ($0, i.id) } }, uniquingKeysWith: { a, b in a + " " + b })
            for (position, s) in (r.outline?.allSections ?? []).enumerated() {
                try db.execute(sql: """
                    INSERT INTO sections (document_id, position, path, level, marker, ordinal, title, body, full_text, repaired, item)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [id, position, s.path, s.level, s.marker, s.ordinal, s.title, s.body.joined(separator: "\n"),
                                     s.fullText, s.repaired, itemAt[s.path]])
                try db.execute(sql: "INSERT INTO sections_fts (rowid, title, full_text) VALUES (?, ?, ?)",
                               arguments: [db.lastInsertedRowID, s.title, s.fullText])
            }
            for i in c?.items ?? [] {
                try db.execute(sql: "INSERT INTO items (document_id, item, present, section, inline, recognised_by, quote) VALUES (?, ?, ?, ?, ?, ?, ?)",
                               arguments: [id, i.id, i.present, i.section, i.inline, i.recognisedBy, i.quote])
            }
            for f in c?.findings ?? [] {
                try db.execute(sql: "INSERT INTO findings (document_id, rule, severity, message, gloss, section, quote, basis) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                               arguments: [id, f.rule, f.severity.rawValue, f.message, f.gloss, f.evidence.section, f.evidence.quote, f.basis])
            }
        }
    }

    public func finish() throws {
        try flush()
        try queue.close()
        if FileManager.default.fileExists(atPath: destination) { try FileManager.default.removeItem(atPath: destination) }
        try FileManager.default.moveItem(atPath: temporary, toPath: destination)
    }

    public func abandon() {
        try? queue.close()
        try? FileManager.default.removeItem(atPath: temporary)
    }
}
