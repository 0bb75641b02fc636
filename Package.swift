// swift-tools-version:6.0
import PackageDescription

// The fuzz target exists only for scripts/fuzz.sh (QKVERIFY_FUZZ=1, built with -sanitize=fuzzer):
// libFuzzer supplies its main, so an ordinary build could not link it.
let fuzzing = Context.environment["QKVERIFY_FUZZ"] == "1"

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
        .target(
            name: "QKVerify",
            dependencies: ["CGSL"]
        ),
        .executableTarget(
            name: "qkverify",
            dependencies: [
                "QKVerify",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "QKVerifyTests",
            dependencies: [
                "QKVerify",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            exclude: ["FuzzInputs"]
        ),
    ]
)

if fuzzing {
    package.targets.append(.executableTarget(name: "qkverify-fuzz", dependencies: ["QKVerify"], path: "Fuzz"))
}
