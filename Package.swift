// swift-tools-version:6.2
import PackageDescription

let package = Package(
    name: "fanout",
    // The client's products go into apps too: Duration, Task.sleep(for:) and
    // the ISO 8601 format style need iOS 16 and its peers.
    platforms: [.macOS(.v15), .iOS(.v16), .tvOS(.v16), .watchOS(.v9), .visionOS(.v1)],
    products: [
        .executable(name: "fanout", targets: ["fanout"]),
        .library(name: "FanoutAPI", targets: ["FanoutAPI"]),
        // The client: its core needs only OpenAPIRuntime and the HTTP types, and
        // takes any transport (URLSession's on Apple platforms); the second
        // product adds AsyncHTTPClient's, for servers; the third verifies and
        // routes webhooks.
        .library(name: "FanoutClient", targets: ["FanoutClient"]),
        .library(name: "FanoutClientAsyncHTTPClient", targets: ["FanoutClientAsyncHTTPClient"]),
        .library(name: "FanoutWebhook", targets: ["FanoutWebhook"]),
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-openapi-generator.git", from: "1.14.3"),
        .package(url: "https://github.com/apple/swift-openapi-runtime.git", from: "1.13.4"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        .package(url: "https://github.com/swift-server/swift-openapi-async-http-client.git", from: "1.5.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-openapi-urlsession.git", from: "1.4.0"),
        .package(url: "https://github.com/swiftlang/swift-docc-plugin.git", from: "1.5.0"),
    ],
    targets: [
        // The contract (openapi.yaml) and the wire types generated from it.
        .target(
            name: "FanoutAPI",
            dependencies: [
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
                .product(name: "Yams", package: "Yams"),
            ],
            resources: [.copy("openapi.yaml")],
            plugins: [.plugin(name: "OpenAPIGenerator", package: "swift-openapi-generator")]
        ),
        // A client of the API (Fanout's or OFAuth's): its own plain values and
        // methods over code generated from the same openapi.yaml (a link to
        // FanoutAPI's), generated `package`, so none of it is public.
        .target(
            name: "FanoutClient",
            dependencies: [
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            plugins: [.plugin(name: "OpenAPIGenerator", package: "swift-openapi-generator")]
        ),
        // FanoutClient on AsyncHTTPClient, what a Linux server uses.
        .target(
            name: "FanoutClientAsyncHTTPClient",
            dependencies: [
                "FanoutClient",
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
                .product(name: "OpenAPIAsyncHTTPClient", package: "swift-openapi-async-http-client"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ]
        ),
        // Webhooks received in Swift: Standard Webhooks signatures verified,
        // events typed with the client's values, and a router.
        .target(
            name: "FanoutWebhook",
            dependencies: ["FanoutClient", .product(name: "Crypto", package: "swift-crypto")]
        ),
        // A client program of its own: lists chats, prints one chat's newest messages.
        .executableTarget(
            name: "fanout-client-example", dependencies: ["FanoutClient", "FanoutClientAsyncHTTPClient"], path: "Examples/ListChats"),
        // A webhook receiver on Hummingbird: verifies each delivery, routes it by type.
        .executableTarget(
            name: "fanout-webhook-receiver",
            dependencies: [
                "FanoutWebhook", "FanoutClient",
                .product(name: "Hummingbird", package: "hummingbird"), .product(name: "Logging", package: "swift-log"),
            ],
            path: "Examples/WebhookReceiver"),
        // The domain: entities, rules, storage protocols. Knows nothing of HTTP or SQL.
        .target(
            name: "FanoutCore",
            dependencies: [
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // What both SQL backends share: the schema's one description (table and
        // column names, kinds, keys) and SQL text that both engines run.
        .target(name: "FanoutSQL", dependencies: ["FanoutCore"]),
        // The storage protocols on SQLite (GRDB).
        .target(
            name: "FanoutSQLite",
            dependencies: [
                "FanoutCore", "FanoutSQL",
                .product(name: "GRDB", package: "GRDB.swift"), .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ]
        ),
        // The storage protocols on PostgreSQL (postgres-nio).
        .target(
            name: "FanoutPostgres",
            dependencies: [
                "FanoutCore", "FanoutSQL",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // `fanout copy`: a whole SQLite database into an empty PostgreSQL one.
        .target(
            name: "FanoutCopy",
            dependencies: [
                "FanoutSQLite", "FanoutPostgres", "FanoutSQL",
                .product(name: "GRDB", package: "GRDB.swift"), .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOCore", package: "swift-nio"), .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // The web console at /console: one route collection, its views, templates and assets.
        .target(
            name: "FanoutConsole",
            dependencies: [
                "FanoutCore",
                .product(name: "Hummingbird", package: "hummingbird"), .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Mustache", package: "swift-mustache"), .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        // HTTP: the application (router, middleware, handlers, wire mapping,
        // services), handed a storage: it links no storage engine.
        .target(
            name: "FanoutServer",
            dependencies: [
                "FanoutAPI", "FanoutCore", "FanoutConsole",
                .product(name: "Hummingbird", package: "hummingbird"), .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"), .product(name: "NIOFoundationCompat", package: "swift-nio"),
                .product(name: "CoreMetrics", package: "swift-metrics"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ]
        ),
        // The composition root: opens SQLite or PostgreSQL and hands the
        // storage to the server; `fanout` and the tests both start here.
        .target(
            name: "FanoutBootstrap",
            dependencies: [
                "FanoutServer", "FanoutCore", "FanoutSQLite", "FanoutPostgres",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .executableTarget(
            name: "fanout",
            dependencies: [
                "FanoutBootstrap", "FanoutServer", "FanoutSQLite", "FanoutPostgres", "FanoutCopy", "FanoutCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Hummingbird", package: "hummingbird"), .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // A benchmark, not a test: scripts/bench builds it in release mode.
        .executableTarget(
            name: "FanOutBenchmark",
            dependencies: [
                "FanoutCore", "FanoutSQLite", "FanoutPostgres",
                .product(name: "GRDB", package: "GRDB.swift"), .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"), .product(name: "Logging", package: "swift-log"),
            ],
            path: "Benchmarks/FanOutBenchmark"
        ),
        .testTarget(name: "FanoutCoreTests", dependencies: ["FanoutCore"]),
        // Against a real PostgreSQL: scripts/test starts a throwaway cluster
        // and names it in FANOUT_TEST_POSTGRES_URL.
        .testTarget(
            name: "FanoutPostgresTests",
            dependencies: [
                "FanoutCore",
                "FanoutPostgres",
                "FanoutTestSupport",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOPosix", package: "swift-nio"),
            ]
        ),
        // What the test targets share: the storage backends they run against,
        // and a webhook receiver.
        .target(
            name: "FanoutTestSupport",
            dependencies: [
                "FanoutCore", "FanoutSQLite", "FanoutPostgres", .product(name: "Logging", package: "swift-log"),
                .product(name: "Hummingbird", package: "hummingbird"), .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            path: "Tests/FanoutTestSupport"
        ),
        // One suite of storage contracts, run against every backend.
        .testTarget(
            name: "StorageContractTests",
            dependencies: ["FanoutTestSupport", "FanoutSQLite", "FanoutSQL", "FanoutCore", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        // Tests that run the real `fanout` binary as a child process.
        .testTarget(
            name: "FanoutProcessTests",
            dependencies: [
                "fanout", "FanoutSQLite", "FanoutPostgres", "FanoutCopy", "FanoutTestSupport", "FanoutCore",
                .product(name: "GRDB", package: "GRDB.swift"), .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"), .product(name: "HTTPTypes", package: "swift-http-types"),
            ]
        ),
        .testTarget(
            name: "FanoutClientTests",
            dependencies: [
                "FanoutClient", "FanoutClientAsyncHTTPClient", "FanoutWebhook", "FanoutServer", "FanoutTestSupport", "FanoutCore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "OpenAPIURLSession", package: "swift-openapi-urlsession"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
                .product(name: "OpenAPIAsyncHTTPClient", package: "swift-openapi-async-http-client"),
            ]
        ),
        // The composition root on a real database: what `fanout serve` runs, in process.
        .testTarget(
            name: "FanoutBootstrapTests",
            dependencies: [
                "FanoutBootstrap", "FanoutServer", "FanoutCore",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]
        ),
        .testTarget(
            name: "FanoutServerTests",
            dependencies: [
                "FanoutServer", "FanoutConsole", "FanoutTestSupport", "FanoutSQLite", "FanoutCore", "FanoutAPI",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Yams", package: "Yams"),
            ],
            resources: [.copy("Fixtures")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
