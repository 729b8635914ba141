import Dispatch
import Foundation

/// The record of finished documents that lets `--resume` continue an interrupted batch: one JSON
/// line per record, written after every chunk (a killed process loses nothing written) and synced
/// to disk at most once a second (a power cut loses at most the last second's records, which a
/// resumed run recomputes). A line cut short is ignored on resume.
final class Journal {
    let path: String
    private var handle: FileHandle
    /// Where each finished record sits in the file (key → byte range), from the previous run.
    private var index: [String: Range<UInt64>] = [:]
    private var reader: FileHandle?

    /// Opens the journal at `path`, keeping what a previous run wrote when `resume` is true.
    init(path: String, resume: Bool) throws {
        self.path = path
        if !resume || !FileManager.default.fileExists(atPath: path) {
            _ = FileManager.default.createFile(atPath: path, contents: nil)
        } else {
            try Self.truncateTornTail(path)
            index = Self.index(path)
        }
        guard let h = FileHandle(forUpdatingAtPath: path) else { throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path]) }
        handle = h
        try handle.seekToEnd()
        reader = FileHandle(forReadingAtPath: path)
    }

    /// Number of records a previous run finished.
    var reusable: Int { index.count }

    func contains(_ key: String) -> Bool { index[key] != nil }

    /// Every key a previous run finished.
    var keySet: Set<String> { Set(index.keys) }

    /// The record a previous run finished for `key`.
    func record(_ key: String) -> EncodedRecord? {
        guard let range = index[key], let reader else { return nil }
        do {
            try reader.seek(toOffset: range.lowerBound)
            let data = try reader.read(upToCount: Int(range.upperBound - range.lowerBound)) ?? Data()
            let record = try JSONDecoder().decode(Entry.self, from: data).record
            // The line is `{"key":"…","record":JSON}`: the record's own JSON is reused as written.
            let line = String(decoding: data, as: UTF8.self)
            guard let start = line.firstRange(of: ",\"record\":"), line.hasSuffix("}") else { return EncodedRecord(record) }
            return EncodedRecord(record: record, json: String(line[start.upperBound..<line.index(before: line.endIndex)]))
        } catch { return nil }
    }

    /// Appends finished records and makes them durable.
    func append(_ records: [EncodedRecord]) throws {
        guard !records.isEmpty else { return }
        var data = Data()
        for r in records {
            // Keys are hex digits and a dash: no escaping needed.
            data.append(contentsOf: "{\"key\":\"\(r.record.key)\",\"record\":".utf8)
            data.append(contentsOf: r.json.utf8)
            data.append(contentsOf: "}\n".utf8)
        }
        try handle.write(contentsOf: data)
        // fsync costs milliseconds and the batch writes a chunk every few: once a second is enough.
        let now = DispatchTime.now().uptimeNanoseconds
        if now - lastSync >= 1_000_000_000 {
            try handle.synchronize()
            lastSync = now
        }
    }

    /// When the journal was last synced to disk (monotonic nanoseconds).
    private var lastSync: UInt64 = 0

    /// Removes the journal (after the output is in place).
    func remove() {
        try? handle.close()
        try? reader?.close()
        try? FileManager.default.removeItem(atPath: path)
    }

    private struct Entry: Codable {
        var key: String
        var record: BatchRecord
    }

    /// Drops an incomplete last line (the process was killed mid-write).
    private static func truncateTornTail(_ path: String) throws {
        guard let data = FileManager.default.contents(atPath: path), let last = data.last, last != 0x0A else { return }
        let keep = (data.lastIndex(of: 0x0A).map { $0 + 1 }) ?? 0
        let h = try FileHandle(forUpdating: URL(fileURLWithPath: path))
        try h.truncate(atOffset: UInt64(keep))
        try h.close()
    }

    private static func index(_ path: String) -> [String: Range<UInt64>] {
        guard let data = FileManager.default.contents(atPath: path) else { return [:] }
        var index: [String: Range<UInt64>] = [:]
        var start = 0
        let decoder = JSONDecoder()
        struct KeyOnly: Decodable { var key: String }
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            let bytes = raw.bindMemory(to: UInt8.self)
            for i in 0..<bytes.count where bytes[i] == 0x0A {
                let line = Data(bytes[start..<i])
                if let k = try? decoder.decode(KeyOnly.self, from: line) { index[k.key] = UInt64(start)..<UInt64(i) }
                start = i + 1
            }
        }
        return index
    }
}
