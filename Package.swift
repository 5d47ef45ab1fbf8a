// swift-tools-version:6.0
import PackageDescription

// The hook executables are on every tool call: HookCore stays free of Foundation
// (only FoundationEssentials arrives, through swift-crypto) and of libcurl/libyaml
// links, so a statically linked hook starts close to a hello-world process.
// Release hook binaries on Linux are static PIE: the dynamic loader's work on
// every tool call (four shared libraries, their relocations and symbol lookups)
// costs more than the hook's own decision, and a PIE keeps ASLR. lld links it
// (gold cannot) and packs the relative relocations (fewer pages to read at
// start). glibc's static-PIE start refuses an RPATH: `make build` passes
// `--disable-local-rpath`.
let hookLinking: [LinkerSetting] = [
    .unsafeFlags(
        ["-static-executable", "-use-ld=lld", "-Xclang-linker", "-static-pie", "-Xlinker", "-z", "-Xlinker", "pack-relative-relocs"],
        .when(platforms: [.linux], configuration: .release))
]

let package = Package(
    name: "gatehouse",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "gatehouse-claude", targets: ["gatehouse-claude"]),
        .executable(name: "gatehouse-codex", targets: ["gatehouse-codex"]),
        .executable(name: "gatehouse-cursor", targets: ["gatehouse-cursor"]),
        .executable(name: "gatehouse", targets: ["gatehouse"]),
        .library(name: "HookCore", targets: ["HookCore"]),
        .library(name: "GatehouseFleet", targets: ["GatehouseFleet"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-crypto", "3.0.0"..<"5.0.0"),
        .package(url: "https://github.com/modelcontextprotocol/swift-sdk", from: "0.12.1"),
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
        .systemLibrary(name: "CYAMLStatic"),
        // Policy files (YAML via libyaml), layers and the pack compiler. Linked
        // into the hook binaries so user, project and managed files apply; on
        // Linux libyaml is linked statically (`-l:libyaml.a`, from libyaml-dev).
        .target(
            name: "PolicyFiles",
            dependencies: [
                "HookCore",
                .target(name: "CYAML", condition: .when(platforms: [.macOS, .windows])),
                .target(name: "CYAMLStatic", condition: .when(platforms: [.linux])),
            ],
            linkerSettings: [.linkedLibrary(":libyaml.a", .when(platforms: [.linux]))]
        ),
        .executableTarget(
            name: "gatehouse-claude",
            dependencies: ["HookCore", "PolicyFiles", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            linkerSettings: hookLinking
        ),
        .executableTarget(
            name: "gatehouse-codex",
            dependencies: ["HookCore", "PolicyFiles", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            linkerSettings: hookLinking
        ),
        .executableTarget(
            name: "gatehouse-cursor",
            dependencies: ["HookCore", "PolicyFiles", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            linkerSettings: hookLinking
        ),
        // Fleet templates, schema validation: only the person-facing CLI uses it.
        .target(name: "GatehouseFleet", dependencies: ["HookCore"]),
        .executableTarget(
            name: "gatehouse",
            dependencies: [
                "HookCore", "GatehouseFleet", "CCurl", "CYAML", "PolicyFiles",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "MCP", package: "swift-sdk"),
            ]
        ),
        .executableTarget(name: "gatehouse-bench", dependencies: ["HookCore"], path: "Sources/gatehouse-bench"),
        .executableTarget(name: "gatehouse-quality", path: "Sources/gatehouse-quality"),
        .testTarget(name: "HookCoreTests", dependencies: ["HookCore"]),
        .testTarget(name: "PolicyFilesTests", dependencies: ["PolicyFiles", "HookCore"], exclude: ["Fixtures"]),
        .testTarget(name: "GatehouseFleetTests", dependencies: ["GatehouseFleet", "HookCore", "CYAML"]),
        .testTarget(name: "GatehouseEndToEndTests", exclude: ["Fixtures"]),
    ],
    swiftLanguageModes: [.v6]
)
