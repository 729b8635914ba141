import Benchmark
import FazhiKit
import Foundation

// Each stage on real Corpus pages, and the whole pipeline. Malloc counts are the gated metric
// (exact from run to run); wall time is reported, never gated.

/// Corpus pages, loaded relative to this file (the plugin picks the working directory).
let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Corpus/pages")

func load(_ name: String) -> [UInt8] {
    (try? [UInt8](Data(contentsOf: corpus.appendingPathComponent(name)))) ?? []
}

/// A GBK table-layout page, a UTF-8 modern page, a GB18030 Hanweb page and the 12,000-character report.
let samples: [(name: String, bytes: [UInt8])] = [
    "seed-wulong-2020.html", "div-06-chengzhou-2024.html", "hanweb-05-meiyuan-2023.html", "hard-05-ninglan-2023.html",
].map { ($0, load($0)) }

let profile = try! ProfileLoader.load("fazhi-annual")
let auditor = Auditor(profile: profile)
let metrics: [BenchmarkMetric] = [.mallocCountTotal, .wallClock, .throughput, .peakMemoryResident]

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: metrics, timeUnits: .microseconds,
        maxDuration: .seconds(2), maxIterations: 200,
        thresholds: [.mallocCountTotal: .init(relative: [.p90: 5.0])]
    )

    for (name, bytes) in samples {
        let key = name.replacingOccurrences(of: ".html", with: "").replacingOccurrences(of: "-", with: "_")
        let page = try! Ingest.decode(bytes, source: name)
        let article = try! Extractor.extract(page)
        let outline = OutlineBuilder.outline(of: article)

        Benchmark("Ingest.\(key)") { benchmark in
            for _ in benchmark.scaledIterations { blackHole(try! Ingest.decode(bytes, source: name)) }
        }
        Benchmark("Parse.\(key)") { benchmark in
            for _ in benchmark.scaledIterations { blackHole(try! HTMLParse(utf8: page.utf8)) }
        }
        Benchmark("Extract.\(key)") { benchmark in
            for _ in benchmark.scaledIterations { blackHole(try! Extractor.extract(page)) }
        }
        Benchmark("Outline.\(key)") { benchmark in
            for _ in benchmark.scaledIterations { blackHole(OutlineBuilder.outline(of: article)) }
        }
        Benchmark("Check.\(key)") { benchmark in
            for _ in benchmark.scaledIterations { blackHole(auditor.audit(article, outline: outline)) }
        }
        Benchmark("Pipeline.\(key)") { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(try! Pipeline.run(page: try! Ingest.decode(bytes, source: name), auditor: auditor))
            }
        }
    }
}
