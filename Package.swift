// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "Blackout",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "blackout", targets: ["blackout"]),
        // libFuzzer targets, built and run only by `make fuzz` (see Sources/BlackoutFuzz/Entry.swift).
        .executable(name: "blackout-fuzz", targets: ["blackout-fuzz"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
    ],
    targets: [
        // libcmark from the system (Debian: libcmark-dev). Only the Markdown target imports it.
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        // zlib from the system (Debian: zlib1g-dev): Pagefind's index files are gzip.
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        // Swapping the finished output folder in atomically (renameat2), which Swift's Glibc module does not expose.
        .target(name: "CAtomicSwap"),
        // Diagnostics: file:line:col messages collected across a whole run.
        .target(name: "Diagnostics"),
        // Markdown → HTML, headings and summary; copies everything out of C before returning.
        .target(name: "Markdown", dependencies: ["CCmark"]),
        // Value types of the domain and their parsers: timestamps, countries, ASNs, prefixes, slugs.
        .target(name: "OutageData"),
        // Drawing at build time: scales, ticks, downsampling, SVG connectivity charts and timelines.
        .target(name: "Charts", dependencies: ["OutageData", "Escaping"]),
        // The one HTML/XML escaper, byte-level, shared by templates, charts and feeds.
        .target(name: "Escaping"),
        // Mustache templates compiled once and rendered straight into bytes, over typed values.
        .target(name: "Templates", dependencies: ["Escaping"]),
        // Reading the user's site folder without leaving it: walking folders, text and byte files
        // with size limits and UTF-8 checks. Shared by loading, the theme and the output folder.
        .target(name: "SiteFiles", dependencies: ["Diagnostics"]),
        // The site's values: incidents, pages, series data, site.yml settings and the site graph.
        .target(name: "SiteModel", dependencies: ["Diagnostics", "Markdown", "OutageData", "Charts"]),
        // Load phase: site.yml, content/, datasets and series CSVs into validated model values.
        // Knows nothing of templates or the theme.
        .target(
            name: "SiteLoad",
            dependencies: [
                "SiteModel", "SiteFiles", "Diagnostics", "Markdown", "OutageData", "Charts",
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        // Render phase: the theme, page views, charts, feeds, JSON and sitemaps, as bytes.
        .target(
            name: "SiteRender",
            dependencies: ["SiteModel", "SiteFiles", "Diagnostics", "Markdown", "OutageData", "Charts", "Templates", "Escaping"]
        ),
        // The builder: runs the phases, checks links, owns the output folder; also `init` and `new`.
        .target(
            name: "Site",
            dependencies: [
                "SiteModel", "SiteFiles", "SiteLoad", "SiteRender", "Diagnostics", "OutageData", "Charts", "CAtomicSwap", "CZlib",
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // serve: builds into memory, serves it over HTTP (Hummingbird), watches the site's files
        // and reloads open pages. Never touches the output folder.
        .target(
            name: "Server",
            dependencies: [
                "Site", "SiteFiles", "Diagnostics", "Escaping",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // The command line: one small file per command.
        .executableTarget(
            name: "blackout",
            dependencies: [
                "Site", "Server", "Diagnostics",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Fuzz targets over the parsers of user files. Without -DBLACKOUT_FUZZ (passed only by
        // `make fuzz`) this is a stub with a main, so ordinary builds link; -parse-as-library
        // leaves `main` to libFuzzer in the fuzz build.
        .executableTarget(
            name: "blackout-fuzz",
            dependencies: ["SiteFiles", "SiteModel", "SiteLoad", "OutageData", "Charts", "Diagnostics"],
            path: "Sources/BlackoutFuzz",
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]
        ),
        .testTarget(name: "DiagnosticsTests", dependencies: ["Diagnostics"]),
        .testTarget(name: "MarkdownTests", dependencies: ["Markdown"]),
        // swift-mustache is only the reference the template engine is compared with.
        .testTarget(name: "TemplatesTests", dependencies: ["Templates", .product(name: "Mustache", package: "swift-mustache")]),
        .testTarget(name: "OutageDataTests", dependencies: ["OutageData"]),
        .testTarget(name: "ServerTests", dependencies: ["Server"]),
        .testTarget(name: "ChartsTests", dependencies: ["Charts", "OutageData"], exclude: ["Golden"]),
        // Fixture sites live in Tests/Fixtures and are found through #filePath, not bundled.
        .testTarget(
            name: "SiteTests",
            dependencies: ["Site", "SiteModel", "SiteFiles", "SiteLoad", "SiteRender", "Diagnostics", "OutageData"],
            exclude: ["../Fixtures"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
