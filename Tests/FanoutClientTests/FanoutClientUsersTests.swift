import FanoutClient
import FanoutTestSupport
import Foundation
import Testing

/// The users methods of `FanoutClient`, against a real server.
@Suite struct FanoutClientUsersTests {
    @Test(arguments: StorageBackend.available) func usersSearchAndRestrict(backend: StorageBackend) async throws {
        try await ClientWorld.with(backend) { world in
            let client = world.client()
            let fan = try #require(try await client.subscribers(type: .active, limit: 1).list.first)
            let users = try await client.users(ids: [fan.id, 999_999_999])
            #expect(users.map(\.id) == [fan.id] && users[0].subscribedOn)
            #expect(try await client.searchUsers(String(fan.username.prefix(5)), limit: 100).contains { $0.id == fan.id })

            try await client.restrictUser(id: fan.id)
            #expect(try await client.restrictedUsers().list.map(\.id) == [fan.id])
            try await client.restrictUser(id: fan.id, false)
            #expect(try await client.restrictedUsers().list.isEmpty)
            #expect(try await client.blockedUsers().list.isEmpty)
            await #expect(throws: FanoutClientError.self) { try await client.users(ids: Array(1...11)) }
        }
    }
}
