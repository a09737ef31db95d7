import FanoutAPI
import FanoutTestSupport
import Foundation
import Testing

/// `GET /subscribers?filter…`: the official SDK's `filter` dictionary,
/// honoured field by field or refused with a 400 naming the field.
@Suite struct SubscribersFilterTests {
    static func encoded(_ text: String) -> String { text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "" }

    @Test(arguments: StorageBackend.available)
    func amountRangesKeepExactlyTheFansWhoTippedOrSpentThatMuch(backend: StorageBackend) async throws {
        try await TestWorld.with(backend) { world in
            try await world.withClient { api in
                let path = "/v2/access/subscribers"
                let everyone = try await SubscribersEndpointTests.all(api, world.owner, path)
                let tippers = everyone.filter { $0.spending.tips > 0 }.map(\.id)
                #expect(!tippers.isEmpty && tippers.count < everyone.count)
                let threshold = everyone.map(\.spending.total).sorted()[everyone.count / 2]
                // deepObject, JSON and the Python SDK's text: the same subscribers.
                let tipped = try await SubscribersEndpointTests.all(api, world.owner, "\(path)?filter%5Btips%5D=0.01")
                #expect(tipped.map(\.id) == tippers)
                let json = try await SubscribersEndpointTests.all(api, world.owner, "\(path)?filter=" + Self.encoded(#"{"tips":"0.01"}"#))
                let python = try await SubscribersEndpointTests.all(api, world.owner, "\(path)?filter=" + Self.encoded("{'tips': '0.01', 'duration': None}"))
                #expect(json.map(\.id) == tippers && python.map(\.id) == tippers)
                let dollars = String(format: "%.2f", threshold)
                let spent = try await SubscribersEndpointTests.all(api, world.owner, "\(path)?filter%5Btotal_spent%5D=\(dollars)")
                #expect(spent.map(\.id) == everyone.filter { $0.spending.total >= threshold - 0.001 }.map(\.id))
                let between = try await SubscribersEndpointTests.all(api, world.owner, "\(path)?filter%5Btotal_spent%5D=0-\(dollars)&type=active")
                let active = try await SubscribersEndpointTests.all(api, world.owner, "\(path)?type=active")
                #expect(between.map(\.id) == active.filter { $0.spending.total <= threshold + 0.001 }.map(\.id))
            }
        }
    }

    @Test func whatFanoutHasNoneOfMatchesNobodyAndTheRestIsA400() async throws {
        try await TestWorld.with(.sqlite) { world in
            try await world.withClient { api in
                let path = "/v2/access/subscribers"
                let everyone = try await SubscribersEndpointTests.all(api, world.owner, path)
                for query in ["filter%5Bonline%5D=1", "filter%5BpromoId%5D=5", "filter=" + Self.encoded("{'trial_id': '9'}")] {
                    #expect(try await SubscribersEndpointTests.all(api, world.owner, "\(path)?\(query)").isEmpty, "\(query)")
                }
                #expect(try await SubscribersEndpointTests.all(api, world.owner, "\(path)?filter%5Bonline%5D=0").map(\.id) == everyone.map(\.id))
                for (query, field) in [
                    ("filter%5Bduration%5D=30", "filter.duration"), ("filter%5Btips%5D=lots", "filter.tips"),
                    ("filter%5Bvip%5D=1", "filter"), ("filter=tips", "filter"),
                    ("filter=%7B%7D&filter%5Btips%5D=1", "filter"),
                ] {
                    let response = try await api.get("\(path)?\(query)", as: world.owner)
                    #expect(response.status == .badRequest, "\(query)")
                    #expect(try response.error.details?.field == field, "\(query)")
                }
            }
        }
    }
}
