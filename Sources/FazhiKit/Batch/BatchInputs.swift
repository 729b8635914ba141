import Foundation

/// Expands a batch's arguments into the ordered list of files to read.
public enum BatchInputs {
    /// A usage problem with the inputs (exit code 2).
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public var description: String
    }

    /// The files named by `paths` (directories recursively, hidden entries skipped) and by the
    /// list in `filesFrom` (`-`: standard input), sorted within each directory, duplicates removed.
    public static func collect(paths: [String], filesFrom: String?) throws(Failure) -> (files: [String], skippedHidden: Int) {
        var named = paths
        if let list = filesFrom {
            let text: String
            if list == "-" {
                text = String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
            } else {
                guard let data = FileManager.default.contents(atPath: list) else { throw Failure(description: "\(list): cannot read the file list") }
                text = String(decoding: data, as: UTF8.self)
            }
            named += text.split(whereSeparator: { $0 == "\n" || $0 == "\r" }).map(String.init).filter { !$0.trimmingASCIISpaces().isEmpty }
        }
        var files: [String] = []
        var seen: Set<String> = []
        var hidden = 0
        for path in named {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
                for file in walk(path, hidden: &hidden) where seen.insert(file).inserted { files.append(file) }
            } else if seen.insert(path).inserted {
                files.append(path)  // a missing file still yields its (error) record
            }
        }
        return (files, hidden)
    }

    private static func walk(_ directory: String, hidden: inout Int) -> [String] {
        var out: [String] = []
        let entries = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).sorted()
        for name in entries {
            if name.hasPrefix(".") { hidden += 1; continue }
            let path = directory.hasSuffix("/") ? directory + name : directory + "/" + name
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { continue }
            if isDirectory.boolValue {
                // Do not follow directory links (loops).
                if (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) != nil { hidden += 1; continue }
                out += walk(path, hidden: &hidden)
            } else {
                out.append(path)
            }
        }
        return out
    }

    /// The files of shard `k` of `n` (1-based): a deterministic slice by a hash of the path, so
    /// the union of all shards is the whole list and no file is in two.
    public static func shard(_ files: [String], k: Int, n: Int) -> [String] {
        files.filter { Int(ContentHash.fnv1a($0.utf8) % UInt64(n)) == k - 1 }
    }
}
