import Crypto
import Dispatch
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Upload bytes on disk, under one folder: an open upload's parts in
/// `uploads/<upload id>/`, each written under a temporary name and renamed
/// once whole; a complete file assembled there under a temporary name, then
/// renamed to `<creator id>/<upload id>.<extension>`. Nothing half-written
/// ever has a final name, so a killed upload leaves nothing in the vault.
public final class DiskMediaFiles: Sendable {
    public let root: URL
    /// Whole-file work (assembling, probing, renaming) blocks: it runs here,
    /// not on the cooperative threads.
    private let queue = DispatchQueue(label: "fanout.media-files", attributes: .concurrent)

    public init(root: URL) throws {
        self.root = root
        try FileManager.default.createDirectory(at: root.appendingPathComponent("uploads"), withIntermediateDirectories: true)
    }

    private func uploadFolder(_ uploadID: String) -> URL { root.appendingPathComponent("uploads").appendingPathComponent(uploadID) }
    private func partURL(_ uploadID: String, _ number: Int) -> URL { uploadFolder(uploadID).appendingPathComponent("\(number).part") }

    /// Streams one part to disk (never whole in memory), MD5 as it goes; at
    /// most `maxBytes`, else nothing is kept and `tooLarge` is thrown.
    public func writePart<Chunks: AsyncSequence>(
        uploadID: String, number: Int, maxBytes: Int, chunks: Chunks, tooLarge: @autoclosure () -> any Error
    ) async throws -> UploadPart where Chunks.Element: DataProtocol {
        let folder = uploadFolder(uploadID)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let temporary = folder.appendingPathComponent("\(number).part.\(UUID().uuidString).tmp")
        guard FileManager.default.createFile(atPath: temporary.path, contents: nil) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: temporary.path])
        }
        var kept = false
        defer { if !kept { try? FileManager.default.removeItem(at: temporary) } }
        let handle = try FileHandle(forWritingTo: temporary)
        var hash = Insecure.MD5()
        var size = 0
        do {
            for try await chunk in chunks {
                size += chunk.count
                if size > maxBytes { throw tooLarge() }
                hash.update(data: chunk)
                try handle.write(contentsOf: chunk)
            }
            try handle.close()
        } catch {
            try? handle.close()
            throw error
        }
        try Self.rename(temporary, to: partURL(uploadID, number))
        kept = true
        return UploadPart(number: number, size: size, etag: Self.hex(hash.finalize()))
    }

    /// The parts 1…`count` in one file under a temporary name, its MD5, and what it is.
    public func assemble(uploadID: String, partCount: Int) async throws -> (temporary: URL, etag: String, probe: MediaProbe?) {
        let folder = uploadFolder(uploadID)
        return try await blocking {
            let target = folder.appendingPathComponent("assembled.\(UUID().uuidString).tmp")
            guard FileManager.default.createFile(atPath: target.path, contents: nil) else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: target.path])
            }
            let output = try FileHandle(forWritingTo: target)
            defer { try? output.close() }
            var hash = Insecure.MD5()
            for number in 1...max(partCount, 1) {
                let input = try FileHandle(forReadingFrom: self.partURL(uploadID, number))
                defer { try? input.close() }
                while let chunk = try input.read(upToCount: 1 << 20), !chunk.isEmpty {
                    hash.update(data: chunk)
                    try output.write(contentsOf: chunk)
                }
            }
            try output.synchronize()
            let size = Int(try output.offset())
            let reader = try FileHandle(forReadingFrom: target)
            defer { try? reader.close() }
            let probe = try MediaProbe.probe(size: size) { offset, count in
                try reader.seek(toOffset: UInt64(offset))
                return [UInt8](try reader.read(upToCount: count) ?? Data())
            }
            return (target, Self.hex(hash.finalize()), probe)
        }
    }

    /// Moves an assembled file to its final name (`relativePath`).
    public func publish(_ temporary: URL, as relativePath: String) async throws {
        let target = root.appendingPathComponent(relativePath)
        try await blocking {
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Self.rename(temporary, to: target)
        }
    }

    /// Forgets an upload's parts and temporary files.
    public func discard(uploadID: String) async {
        let folder = uploadFolder(uploadID)
        try? await blocking { try FileManager.default.removeItem(at: folder) }
    }

    /// Removes a published file (a completion that found its upload gone).
    public func remove(_ file: StoredMediaFile) async {
        let url = root.appendingPathComponent(file.path)
        try? await blocking { try FileManager.default.removeItem(at: url) }
    }

    /// The absolute path of a stored file, when it exists.
    public func path(of file: StoredMediaFile) -> String? {
        let url = root.appendingPathComponent(file.path)
        return FileManager.default.fileExists(atPath: url.path) ? url.path : nil
    }

    private func blocking<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            queue.async { continuation.resume(with: Result { try work() }) }
        }
    }

    /// rename(2): atomic, and replaces what was there.
    private static func rename(_ source: URL, to target: URL) throws {
        #if canImport(Glibc)
        let result = Glibc.rename(source.path, target.path)
        #else
        let result = Darwin.rename(source.path, target.path)
        #endif
        guard result == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
    }

    static func hex(_ digest: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        for byte in digest { text += [digits[Int(byte >> 4)], digits[Int(byte & 0xF)]] }
        return String(decoding: text, as: UTF8.self)
    }
}
