import FanoutCore
import FanoutServer
import Foundation
import FanoutTestSupport
import Testing

/// `/metrics`: Prometheus text counting answers by route template, method
/// and status, and the requests the rate limit refused.
@Suite struct MetricsTests {
    @Test(arguments: StorageBackend.available) func requestsAreCountedByRouteTemplateNeverByRawPath(backend: StorageBackend) async throws {
        try await TestWorld.with(backend, rateLimit: RateLimit(perMinute: 60, burst: 4), metrics: ServerMetrics()) { world in
            try await world.withClient { api in
                for _ in 0..<2 { #expect(try await api.get("/v2/access/chats?limit=1", as: world.owner).status == .ok) }
                #expect(try await api.get("/v2/access/mass-messages/987654321", as: world.owner).status == .notFound)
                #expect(try await api.get("/no/such/path/123456789", as: nil).status == .notFound)
                #expect(try await api.get("/v2/access/chats?limit=1", as: world.owner).status == .ok)
                #expect(try await api.get("/v2/access/chats?limit=1", as: world.owner).status == .tooManyRequests)

                let scrape = try await api.get("/metrics", as: nil)
                #expect(scrape.status == .ok && scrape.headers[.contentType]?.hasPrefix("text/plain") == true)
                let text = String(decoding: scrape.body, as: UTF8.self)
                #expect(text.contains(#"fanout_http_requests_total{route="/v2/access/chats",method="GET",status="200"} 3"#), "\(text)")
                #expect(text.contains(#"fanout_http_requests_total{route="/v2/access/chats",method="GET",status="429"} 1"#))
                #expect(text.contains(#"route="/v2/access/mass-messages/{massMessageId}",method="GET",status="404"} 1"#))
                #expect(text.contains(#"fanout_http_requests_total{route="unmatched",method="GET",status="404"} 1"#))
                #expect(text.contains("fanout_rate_limited_requests_total 1"))
                #expect(text.contains("fanout_http_request_duration_seconds_bucket"))
                #expect(!text.contains("987654321") && !text.contains("123456789"), "no raw paths or ids")
            }
        }
    }

    @Test(arguments: StorageBackend.available) func aScrapeShowsTheRecipientsTheFanOutHasYetToReach(backend: StorageBackend) async throws {
        try await TestWorld.with(backend, metrics: ServerMetrics()) { world in
            try await world.withClient { api in
                try await world.fanOut.drain()  // the demo's own queued one
                let created = try await api.send("/v2/access/mass-messages", method: .post, as: world.owner, json: ["text": "Counted"])
                let total = try #require(created.object["total"] as? Int)
                #expect(total > 0)
                func waiting() async throws -> Double? {
                    let text = String(decoding: try await api.get("/metrics", as: nil).body, as: UTF8.self)
                    return text.split(separator: "\n").first { $0.hasPrefix("fanout_fan_out_recipients_waiting ") }
                        .flatMap { Double($0.split(separator: " ")[1]) }
                }
                #expect(try await waiting() == Double(total))
                try await world.fanOut.drain()
                #expect(try await waiting() == 0)
            }
        }
    }

    @Test(arguments: StorageBackend.available) func aScrapeCountsDeliveriesAndHowLateTheSchedulerStarted(backend: StorageBackend) async throws {
        try await TestWorld.with(backend, metrics: ServerMetrics()) { world in
            try await world.fanOut.drain()  // the demo's own queued one, outside the counted services
            try await world.withClient(backgroundServices: true) { api in
                let created = try await api.send("/v2/access/mass-messages", method: .post, as: world.owner, json: [
                    "text": "Late", "scheduledDate": world.clock.now().addingTimeInterval(60).formatted(.iso8601),
                ])
                let id = try #require(created.object["id"] as? Int)
                let total = try #require(created.object["total"] as? Int)
                world.clock.advance(by: 75)  // due 15 s ago
                let start = ContinuousClock.now
                var done = false
                while !done && ContinuousClock.now - start < .seconds(20) {
                    try await Task.sleep(for: .milliseconds(50))
                    done = try await api.get("/v2/access/mass-messages/\(id)", as: world.owner).object["isDone"] as? Bool == true
                }
                #expect(done)
                // The worker counts a batch after its transaction commits, so a
                // scrape right after `isDone` may precede the last batch's count.
                var text = ""
                func value(_ name: String) -> Double? {
                    text.split(separator: "\n").first { $0.hasPrefix(name + " ") }.flatMap { Double($0.split(separator: " ")[1]) }
                }
                let counted = ContinuousClock.now
                repeat {
                    text = String(decoding: try await api.get("/metrics", as: nil).body, as: UTF8.self)
                    if value("fanout_fan_out_deliveries_total") == Double(total) { break }
                    try await Task.sleep(for: .milliseconds(20))
                } while ContinuousClock.now - counted < .seconds(5)
                #expect(value("fanout_fan_out_deliveries_total") == Double(total), "\(text)")
                #expect(value("fanout_scheduler_lag_seconds_count") == 1)
                #expect(value("fanout_scheduler_lag_seconds_sum").map { (15..<16).contains($0) } == true, "15 s late by the injected clock")
            }
        }
    }

    @Test(arguments: StorageBackend.available) func withoutMetricsThereIsNoRoute(backend: StorageBackend) async throws {
        try await TestWorld.with(backend) { world in
            try await world.withClient { api in
                let scrape = try await api.get("/metrics", as: nil)
                #expect(scrape.status == .notFound)
            }
        }
    }
}
