import FanoutCore
import CoreMetrics
import Foundation
import HTTPTypes
import Metrics
import Prometheus
import Synchronization

/// What `/metrics` shows, in Prometheus text. swift-metrics instruments made
/// by a factory over this server's own registry: no global `MetricsSystem`
/// bootstrap, so every application (and every test) counts on its own.
/// Labels come from route templates, methods and status codes, never raw
/// paths or ids, so the series stay few.
public final class ServerMetrics: Sendable {
    private let registry = PrometheusCollectorRegistry()
    private let factory: PrometheusMetricsFactory
    private let requests = Mutex<[RequestKey: RequestInstruments]>([:])
    /// Requests refused by the rate limit.
    let rateLimited: CoreMetrics.Counter
    /// Scheduled mass messages the scheduler started.
    let scheduledStarts: CoreMetrics.Counter
    /// Recipients the fan-out has yet to reach (read at each scrape).
    let recipientsWaiting: CoreMetrics.Gauge
    /// Fan-out batches this instance committed (with several instances, each counts its own).
    let fanOutBatches: CoreMetrics.Counter
    /// Recipients this instance's fan-out delivered to.
    let fanOutDeliveries: CoreMetrics.Counter
    /// How late each scheduled mass message started (the scheduler's tick, a busy database).
    let schedulerLag: CoreMetrics.Timer
    /// How long storage calls waited for a reader / the writer (SQLite) or a pooled connection (PostgreSQL).
    private let readWait: CoreMetrics.Timer
    private let writeWait: CoreMetrics.Timer

    private struct RequestKey: Hashable {
        var route: String
        var method: String
        var status: Int
    }

    private struct RequestInstruments: Sendable {
        var count: CoreMetrics.Counter
        var duration: CoreMetrics.Timer
    }

    public init() {
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.defaultDurationHistogramBuckets = [
            .milliseconds(1), .milliseconds(2), .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50),
            .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(2.5), .seconds(5),
        ]
        // A start is late by a scheduler tick (250 ms) when all is well, by
        // minutes when no instance ran.
        factory.durationHistogramBuckets["fanout_scheduler_lag_seconds"] = [
            .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(2.5), .seconds(10), .seconds(60),
            .seconds(300), .seconds(3600),
        ]
        // Waits are microseconds when all is well, seconds when the pool is exhausted.
        factory.durationHistogramBuckets["fanout_database_wait_seconds"] = [
            .microseconds(10), .microseconds(50), .microseconds(100), .microseconds(500), .milliseconds(1), .milliseconds(5),
            .milliseconds(10), .milliseconds(50), .milliseconds(100), .milliseconds(500), .seconds(1), .seconds(5),
        ]
        self.factory = factory
        rateLimited = CoreMetrics.Counter(label: "fanout_rate_limited_requests_total", factory: factory)
        scheduledStarts = CoreMetrics.Counter(label: "fanout_scheduled_mass_messages_started_total", factory: factory)
        recipientsWaiting = CoreMetrics.Gauge(label: "fanout_fan_out_recipients_waiting", factory: factory)
        fanOutBatches = CoreMetrics.Counter(label: "fanout_fan_out_batches_total", factory: factory)
        fanOutDeliveries = CoreMetrics.Counter(label: "fanout_fan_out_deliveries_total", factory: factory)
        schedulerLag = CoreMetrics.Timer(label: "fanout_scheduler_lag_seconds", factory: factory)
        readWait = CoreMetrics.Timer(label: "fanout_database_wait_seconds", dimensions: [("access", "read")], factory: factory)
        writeWait = CoreMetrics.Timer(label: "fanout_database_wait_seconds", dimensions: [("access", "write")], factory: factory)
    }

    /// What the storage reports its waits to.
    public var databaseWaits: DatabaseWaits {
        DatabaseWaits { [readWait, writeWait] access, waited in
            let (seconds, attoseconds) = waited.components
            (access == .read ? readWait : writeWait).recordNanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
        }
    }

    /// One answered request: `route` is the matched template (or "unmatched").
    func recordRequest(route: String, method: HTTPRequest.Method, status: HTTPResponse.Status, nanoseconds: Int64) {
        let key = RequestKey(route: route, method: method.rawValue, status: status.code)
        let instruments = requests.withLock { table in
            if let existing = table[key] { return existing }
            let dimensions = [("route", key.route), ("method", key.method), ("status", String(key.status))]
            let made = RequestInstruments(
                count: CoreMetrics.Counter(label: "fanout_http_requests_total", dimensions: dimensions, factory: factory),
                duration: CoreMetrics.Timer(label: "fanout_http_request_duration_seconds", dimensions: dimensions, factory: factory))
            table[key] = made
            return made
        }
        instruments.count.increment()
        instruments.duration.recordNanoseconds(nanoseconds)
    }

    /// The Prometheus text exposition.
    func exposition() -> [UInt8] { registry.emitToBuffer() }
}
