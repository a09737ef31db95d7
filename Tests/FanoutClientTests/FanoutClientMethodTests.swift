import FanoutClient
import FanoutTestSupport
import Foundation
import Testing

/// Every typed method once, against a real server.
@Suite struct FanoutClientMethodTests {
    @Test(arguments: StorageBackend.available) func massMessagesRoundTrip(backend: StorageBackend) async throws {
        try await ClientWorld.with(backend) { world in
            let client = world.client()
            let sent = try await client.massMessagesPage(type: .sent, limit: 5)
            #expect(sent.list.count == 5 && sent.hasMore)
            let first = try #require(sent.list.first)
            #expect(try await client.massMessage(id: first.value1.id).value1.text == first.value1.text)

            let later = Date().addingTimeInterval(3600)
            let created = try await client.createMassMessage(.init(value1: .init(text: "From Swift"), value2: .init(scheduledDate: later)))
            #expect(try await client.massMessage(id: created.id).value1.text == "From Swift")
            #expect(try await client.scheduledMassMessagesPage().list.contains { $0.value1.id == created.id })
            _ = try await client.replaceMassMessage(id: created.id, with: .init(value1: .init(text: "Edited"), value2: .init(scheduledDate: later)))
            #expect(try await client.massMessage(id: created.id).value1.text == "Edited")
            _ = try await client.deleteMassMessage(id: created.id)
            await #expect(throws: FanoutClientError.self) { try await client.massMessage(id: created.id) }
        }
    }

    @Test(arguments: StorageBackend.available) func chatsAndMessages(backend: StorageBackend) async throws {
        try await ClientWorld.with(backend) { world in
            let client = world.client()
            let chats = try await client.chatsPage(order: .recent, limit: 5)
            #expect(chats.list.count == 5 && chats.hasMore)
            let fan = try #require(chats.list.first).withUser.id
            let page = try await client.chatMessagesPage(userID: fan, includeUsers: true, limit: 3)
            #expect(page.list.count <= 3)

            let message = try await client.sendMessage(to: fan, .init(text: "Hello from Swift"))
            #expect(message.value1.text == "Hello from Swift")
            #expect(try await client.chatMessagesPage(userID: fan, limit: 1).list.first?.value1.id == message.value1.id)
            #expect(try await client.chatsPage(limit: 1).list.first?.withUser.id == fan, "the chat just written to comes first")
            let unsent = try await client.unsendMessage(id: message.value1.id, userID: fan)
            #expect(unsent.success == true)
            #expect(try await client.chatMessagesPage(userID: fan, limit: 1).list.first?.value1.id != message.value1.id)
            _ = try await client.chatMedia(userID: fan, limit: 5)
        }
    }

    @Test(arguments: StorageBackend.available) func userLists(backend: StorageBackend) async throws {
        try await ClientWorld.with(backend) { world in
            let client = world.client()
            let list = try await client.createUserList(name: "Swift fans")
            #expect(try await client.userList(id: list.id).name == "Swift fans")
            #expect(try await client.renameUserList(id: list.id, to: "Swift VIPs").name == "Swift VIPs")
            #expect(try await client.userLists(query: "vips").list.map(\.id) == [list.id])

            let fan = try #require(try await client.chatsPage(limit: 1).list.first).withUser.id
            _ = try await client.addUserListMember(listID: list.id, userID: fan)
            #expect(try await client.userListMembers(listID: list.id).list.map(\.id) == [fan])
            var listed: [Int] = []
            for try await chat in client.chats(userListID: list.id, pageSize: 2) { listed.append(chat.withUser.id) }
            #expect(listed == [fan], "only the list's fan's chat")
            _ = try await client.removeUserListMember(listID: list.id, userID: fan)
            #expect(try await client.userListMembers(listID: list.id).list.isEmpty)
            _ = try await client.addUserToLists(userID: fan, listIDs: [list.id])
            #expect(try await client.userList(id: list.id).usersCount == 1)
            try await client.deleteUserList(id: list.id)
            let gone = await #expect(throws: FanoutClientError.self) { try await client.userList(id: list.id) }
            #expect(gone?.status == .notFound)
        }
    }

    @Test(arguments: StorageBackend.available) func analytics(backend: StorageBackend) async throws {
        try await ClientWorld.with(backend) { world in
            let client = world.client()
            let purchased = try await client.purchasedMassMessagesPage(limit: 3)
            #expect(!purchased.items.isEmpty)
            let sold = try #require(purchased.items.first)
            let buyers = try await client.buyersPage(massMessageID: sold.id, limit: 2)
            #expect(!buyers.list.isEmpty)
            let chart = try await client.massMessagesChart(from: ClientWorld.anchor.addingTimeInterval(-90 * 86_400), to: ClientWorld.anchor, withTotal: true)
            #expect(!(chart.groupMessages.chart ?? []).isEmpty && chart.groupMessages.total != nil)
            let sent = try await client.sentMassMessages(from: ClientWorld.anchor.addingTimeInterval(-90 * 86_400), to: ClientWorld.anchor, limit: 5)
            #expect(!sent.items.isEmpty)
        }
    }
}

extension FanoutClientMethodTests {
    @Test func subscribersVaultAndUploads() async throws {
        try await ClientWorld.with { world in
            let client = world.client()
            let active = try await client.subscribers(type: .active, limit: 5)
            let fan = try #require(active.list.first)
            #expect(try await client.user(id: fan.id).id == fan.id)

            // A 2×3 PNG header padded to 3,000 bytes: once whole, once in one part.
            let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13] + Array("IHDR".utf8)
                + [0, 0, 0, 2, 0, 0, 0, 3, 8, 2, 0, 0, 0, 0, 0, 0, 0]
            let file = png + (0..<(3_000 - png.count)).map { UInt8($0 % 251) }
            let whole = try await client.upload(file, filename: "swift.png", contentType: "image/png")
            #expect(whole.media.files?.full.width == 2 && whole.media.files?.full.height == 3)

            let started = try await client.startUpload(filename: "parts.png", size: file.count, contentType: "image/png")
            let part = try await client.uploadPart(uploadID: started, number: 1, bytes: file)
            let joined = try await client.completeUpload(uploadID: started)
            #expect(joined.media.id != whole.media.id)
            let check = try await client.checkUpload(etag: part.etag, size: file.count)
            #expect(check.exists && check.media != nil, "the vault has that file")

            let list = try await client.createVaultList(name: "Swift uploads")
            #expect(try await client.renameVaultList(id: list.id, to: "From Swift").name == "From Swift")
            _ = try await client.addVaultListMedia(listID: list.id, mediaIDs: [whole.media.id, joined.media.id])
            #expect(Set(try await client.vaultListMedia(listID: list.id).list.map(\.value1.id)) == [whole.media.id, joined.media.id])
            #expect(try await client.vaultList(id: list.id).hasMedia)
            #expect(try await client.vaultLists(query: "swift").list.map(\.id) == [list.id])
            #expect(try await client.vaultMedia(listID: list.id).list.count == 2)
            try await client.deleteVaultList(id: list.id)
            await #expect(throws: FanoutClientError.self) { try await client.vaultList(id: list.id) }
        }
    }
}
