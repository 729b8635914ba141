// swift-tools-version: 6.1
// Benchmarks live in their own package so that `swift build` and `swift test` at the root stay lean.
// Run from this folder: `swift package benchmark` (see README.md here).
import PackageDescription

let package = Package(
    name: "fazhi-benchmarks",
    dependencies: [
        // The folder name would otherwise be the identity; CI clones elsewhere.
        .package(name: "fazhi", path: "../"),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "Pipeline",
            dependencies: [
                .product(name: "FazhiKit", package: "fazhi"),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/Pipeline",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        // The floor: the same pages through the same charset handling and libxml2's parser, a walk
        // of the text, and nothing else. fazhi's throughput is stated as a ratio of this.
        .executableTarget(
            name: "fazhi-floor",
            dependencies: [.product(name: "FazhiKit", package: "fazhi")],
            path: "Sources/fazhi-floor"
        ),
        // Where one core's time goes, stage by stage, over a page set.
        .executableTarget(
            name: "fazhi-stages",
            dependencies: [.product(name: "FazhiKit", package: "fazhi")],
            path: "Sources/fazhi-stages"
        ),
    ],
    swiftLanguageModes: [.v6]
)
