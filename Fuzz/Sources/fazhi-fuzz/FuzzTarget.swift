import FazhiKit
import FuzzDriver

/// The audit profile, loaded once (a failure to load it is a bug, not a fuzz finding).
let auditor: Auditor = {
    do { return Auditor(profile: try ProfileLoader.load("fazhi-annual")) } catch {
        fatalError("cannot load the fazhi-annual profile: \(error)")
    }
}()

/// Runs one page through every stage and serialises each stage's result.
func runPipeline(_ bytes: [UInt8], source: String, transportCharset: String? = nil) {
    let page: DecodedPage
    do { page = try Ingest.decode(bytes, source: source, transportCharset: transportCharset) } catch { return }
    let article: Article
    do { article = try Extractor.extract(page) } catch { return }
    let outline = OutlineBuilder.outline(of: article)
    let report = auditor.audit(article, outline: outline)
    _ = try? JSONOutput.string(ArticleRecord(article, runs: true))
    _ = try? JSONOutput.string(outline)
    _ = try? JSONOutput.string(report)
    _ = try? JSONOutput.string(CheckRecord(report), pretty: false)
}

/// libFuzzer entry point: the whole pipeline from raw bytes.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    // The file as a saved page (a name without an extension, so the format is sniffed).
    runPipeline(bytes, source: "fuzz")
    // The same bytes as a WARC archive: each HTML response goes through the pipeline too.
    var documents = 0
    for entry in WARCReader.entries(bytes) {
        guard case .document(let uri, let payload, let charset, _) = entry, documents < 4 else { continue }
        documents += 1
        runPipeline(payload, source: uri, transportCharset: charset)
    }
    return 0
}

/// The executable's entry point. SwiftPM links executables with `main` renamed to
/// `fazhi_fuzz_main` (so libFuzzer's `main` is not used): hand control to libFuzzer's driver.
@_cdecl("fazhi_fuzz_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    var argc = argc
    var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = argv
    return LLVMFuzzerRunDriver(&argc, &argv) { data, size in
        guard let data else { return 0 }
        return fuzz(data, size)
    }
}
