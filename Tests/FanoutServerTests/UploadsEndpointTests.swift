import Crypto
import FanoutAPI
import FanoutCore
import FanoutTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import Testing

@Suite struct UploadsEndpointTests {
    /// A PNG of `width`×`height` (its header) padded to `size` bytes.
    static func png(width: Int, height: Int, size: Int) -> [UInt8] {
        var bytes: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13] + Array("IHDR".utf8)
        for value in [width, height] { bytes += [UInt8(value >> 24 & 0xFF), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)] }
        bytes += [8, 2, 0, 0, 0, 0, 0, 0, 0]
        var filler = SystemRandomNumberGenerator()
        return bytes + (0..<(size - bytes.count)).map { _ in UInt8.random(in: 0...255, using: &filler) }
    }

    static func md5(_ bytes: some Collection<UInt8>) -> String {
        Insecure.MD5.hash(data: Array(bytes)).map { String(format: "%02x", $0) }.joined()
    }

    static func start(_ api: APIClient, _ caller: Caller, name: String = "beach.png", size: Int, type: String = "image/png") async throws
        -> String {
        let response = try await api.send("/v2/access/uploads/init", method: .post, as: caller, json: [
            "filename": name, "size": size, "contentType": type, "vaultUpload": ["mode": "message"],
        ])
        return try response.decode(Components.Schemas.UploadStarted.self).mediaUploadId
    }

    static func put(_ api: APIClient, _ caller: Caller, _ path: String, _ bytes: some Collection<UInt8>) async throws -> APIResponse {
        var headers = caller.headers
        headers[.contentType] = "application/octet-stream"
        return try await api.send(path, method: .put, headers: headers, body: ByteBuffer(bytes: Array(bytes)))
    }

    static func complete(_ api: APIClient, _ caller: Caller, _ id: String) async throws -> APIResponse {
        try await api.send("/v2/access/uploads/complete", method: .post, as: caller, json: ["mediaUploadId": id])
    }

    @Test(arguments: StorageBackend.available)
    func twentyMegabytesInPartsOutOfOrderBecomeVaultMediaThatMessagesCarry(backend: StorageBackend) async throws {
        try await TestWorld.with(backend) { world in
            try await world.withClient { api in
                let file = Self.png(width: 1280, height: 720, size: 20 << 20)
                let id = try await Self.start(api, world.owner, size: file.count)
                let partSize = 5 << 20
                for number in [3, 1, 4, 2] {
                    let bytes = file[(number - 1) * partSize..<min(number * partSize, file.count)]
                    let response = try await Self.put(api, world.owner, "/v2/access/uploads/\(id)/parts/\(number)", bytes)
                    let part = try response.decode(Components.Schemas.UploadPartReceived.self)
                    #expect(part.partNumber == number && part.etag == Self.md5(bytes))
                    #expect(response.headers[.eTag] == "\"\(part.etag)\"")
                }
                let partCheck = try await api.send("/v2/access/uploads/check", method: .post, as: world.owner, json: [
                    "etag": Self.md5(file[0..<partSize]), "size": partSize,
                ]).decode(Components.Schemas.UploadCheck.self)
                #expect(partCheck.exists && partCheck.media == nil)

                let completed = try await Self.complete(api, world.owner, id).decode(Components.Schemas.UploadCompleted.self)
                let media = completed.media
                #expect(media._type == .photo && media.files?.full.width == 1280 && media.files?.full.height == 720)
                #expect(media.files?.full.size == file.count && media.files?.full.url == "http://fanout.test/media/\(media.id)")
                let again = try await Self.complete(api, world.owner, id).decode(Components.Schemas.UploadCompleted.self)
                #expect(again.media.id == media.id, "completing twice answers the same media")
                let fileCheck = try await api.send("/v2/access/uploads/check", method: .post, as: world.owner, json: [
                    "etag": Self.md5(file), "size": file.count,
                ]).decode(Components.Schemas.UploadCheck.self)
                #expect(fileCheck.exists && fileCheck.media?.id == media.id)
                #expect(try world.mediaFiles() == ["\(world.owner.creatorID)/\(id).png"], "one file, no parts left")

                let vault = try await api.get("/v2/access/vault/media?limit=1", as: world.owner).decode(Components.Schemas.VaultMediaPage.self)
                #expect(vault.list.first?.value1.id == media.id)
                let found = try await api.get("/v2/access/vault/media?query=BEACH", as: world.owner).decode(Components.Schemas.VaultMediaPage.self)
                #expect(found.list.map(\.value1.id) == [media.id], "an upload's file name is searchable")

                let served = try await api.get("/media/\(media.id)", as: world.owner)
                #expect(served.status == .ok && served.headers[.contentType] == "image/png" && Array(served.body) == file)
                #expect(try await api.get("/media/\(media.id)", as: world.otherTenant).status == .notFound)
                #expect(try await api.get("/media/\(media.id)", as: world.secondCreator).status == .notFound)
                #expect(try await api.get("/media/\(media.id)", as: world.readOnly).status == .forbidden)
                #expect(try await api.get("/media/\(media.id)", as: nil).status == .unauthorized)

                // Usable at once: a mass message carries it into a fan's chat.
                try await world.fanOut.drain()
                let sent = try await api.send("/v2/access/mass-messages", method: .post, as: world.owner, json: [
                    "text": "Fresh upload", "mediaItems": [media.id],
                ]).decode(Components.Schemas.MassMessageCreated.self)
                _ = try await world.fanOut.drain()
                let chat = try #require(try await ChatsEndpointTests.all(api, world.owner).first)
                let page = try await api.get("/v2/access/chats/\(chat.withUser.id)/messages?limit=1", as: world.owner)
                    .decode(Components.Schemas.MessageList.self)
                #expect(page.list.first?.value1.queueId == sent.id)
                #expect(page.list.first?.value1.media.map(\.id) == [media.id])
            }
        }
    }

    @Test(arguments: StorageBackend.available) func aWholeFileInOnePutIsCompleteAtOnce(backend: StorageBackend) async throws {
        try await TestWorld.with(backend) { world in
            try await world.withClient { api in
                let file = Self.png(width: 2, height: 3, size: 4_000)
                let id = try await Self.start(api, world.owner, name: "tiny.png", size: file.count)
                let response = try await Self.put(api, world.owner, "/v2/access/uploads/\(id)", file)
                let media = try response.decode(Components.Schemas.UploadCompleted.self).media
                #expect(media.files?.full.width == 2 && media.files?.full.height == 3)
                #expect(Array(try await api.get("/media/\(media.id)", as: world.owner).body) == file)
                let late = try await Self.put(api, world.owner, "/v2/access/uploads/\(id)/parts/2", file)
                #expect(try late.error.details?.field == "mediaUploadId", "a complete upload takes no more parts")
            }
        }
    }

    @Test(arguments: StorageBackend.available) func mismatchesAreRefusedAndLeaveNothingBehind(backend: StorageBackend) async throws {
        try await TestWorld.with(backend) { world in
            try await world.withClient { api in
                let vault = try await VaultEndpointTests.all(api, world.owner).count
                let file = Self.png(width: 10, height: 10, size: 3_000)

                // Fewer bytes than declared.
                let short = try await Self.start(api, world.owner, size: 5_000)
                #expect(try await Self.put(api, world.owner, "/v2/access/uploads/\(short)/parts/1", file).status == .ok)
                let shortAnswer = try await Self.complete(api, world.owner, short)
                #expect(shortAnswer.status == .badRequest)
                #expect(try shortAnswer.error.details?.field == "size")
                #expect(try await Self.complete(api, world.owner, short).status == .notFound, "the upload is gone")

                // More bytes than declared: the part is refused as it streams.
                let long = try await Self.start(api, world.owner, size: 1_000)
                let tooMuch = try await Self.put(api, world.owner, "/v2/access/uploads/\(long)/parts/1", file)
                #expect(tooMuch.status == .badRequest)
                #expect(try tooMuch.error.details?.field == "size")

                // A PNG declared as a video.
                let wrong = try await Self.start(api, world.owner, name: "clip.mp4", size: file.count, type: "video/mp4")
                let typeAnswer = try await Self.put(api, world.owner, "/v2/access/uploads/\(wrong)", file)
                #expect(typeAnswer.status == .badRequest)
                #expect(try typeAnswer.error.details?.field == "contentType")

                // A gap: part 2 missing until sent.
                let gap = try await Self.start(api, world.owner, size: file.count)
                _ = try await Self.put(api, world.owner, "/v2/access/uploads/\(gap)/parts/1", file[0..<1_000])
                _ = try await Self.put(api, world.owner, "/v2/access/uploads/\(gap)/parts/3", file[2_000...])
                let missing = try await Self.complete(api, world.owner, gap)
                #expect(try missing.error.details?.field == "partNumber")
                _ = try await Self.put(api, world.owner, "/v2/access/uploads/\(gap)/parts/2", file[1_000..<2_000])
                #expect(try await Self.complete(api, world.owner, gap).status == .ok)

                // An upload never completed (a client that died) stays out of sight.
                let abandoned = try await Self.start(api, world.owner, size: file.count)
                _ = try await Self.put(api, world.owner, "/v2/access/uploads/\(abandoned)/parts/1", file[0..<1_000])

                #expect(try await VaultEndpointTests.all(api, world.owner).count == vault + 1, "only the completed upload")
                let files = try world.mediaFiles()
                #expect(files == ["\(world.owner.creatorID)/\(gap).png", "uploads/\(abandoned)/1.part"],
                        "the refused uploads left nothing; the abandoned one only its part, never a media file")
                #expect(try await Self.complete(api, world.otherTenant, gap).status == .notFound, "another creator's upload")

                let bad = try await api.send("/v2/access/uploads/init", method: .post, as: world.owner, json: [
                    "filename": "x.pdf", "size": 10, "contentType": "application/pdf",
                ])
                #expect(try bad.error.details?.field == "contentType")
                let huge = try await api.send("/v2/access/uploads/init", method: .post, as: world.owner, json: [
                    "filename": "x.mp4", "size": 65 << 20, "contentType": "video/mp4",
                ])
                #expect(try huge.error.details?.field == "size", "over --max-upload-size")
                #expect(try await api.send("/v2/access/uploads/init", method: .post, as: world.readOnly, json: [
                    "filename": "x.png", "size": 10, "contentType": "image/png",
                ]).status == .forbidden)
            }
        }
    }

    @Test(arguments: StorageBackend.available)
    func partsSentAtOnceNeverTogetherPassTheDeclaredSize(backend: StorageBackend) async throws {
        try await TestWorld.with(backend) { world in
            try await world.withClient { api in
                let file = Self.png(width: 4, height: 4, size: 15_000)
                let id = try await Self.start(api, world.owner, size: 10_000)
                let answers = try await withThrowingTaskGroup(of: (Int, APIResponse).self) { group in
                    for number in 1...5 {
                        group.addTask {
                            (number, try await Self.put(
                                api, world.owner, "/v2/access/uploads/\(id)/parts/\(number)", file[(number - 1) * 3_000..<number * 3_000]))
                        }
                    }
                    return try await group.reduce(into: []) { $0.append($1) }
                }
                let accepted = answers.filter { $0.1.status == .ok }
                #expect(!accepted.isEmpty && accepted.count <= 3, "at most 10,000 of the 15,000 bytes: \(accepted.count) parts of 3,000")
                for (number, answer) in answers where answer.status != .ok {
                    #expect(answer.status == .badRequest)
                    #expect(try answer.error.details?.field == "size", "part \(number)")
                }
                let stored = try world.mediaFiles().filter { $0.hasPrefix("uploads/\(id)/") }
                #expect(stored.count == accepted.count, "only the accepted parts are on disk: \(stored)")
            }
        }
    }

    @Test(arguments: StorageBackend.available)
    func uploadsPastTheCreatorsQuotaAreRefusedNamingIt(backend: StorageBackend) async throws {
        try await TestWorld.with(backend) { base in
            var dependencies = base.dependencies
            dependencies.media?.uploadQuota = 10_000
            let world = TestWorld(dependencies: dependencies, clock: base.clock, credentials: base.credentials)
            try await world.withClient { api in
                let file = Self.png(width: 2, height: 2, size: 6_000)
                let id = try await Self.start(api, world.owner, size: file.count)
                #expect(try await Self.put(api, world.owner, "/v2/access/uploads/\(id)", file).status == .ok)
                let open = try await Self.start(api, world.owner, size: 3_000)
                let over = try await api.send("/v2/access/uploads/init", method: .post, as: world.owner, json: [
                    "filename": "more.png", "size": 1_001, "contentType": "image/png",
                ])
                #expect(over.status == .badRequest)
                #expect(try over.error.details?.field == "size")
                let message = try over.error.message
                #expect(message.contains("quota"), "\(message)")
                _ = try await Self.start(api, world.owner, size: 1_000)  // stored 6,000 + open 3,000 + 1,000: the quota exactly
                _ = open
                // Another creator has a quota of its own.
                _ = try await Self.start(api, world.secondCreator, size: 10_000)
            }
        }
    }

    @Test(arguments: StorageBackend.available)
    func uploadsNotCompletedWithinADayGoWithTheirFiles(backend: StorageBackend) async throws {
        try await TestWorld.with(backend) { world in
            try await world.withClient { api in
                let file = Self.png(width: 3, height: 3, size: 5_000)
                let done = try await Self.start(api, world.owner, name: "done.png", size: file.count)
                let media = try await Self.put(api, world.owner, "/v2/access/uploads/\(done)", file)
                    .decode(Components.Schemas.UploadCompleted.self).media
                let stale = try await Self.start(api, world.owner, size: file.count)
                _ = try await Self.put(api, world.owner, "/v2/access/uploads/\(stale)/parts/1", file[0..<2_000])

                world.clock.set(world.clock.now().addingTimeInterval(UploadAllowance.openFor + 60))
                let fresh = try await Self.start(api, world.owner, size: file.count)
                _ = try await Self.put(api, world.owner, "/v2/access/uploads/\(fresh)/parts/1", file[0..<2_000])
                let service = UploadService(
                    store: world.dependencies.storage, files: world.dependencies.media?.files, clock: world.clock, urlPrefix: "/media/",
                    realClock: world.clock)
                #expect(try await service.purgeExpired() == 1)
                #expect(try await service.purgeExpired() == 0)

                #expect(try world.mediaFiles() == ["\(world.owner.creatorID)/\(done).png", "uploads/\(fresh)/1.part"])
                #expect(try await Self.put(api, world.owner, "/v2/access/uploads/\(stale)/parts/2", file[2_000...]).status == .notFound)
                #expect(Array(try await api.get("/media/\(media.id)", as: world.owner).body) == file, "a completed upload's file stays")
                _ = try await Self.put(api, world.owner, "/v2/access/uploads/\(fresh)/parts/2", file[2_000...])
                #expect(try await Self.complete(api, world.owner, fresh).status == .ok, "a fresh one goes on")
            }
        }
    }
}
