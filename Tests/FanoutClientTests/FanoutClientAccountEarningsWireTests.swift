import FanoutClient
import Foundation
import HTTPTypes
import OpenAPIRuntime
import Synchronization
import Testing

/// What the earnings and account values make of answers no Fanout sends:
/// an error naming the field, never a trap, an invented value or an endless walk.
@Suite struct FanoutClientAccountEarningsWireTests {
    /// Answers every request with `body` (200, JSON), counting them.
    final class CannedTransport: ClientTransport, Sendable {
        let body: String
        let requests = Mutex<[String]>([])

        init(_ body: String) { self.body = body }

        func send(_ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String) async throws -> (HTTPResponse, HTTPBody?) {
            requests.withLock { $0.append(request.path ?? "") }
            return (HTTPResponse(status: .ok, headerFields: [.contentType: "application/json"]), HTTPBody(self.body))
        }
    }

    static func client(_ transport: CannedTransport) -> FanoutClient {
        FanoutClient(baseURL: URL(string: "http://127.0.0.1:9")!, apiKey: "key", connectionID: "conn", transport: transport)
    }

    static let transaction = """
        {"id":"7","type":"tips","createdAt":"2026-09-21T10:00:00+00:00","amounts":{"gross":9.99,"net":8,"fee":1.99,"vat":0,"tax":0},
         "currency":"USD","description":"Tip","status":"done","payoutPendingDays":0,"user":{"id":5,"name":"Fan","username":"fan","avatar":""}}
        """

    @Test func aMarkerThatDoesNotMoveEndsTheWalkWithAnError() async throws {
        let transport = CannedTransport(#"{"list":[\#(Self.transaction)],"hasMore":true,"marker":5,"nextMarker":5}"#)
        let client = Self.client(transport)
        var seen = 0
        await #expect(performing: { for try await _ in client.transactions() { seen += 1 } },
                      throws: { ($0 as? FanoutClientError)?.field == "marker" })
        #expect(seen == 1 && transport.requests.withLock { $0.count } == 2, "the first page, then the same marker again: stop")
        let zero = CannedTransport(#"{"list":[],"hasMore":true,"marker":0,"nextMarker":0}"#)
        await #expect(performing: { try await Self.client(zero).chargebacksPage() }, throws: { ($0 as? FanoutClientError)?.field == "marker" })
    }

    @Test func moneyIsExactAndOddValuesAreErrors() async throws {
        let page = try await Self.client(CannedTransport(#"{"list":[\#(Self.transaction)],"hasMore":false,"marker":0,"nextMarker":0}"#))
            .transactionsPage()
        let tip = try #require(page.items.first)
        #expect(tip.amounts.gross == Decimal(string: "9.99") && tip.amounts.fee == Decimal(string: "1.99") && tip.amounts.net == 8)
        #expect(tip.fan.avatar == nil && tip.kind == .tip && page.next == nil)

        for (body, field) in [
            (Self.transaction.replacingOccurrences(of: #""type":"tips""#, with: #""type":"refund""#), "transaction.type"),
            (Self.transaction.replacingOccurrences(of: #""status":"done""#, with: #""status":"lost""#), "transaction.status"),
            (Self.transaction.replacingOccurrences(of: "2026-09-21T10:00:00+00:00", with: "yesterday"), "transaction.createdAt"),
        ] {
            let transport = CannedTransport(#"{"list":[\#(body)],"hasMore":false,"marker":0,"nextMarker":0}"#)
            await #expect(performing: { try await Self.client(transport).transactionsPage() },
                          throws: { ($0 as? FanoutClientError)?.field == field && ($0 as? FanoutClientError)?.code == "INVALID_RESPONSE" })
        }
    }

    @Test func connectionValuesFromTheWire() throws {
        let wire = Components.Schemas.AccountConnection(
            status: .awaiting2fa, id: "c1", userData: .init(id: "42", name: "Ann", username: "ann", avatar: "https://a.test/1.jpg"),
            permissions: ["messages:read", "future:scope"], expiredAt: "", createdAt: "2026-09-21T10:00:00Z",
            updatedAt: "2026-09-21T10:00:00.250Z", clientReferenceId: "", imported: true, lastCheckedAt: "2026-09-21")
        let connection = try FanoutClient.Connection(wire)
        #expect(connection.status == .awaitingTwoFactor && connection.creator == .init(id: 42, name: "Ann", username: "ann", avatar: URL(string: "https://a.test/1.jpg")))
        #expect(connection.permissions == [.messagesRead, FanoutClient.Permission(rawValue: "future:scope")])
        #expect(connection.expiredAt == nil && connection.clientReferenceID == nil && connection.isImported)
        #expect(connection.createdAt == Date(timeIntervalSince1970: 1_789_984_800))
        #expect(connection.updatedAt == Date(timeIntervalSince1970: 1_789_984_800.25) && connection.lastCheckedAt == Date(timeIntervalSince1970: 1_789_948_800))

        var odd = wire
        odd.userData.id = "u-42"
        #expect(throws: FanoutClientError.self) { try FanoutClient.Connection(odd) }
        odd = wire
        odd.createdAt = "soon"
        #expect { try FanoutClient.Connection(odd) } throws: { ($0 as? FanoutClientError)?.field == "connection.createdAt" }

        let stats = Components.Schemas.VaultPlusStats(
            vaultPlusEnabled: true, totalStorageBytes: 1e300, storageLimitBytes: 0, mediaCount: 3, storedCount: 1, storageUsagePercent: 0)
        let settings = Components.Schemas.AccountConnectionSettings(
            connectionId: "c1", vaultPlus: .init(enabled: true, settingsOverrides: .init(), stats: stats))
        #expect { try FanoutClient.ConnectionSettings(settings) } throws: { ($0 as? FanoutClientError)?.field == "stats.totalStorageBytes" }
        var fractional = settings
        fractional.vaultPlus.stats.totalStorageBytes = 10
        fractional.vaultPlus.stats.mediaCount = 2.5
        #expect { try FanoutClient.ConnectionSettings(fractional) } throws: { ($0 as? FanoutClientError)?.field == "stats.mediaCount" }
    }
}
