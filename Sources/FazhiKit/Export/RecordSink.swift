import Foundation

/// Where batch records go. Output is written to a temporary file next to the destination and
/// renamed over it only by ``finish()``, so an interrupted run never leaves a half-written file.
public protocol RecordSink: AnyObject {
    /// Adds one record (records arrive in input order).
    func write(_ record: EncodedRecord) throws
    /// Flushes, syncs and renames the output into place.
    func finish() throws
    /// Removes the temporary output (after a failure).
    func abandon()
}

/// A file written under a temporary name and renamed into place when complete.
final class AtomicFile {
    let destination: String
    let temporary: String
    private let handle: FileHandle
    private var buffer: [UInt8] = []

    init(destination: String) throws {
        self.destination = destination
        temporary = Self.temporaryPath(for: destination)
        guard FileManager.default.createFile(atPath: temporary, contents: nil), let h = FileHandle(forWritingAtPath: temporary) else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: destination])
        }
        handle = h
    }

    /// `.<name>.tmp-<pid>` beside `destination`; temporaries a killed run left for the same
    /// destination are removed first.
    static func temporaryPath(for destination: String) -> String {
        let url = URL(fileURLWithPath: destination)
        let directory = url.deletingLastPathComponent()
        let prefix = ".\(url.lastPathComponent).tmp-"
        for stale in (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [] where stale.hasPrefix(prefix) {
            try? FileManager.default.removeItem(at: directory.appendingPathComponent(stale))
        }
        return directory.appendingPathComponent(prefix + String(ProcessInfo.processInfo.processIdentifier)).path
    }

    func write(_ text: String) throws {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 16 { try flush() }
    }

    func flush() throws {
        guard !buffer.isEmpty else { return }
        try handle.write(contentsOf: buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    func commit() throws {
        try flush()
        try handle.synchronize()
        try handle.close()
        if FileManager.default.fileExists(atPath: destination) { try FileManager.default.removeItem(atPath: destination) }
        try FileManager.default.moveItem(atPath: temporary, toPath: destination)
    }

    func discard() {
        try? handle.close()
        try? FileManager.default.removeItem(atPath: temporary)
    }
}

/// JSON Lines: one record per line.
public final class JSONLinesSink: RecordSink {
    private let file: AtomicFile

    public init(path: String) throws { file = try AtomicFile(destination: path) }

    public func write(_ record: EncodedRecord) throws { try file.write(record.json + "\n") }
    public func finish() throws { try file.commit() }
    public func abandon() { file.discard() }
}

/// JSON Lines to standard output, as records are made (no temporary file: a pipe cannot be renamed).
public final class StandardOutputSink: RecordSink {
    public init() {}
    public func write(_ record: EncodedRecord) throws {
        FileHandle.standardOutput.write(Data((record.json + "\n").utf8))
    }
    public func finish() throws {}
    public func abandon() {}
}
