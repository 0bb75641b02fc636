// swift-tools-version:6.0
import PackageDescription

// The fuzz target exists only for scripts/fuzz.sh (QKVERIFY_FUZZ=1, built with -sanitize=fuzzer):
// libFuzzer supplies its main, so an ordinary build could not link it.
let fuzzing = Context.environment["QKVERIFY_FUZZ"] == "1"

/// Every layer of the library, lowest first (the umbrella QKVerify re-exports them).
let layers = ["QKSupport", "QKGSL", "QKModel", "QKStatistics", "QKEngine", "QKSampling", "QKTheory", "QKClaims",
              "QKExperiments", "QKPersistence", "QKVerdicts", "QKSuite", "QKReporting"]

// The numerical layers are optimized in debug builds too: the exact theory of the softmax weights is
// nested quadrature through GSL callbacks and the draw loops run billions of times, 10-30x slower
// unoptimized, and the tests judge every softmax cell they run against that theory.
let optimizedInDebug: [SwiftSetting] = [.unsafeFlags(["-O"], .when(configuration: .debug))]

let package = Package(
    name: "qkverify",
    products: [
        .executable(name: "qkverify", targets: ["qkverify"]),
        .library(name: "QKVerify", targets: ["QKVerify"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    ],
    targets: [
        // The only place that sees GSL's C API.
        .systemLibrary(
            name: "CGSL",
            pkgConfig: "gsl",
            providers: [.apt(["libgsl-dev"])]
        ),
        // The library, one target per layer in the order data flows; a target imports only those below it.
        // Errors, settings, number text, atomic output files, standard streams: used by every layer.
        .target(name: "QKSupport", dependencies: []),
        // The only Swift that sees GSL's C API: generators, special functions, integration.
        .target(name: "QKGSL", dependencies: ["QKSupport", "CGSL"], swiftSettings: optimizedInDebug),
        // The model of a run: cells and grids, coordinate laws (their moments and draws), normalizations, softmax cells.
        .target(name: "QKModel", dependencies: ["QKSupport", "QKGSL"], swiftSettings: optimizedInDebug),
        // Mergeable summaries (streaming central moments, sample lists), Kolmogorov-Smirnov, histogram bins.
        .target(name: "QKStatistics", dependencies: ["QKGSL"], swiftSettings: optimizedInDebug),
        // Blocks, seeds and the canonical merge tree: how work is split, run on threads and merged, the same bytes for any split.
        .target(name: "QKEngine", dependencies: ["QKSupport", "QKGSL", "QKStatistics"]),
        // The draw loops that turn generator output into T (and softmax weights), block by block.
        .target(name: "QKSampling", dependencies: ["QKGSL", "QKModel", "QKStatistics", "QKEngine"], swiftSettings: optimizedInDebug),
        // Closed forms: exact cumulants of T for every model, the variance-gamma law.
        .target(name: "QKTheory", dependencies: ["QKGSL", "QKModel", "QKStatistics"], swiftSettings: optimizedInDebug),
        // Claims a user states: formulas in the cell's variables, parsed and evaluated.
        .target(name: "QKClaims", dependencies: ["QKSupport", "QKModel", "QKSampling", "QKTheory"]),
        // Experiments: a design (grid, samples, generator, seed) run into typed per-cell results.
        .target(name: "QKExperiments", dependencies: ["QKSupport", "QKGSL", "QKModel", "QKStatistics", "QKEngine", "QKSampling", "QKTheory"]),
        // Parts and checkpoints on disk: fingerprints, checksums, shard merges.
        .target(name: "QKPersistence", dependencies: ["QKSupport", "QKGSL", "QKModel", "QKStatistics", "QKEngine", "QKExperiments"]),
        // Estimates against closed forms: z-tests, Holm, power, the reliability rule, claim verdicts.
        .target(name: "QKVerdicts", dependencies: ["QKSupport", "QKGSL", "QKModel", "QKStatistics", "QKSampling", "QKTheory", "QKClaims", "QKExperiments"]),
        // Whole verifications: the report's suite, the models tour, sequential checks.
        .target(name: "QKSuite", dependencies: ["QKSupport", "QKGSL", "QKModel", "QKStatistics", "QKEngine", "QKTheory", "QKClaims", "QKExperiments", "QKVerdicts"]),
        // What a person reads: tables in every format, figures, the report.
        .target(name: "QKReporting", dependencies: ["QKSupport", "QKGSL", "QKModel", "QKStatistics", "QKSampling", "QKTheory", "QKClaims", "QKExperiments", "QKVerdicts", "QKSuite"]),
        // The library's one import for users: re-exports every layer's public API.
        .target(name: "QKVerify", dependencies: layers.map { .target(name: $0) }),
        .executableTarget(
            name: "qkverify",
            dependencies: layers.map { .target(name: $0) } + [
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "QKVerifyTests",
            dependencies: layers.map { .target(name: $0) } + [
                "qkverify",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            exclude: ["FuzzInputs"]
        ),
    ]
)

if fuzzing {
    package.targets.append(.executableTarget(name: "qkverify-fuzz", dependencies: layers.map { .target(name: $0) }, path: "Fuzz"))
}
