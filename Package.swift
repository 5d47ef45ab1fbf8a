// swift-tools-version:6.0
import PackageDescription

// The hook executables are on every tool call: HookCore stays free of Foundation
// (only FoundationEssentials arrives, through swift-crypto) and of libcurl/libyaml
// links, so a statically linked hook starts close to a hello-world process.
let package = Package(
    name: "gatehouse",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "gatehouse-claude", targets: ["gatehouse-claude"]),
        .executable(name: "gatehouse", targets: ["gatehouse"]),
        .library(name: "HookCore", targets: ["HookCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-crypto", "3.0.0"..<"5.0.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CCurl",
            pkgConfig: "libcurl",
            providers: [.apt(["libcurl4-openssl-dev"]), .brew(["curl"])]
        ),
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
        ),
        .target(
            name: "HookCore",
            dependencies: [.product(name: "Crypto", package: "swift-crypto")]
        ),
        // Policy files (YAML via libyaml), layers and the pack compiler. Linked
        // into the hook binaries so user, project and managed files apply.
        .target(name: "PolicyFiles", dependencies: ["HookCore", "CYAML"]),
        .executableTarget(
            name: "gatehouse-claude",
            dependencies: ["HookCore", "PolicyFiles", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .executableTarget(
            name: "gatehouse",
            dependencies: [
                "HookCore", "CCurl", "CYAML", "PolicyFiles",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "gatehouse-bench", dependencies: ["HookCore"], path: "Sources/gatehouse-bench"),
        .testTarget(name: "HookCoreTests", dependencies: ["HookCore"]),
        .testTarget(name: "PolicyFilesTests", dependencies: ["PolicyFiles", "HookCore"], exclude: ["Fixtures"]),
        .testTarget(name: "GatehouseEndToEndTests", exclude: ["Fixtures"]),
    ],
    swiftLanguageModes: [.v6]
)
