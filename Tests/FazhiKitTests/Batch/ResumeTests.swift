import Foundation
import Testing
@testable import FazhiKit

/// A batch killed with SIGKILL leaves no output file, only its journal; `--resume` finishes it and
/// the result equals an uninterrupted run's, byte for byte.
@Suite(.serialized) struct ResumeTests {
    /// A directory with `count` pages (Corpus pages under distinct names).
    static func corpus(count: Int) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("fazhi-resume-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let pages = CorpusPage.all
        for i in 0..<count {
            let page = pages[i % pages.count]
            let ext = URL(fileURLWithPath: page.path).pathExtension
            try FileManager.default.copyItem(atPath: page.path, toPath: dir.appendingPathComponent(String(format: "p%05d.%@", i, ext)).path)
        }
        return dir
    }

    static func batch(_ arguments: [String]) throws -> Process {
        let p = Process()
        p.executableURL = CommandLineTests.binary
        p.arguments = ["batch"] + arguments
        p.standardError = FileHandle.nullDevice
        p.standardOutput = FileHandle.nullDevice
        try p.run()
        return p
    }

    @Test(arguments: ["jsonl", "csv", "sqlite"])
    func killedRunResumesToTheSameOutput(format: String) throws {
        let input = try Self.corpus(count: 240)
        defer { try? FileManager.default.removeItem(at: input) }
        let out = input.deletingLastPathComponent().appendingPathComponent("\(input.lastPathComponent)-out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: out) }
        let whole = out.appendingPathComponent("whole.\(format)").path
        let resumed = out.appendingPathComponent("resumed.\(format)").path

        let reference = try Self.batch([input.path, "--output", whole, "--jobs", "2", "--quiet"])
        reference.waitUntilExit()
        #expect(FileManager.default.fileExists(atPath: whole))

        // Kill twice at random points, the second time during the resumed run, each after at least
        // one chunk is journalled (so there is something to resume).
        let journal = resumed + ".journal"
        for attempt in 0..<2 {
            let before = (try? FileManager.default.attributesOfItem(atPath: journal))?[.size] as? Int ?? 0
            let victim = try Self.batch([input.path, "--output", resumed, "--jobs", "2", "--quiet"] + (attempt > 0 ? ["--resume"] : []))
            let deadline = Date().addingTimeInterval(60)
            while victim.isRunning, Date() < deadline,
                  ((try? FileManager.default.attributesOfItem(atPath: journal))?[.size] as? Int ?? 0) <= before {
                Thread.sleep(forTimeInterval: 0.01)
            }
            Thread.sleep(forTimeInterval: Double.random(in: 0...0.25))
            kill(victim.processIdentifier, SIGKILL)
            victim.waitUntilExit()
            if victim.terminationReason != .uncaughtSignal { break }  // it finished first: nothing left to kill
            #expect(!FileManager.default.fileExists(atPath: resumed), "a killed run must not leave an output file")
            #expect(FileManager.default.fileExists(atPath: journal))
        }

        let finisher = try Self.batch([input.path, "--output", resumed, "--jobs", "2", "--quiet", "--resume"])
        finisher.waitUntilExit()
        #expect(!FileManager.default.fileExists(atPath: resumed + ".journal"))
        if format == "sqlite" {
            #expect(try Self.dump(whole) == Self.dump(resumed))
        } else {
            #expect(try Data(contentsOf: URL(fileURLWithPath: whole)) == Data(contentsOf: URL(fileURLWithPath: resumed)))
        }
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: out.path).filter { $0.hasPrefix(".") }
        #expect(leftovers.isEmpty, "temporary files left: \(leftovers)")
    }

    /// Every table's rows, in id order, as text.
    static func dump(_ path: String) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", "-c", """
            import sqlite3, sys
            db = sqlite3.connect(sys.argv[1])
            for t in ["documents", "sections", "items", "findings"]:
                for row in db.execute(f"SELECT * FROM {t} ORDER BY rowid"): print(t, row)
            """, path]
        let pipe = Pipe()
        p.standardOutput = pipe
        try p.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
