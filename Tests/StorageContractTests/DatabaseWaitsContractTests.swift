import FanoutCore
import FanoutTestSupport
import Foundation
import Synchronization
import Testing

/// Every backend reports how long its calls waited for the database: one
/// read wait per read, one write wait per write, none when nobody listens.
@Suite struct DatabaseWaitsContractTests {
    final class Heard: Sendable {
        let waits = Mutex<[(DatabaseWaits.Access, Duration)]>([])
        var reads: Int { waits.withLock { $0.filter { $0.0 == .read }.count } }
        var writes: Int { waits.withLock { $0.filter { $0.0 == .write }.count } }
    }

    @Test(arguments: StorageBackend.available) func readsAndWritesReportTheirWaits(backend: StorageBackend) async throws {
        let heard = Heard()
        let waits = DatabaseWaits { access, waited in heard.waits.withLock { $0.append((access, waited)) } }
        try await backend.withStorage(waits: waits) { store in
            try await store.importDemo(Scenario.dataset())
            let start = (reads: heard.reads, writes: heard.writes)
            _ = try await store.userLists(creatorID: 1, page: PageRequest(limit: 10, offset: 0), search: nil)
            #expect(heard.reads == start.reads + 1 && heard.writes == start.writes)
            _ = try await store.createUserList(name: "Waited", creatorID: 1, at: Scenario.now)
            #expect(heard.writes == start.writes + 1)
            #expect(heard.waits.withLock { $0.allSatisfy { $0.1 >= .zero && $0.1 < .seconds(10) } })
        }
    }
}
