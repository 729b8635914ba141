import Foundation
import ArgumentParser
import FazhiKit

/// Options that bound what fazhi reads.
struct InputLimits: ParsableArguments {
    @Option(help: "Refuse pages (as files or decompressed) larger than this many bytes.")
    var maxBytes: Int = IngestOptions().maxBytes

    @Option(help: "Refuse WARC archives (as files or decompressed) larger than this many bytes.")
    var maxArchiveBytes: Int = IngestOptions().maxArchiveBytes

    var options: IngestOptions { IngestOptions(maxBytes: maxBytes, maxArchiveBytes: maxArchiveBytes) }
}

/// Reading inputs for a command, with errors that name the file and exit with code 2.
enum CLIInput {
    static func article(_ path: String, limits: InputLimits) throws -> Article {
        do {
            let page = try Ingest.read(path: path, options: limits.options)
            return try Extractor.extract(page)
        } catch let error as IngestError {
            throw fail(error.description)
        } catch let error as Extractor.Failure {
            throw fail(error.description)
        }
    }

    /// Prints `fazhi: <file>: <reason>` to standard error; the returned error exits with code 2.
    static func fail(_ message: String) -> ExitCode {
        StandardError.write("fazhi: \(message)\n")
        return ExitCode(2)
    }
}

/// Writing to standard error.
enum StandardError {
    static func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
