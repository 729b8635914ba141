// swift-tools-version: 6.1
// A separate package so the fuzzer flags (-sanitize=fuzzer,address) never touch the main build.
// Build and run with Fuzz/run.sh; see Fuzz/README.md.
import PackageDescription

let package = Package(
    name: "fazhi-fuzz",
    dependencies: [
        .package(name: "fazhi", path: "../"),
    ],
    targets: [
        .executableTarget(
            name: "fazhi-fuzz",
            dependencies: [
                "FuzzDriver",
                .product(name: "FazhiKit", package: "fazhi"),
            ]
        ),
        .target(name: "FuzzDriver"),
    ],
    swiftLanguageModes: [.v6]
)
