import FanoutCore

/// Where uploaded files live and how their URLs read.
public struct MediaStorage: Sendable {
    public var files: DiskMediaFiles
    /// What a media's URL starts with (`http://…/media/`); its id follows.
    public var urlPrefix: String
    public var maxUploadSize: Int
    /// Bytes a creator may hold in stored media and open uploads.
    public var uploadQuota: Int

    public init(
        files: DiskMediaFiles, urlPrefix: String, maxUploadSize: Int = UploadService.defaultMaxUploadSize,
        uploadQuota: Int = UploadAllowance.defaultQuota
    ) {
        self.files = files
        self.urlPrefix = urlPrefix
        self.maxUploadSize = maxUploadSize
        self.uploadQuota = uploadQuota
    }
}

extension AppDependencies {
    /// Uploads as this server takes them: the routes and the purge of
    /// uploads left open share it. Real time throughout (the sandbox's clock
    /// moves no upload's expiry).
    var uploadService: UploadService {
        UploadService(
            store: storage, files: media?.files, clock: realClock, maxUploadSize: media?.maxUploadSize ?? UploadService.defaultMaxUploadSize,
            uploadQuota: media?.uploadQuota ?? UploadAllowance.defaultQuota, urlPrefix: media?.urlPrefix ?? "/media/", realClock: realClock)
    }
}
