extension FanoutClient.UploadedMedia {
    package init(_ wire: Components.Schemas.UploadCompleted) throws {
        self.init(uploadID: wire.mediaUploadId, media: try FanoutClient.Media(wire.media))
    }
}

extension FanoutClient.UploadedPart {
    package init(_ wire: Components.Schemas.UploadPartReceived) {
        self.init(uploadID: wire.mediaUploadId, number: wire.partNumber, etag: wire.etag)
    }
}

extension FanoutClient.UploadCheck {
    package init(_ wire: Components.Schemas.UploadCheck) throws {
        self.init(exists: wire.exists, media: try wire.media.map(FanoutClient.Media.init))
    }
}
