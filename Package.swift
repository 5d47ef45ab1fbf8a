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
        .library(name: "GatehouseFleet", targets: ["GatehouseFleet"]),
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
        .executableTarget(
            name: "gatehouse-claude",
            dependencies: ["HookCore", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        // Fleet templates, schema validation: only the person-facing CLI uses it.
        .target(name: "GatehouseFleet", dependencies: ["HookCore"]),
        .executableTarget(
            name: "gatehouse",
            dependencies: [
                "HookCore", "GatehouseFleet", "CCurl", "CYAML",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "gatehouse-bench", path: "Sources/gatehouse-bench"),
        .testTarget(name: "HookCoreTests", dependencies: ["HookCore"]),
        .testTarget(name: "GatehouseFleetTests", dependencies: ["GatehouseFleet", "HookCore", "CYAML"]),
        .testTarget(name: "GatehouseEndToEndTests", exclude: ["Fixtures"]),
    ],
    swiftLanguageModes: [.v6]
)
