import FanoutCore
import FanoutTestSupport
import Foundation
import Testing

/// Uploads' bounds on every backend: room for parts reserved in the
/// transaction that checks it, the quota per creator checked with the
/// insert, and the purge of uploads left open.
@Suite struct UploadStoreContractTests {
    static let now = Date(timeIntervalSince1970: 1_800_000_000)

    static func upload(_ id: String, size: Int, creatorID: Int64 = 1, at date: Date = now) -> Upload {
        Upload(id: id, creatorID: creatorID, filename: "\(id).png", size: size, contentType: "image/png", createdAt: date)
    }

    static func reserve(
        _ storage: any FanoutStorage, _ id: String, part: Int, length: Int?, reservation: String = UUID().uuidString, at date: Date = now
    ) async throws -> UploadPartRoom {
        try await storage.reserveUploadPart(
            uploadID: id, number: part, length: length, reservationID: reservation, at: date,
            staleBefore: date.addingTimeInterval(-UploadAllowance.reservationLease))
    }

    @Test(arguments: StorageBackend.available)
    func partsReservedAtOnceNeverTogetherPassTheDeclaredSize(backend: StorageBackend) async throws {
        try await backend.withStorage { storage in
            try await storage.importDemo(DemoDataset.audience(creatorID: 1, fans: 1, since: Self.now.addingTimeInterval(-60)))
            #expect(try await storage.createUpload(Self.upload("mu_a", size: 10_000), quota: 1 << 30) == .created)
            let rooms = try await withThrowingTaskGroup(of: UploadPartRoom.self) { group in
                for part in 1...8 { group.addTask { try await Self.reserve(storage, "mu_a", part: part, length: 3_000) } }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(rooms.filter { $0 == .reserved(3_000) }.count == 3, "\(rooms)")
            #expect(rooms.filter { $0 == .full(left: 1_000) }.count == 5, "\(rooms)")
            // Unknown length: all that is left, then nothing.
            let rest = UUID().uuidString
            #expect(try await Self.reserve(storage, "mu_a", part: 9, length: nil, reservation: rest) == .reserved(1_000))
            #expect(try await Self.reserve(storage, "mu_a", part: 10, length: nil) == .full(left: 0))
            // A failed part gives its room back.
            try await storage.releaseUploadReservation(id: rest)
            #expect(try await Self.reserve(storage, "mu_a", part: 10, length: 1_000) == .reserved(1_000))
            #expect(try await Self.reserve(storage, "mu_b", part: 1, length: 1) == .gone)
        }
    }

    @Test(arguments: StorageBackend.available)
    func aRecordedPartIsReplacedInPlaceAndAStaleReservationStopsCounting(backend: StorageBackend) async throws {
        try await backend.withStorage { storage in
            try await storage.importDemo(DemoDataset.audience(creatorID: 1, fans: 1, since: Self.now.addingTimeInterval(-60)))
            _ = try await storage.createUpload(Self.upload("mu_a", size: 5_000), quota: 1 << 30)
            let first = UUID().uuidString
            #expect(try await Self.reserve(storage, "mu_a", part: 1, length: 5_000, reservation: first) == .reserved(5_000))
            #expect(try await storage.recordUploadPart(uploadID: "mu_a", part: UploadPart(number: 1, size: 5_000, etag: "e1"), reservationID: first))
            #expect(try await Self.reserve(storage, "mu_a", part: 2, length: 1) == .full(left: 0), "recorded bytes count")
            // Sending part 1 again (a retry) replaces it: its old bytes leave room for it.
            let again = UUID().uuidString
            #expect(try await Self.reserve(storage, "mu_a", part: 1, length: 4_000, reservation: again) == .reserved(4_000))
            #expect(try await storage.recordUploadPart(uploadID: "mu_a", part: UploadPart(number: 1, size: 4_000, etag: "e2"), reservationID: again))
            #expect(try await storage.uploadParts(uploadID: "mu_a") == [UploadPart(number: 1, size: 4_000, etag: "e2")])
            #expect(try await Self.reserve(storage, "mu_a", part: 2, length: 1_000) == .reserved(1_000))
            // That reservation's writer died: past the lease it no longer counts.
            let later = Self.now.addingTimeInterval(UploadAllowance.reservationLease + 1)
            #expect(try await Self.reserve(storage, "mu_a", part: 3, length: 1_000, at: later) == .reserved(1_000))
        }
    }

    @Test(arguments: StorageBackend.available)
    func uploadsStartedAtOnceStayWithinTheQuota(backend: StorageBackend) async throws {
        try await backend.withStorage { storage in
            try await storage.importDemo(DemoDataset.audience(creatorID: 1, fans: 1, since: Self.now.addingTimeInterval(-60)))
            let checks = try await withThrowingTaskGroup(of: UploadQuotaCheck.self) { group in
                for index in 0..<6 { group.addTask { try await storage.createUpload(Self.upload("mu_\(index)", size: 400), quota: 1_000) } }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(checks.filter { $0 == .created }.count == 2, "\(checks)")
            #expect(checks.filter { $0 == .overQuota(used: 800) }.count == 4, "\(checks)")
            #expect(try await storage.createUpload(Self.upload("mu_x", size: 200), quota: 1_000) == .created, "up to the quota exactly")
        }
    }

    @Test(arguments: StorageBackend.available)
    func uploadsLeftOpenArePurgedOnceEvenByTwoPurgesAtOnce(backend: StorageBackend) async throws {
        try await backend.withStorage { storage in
            try await storage.importDemo(DemoDataset.audience(creatorID: 1, fans: 1, since: Self.now.addingTimeInterval(-60)))
            let old = Self.now.addingTimeInterval(-UploadAllowance.openFor - 60)
            for index in 0..<30 { _ = try await storage.createUpload(Self.upload("mu_old\(index)", size: 10, at: old), quota: 1 << 30) }
            _ = try await storage.createUpload(Self.upload("mu_fresh", size: 10, at: Self.now.addingTimeInterval(-3_600)), quota: 1 << 30)
            _ = try await storage.createUpload(Self.upload("mu_done", size: 10, at: old), quota: 1 << 30)
            let media = try #require(try await storage.completeUpload(
                id: "mu_done",
                media: NewMedia(
                    creatorID: 1, kind: .photo, createdAt: old, width: 1, height: 1, duration: nil, size: 10, filename: "done.png",
                    file: StoredMediaFile(path: "1/mu_done.png", contentType: "image/png"), etag: "e"),
                urlPrefix: "/media/"))

            let cutoff = Self.now.addingTimeInterval(-UploadAllowance.openFor)
            let purged = try await withThrowingTaskGroup(of: [String].self) { group in
                for _ in 0..<2 { group.addTask { try await storage.purgeOpenUploads(createdBefore: cutoff, limit: 100) } }
                return try await group.reduce(into: []) { $0 += $1 }
            }
            #expect(purged.sorted() == (0..<30).map { "mu_old\($0)" }.sorted(), "each removed by one purge")
            #expect(try await storage.upload(id: "mu_fresh", creatorID: 1) != nil)
            #expect(try await storage.upload(id: "mu_done", creatorID: 1)?.mediaID == media.id, "a completed upload stays")
            #expect(try await storage.mediaFile(mediaID: media.id, creatorID: 1) != nil)
            #expect(try await storage.completeUpload(
                id: "mu_old0",
                media: NewMedia(
                    creatorID: 1, kind: .photo, createdAt: Self.now, width: 1, height: 1, duration: nil, size: 10, filename: "late.png",
                    file: StoredMediaFile(path: "1/mu_old0.png", contentType: "image/png"), etag: "f"),
                urlPrefix: "/media/") == nil, "a purged upload cannot complete")
        }
    }
}
