import FanoutAPI
import FanoutTestSupport
import Foundation
import HTTPTypes
import Testing

/// `uploads/init` as the official SDK's `upload_media` calls it: `filesize`
/// and `mimeType` for `size` and `contentType`, and its parts cut by the
/// `x-ofauth-upload-*` headers of the answer.
@Suite struct UploadSDKSpellingTests {
    static let totalParts = HTTPField.Name("x-ofauth-upload-total-parts")!
    static let partSize = HTTPField.Name("x-ofauth-upload-part-size")!

    @Test(arguments: StorageBackend.available)
    func aFileCutByTheAnnouncedPartsBecomesVaultMedia(backend: StorageBackend) async throws {
        try await TestWorld.with(backend) { world in
            try await world.withClient { api in
                let file = UploadsEndpointTests.png(width: 640, height: 480, size: 12 << 20)
                let started = try await api.send("/v2/access/uploads/init", method: .post, as: world.owner, json: [
                    "filename": "sdk.png", "filesize": file.count, "mimeType": "image/png", "vaultUpload": NSNull(),
                ])
                #expect(started.status == .ok)
                let id = try started.decode(Components.Schemas.UploadStarted.self).mediaUploadId
                let parts = try #require(started.headers[Self.totalParts].flatMap { Int($0) })
                let size = try #require(started.headers[Self.partSize].flatMap { Int($0) })
                #expect(parts == 3 && size == 5 << 20)
                for number in 1...parts {
                    let bytes = file[(number - 1) * size..<min(number * size, file.count)]
                    #expect(try await UploadsEndpointTests.put(api, world.owner, "/v2/access/uploads/\(id)/parts/\(number)", bytes).status == .ok)
                }
                let media = try await UploadsEndpointTests.complete(api, world.owner, id).decode(Components.Schemas.UploadCompleted.self).media
                #expect(media.files?.full.size == file.count && media.files?.full.width == 640)
            }
        }
    }

    @Test func aSmallFileIsOnePartSentWhole() async throws {
        try await TestWorld.with(.sqlite) { world in
            try await world.withClient { api in
                let file = UploadsEndpointTests.png(width: 10, height: 10, size: 4096)
                let started = try await api.send("/v2/access/uploads/init", method: .post, as: world.owner, json: [
                    "filename": "small.png", "filesize": file.count, "mimeType": "image/png",
                ])
                #expect(started.headers[Self.totalParts] == "1")
                let id = try started.decode(Components.Schemas.UploadStarted.self).mediaUploadId
                let whole = try await UploadsEndpointTests.put(api, world.owner, "/v2/access/uploads/\(id)", file)
                #expect(try whole.decode(Components.Schemas.UploadCompleted.self).media.files?.full.size == file.count)
            }
        }
    }

    @Test(arguments: [
        (["filename": "a.png", "size": 10, "filesize": 11, "contentType": "image/png"], "filesize"),
        (["filename": "a.png", "size": 10, "contentType": "image/png", "mimeType": "image/jpeg"], "mimeType"),
        (["filename": "a.png", "contentType": "image/png"], "size"),
        (["filename": "a.png", "filesize": 10], "contentType"),
        (["filename": "a.png", "filesize": "ten", "mimeType": "image/png"], "filesize"),
    ] as [([String: any Sendable], String)])
    func twoSpellingsThatDisagreeOrNeitherAreA400NamingTheField(body: [String: any Sendable], field: String) async throws {
        try await TestWorld.with(.sqlite) { world in
            try await world.withClient { api in
                let response = try await api.send("/v2/access/uploads/init", method: .post, as: world.owner, json: body)
                #expect(response.status == .badRequest)
                #expect(try response.error.details?.field == field)
            }
        }
    }
}
