import FanoutCore

/// Where uploaded files live and how their URLs read.
public struct MediaStorage: Sendable {
    public var files: DiskMediaFiles
    /// What a media's URL starts with (`http://…/media/`); its id follows.
    public var urlPrefix: String
    public var maxUploadSize: Int

    public init(files: DiskMediaFiles, urlPrefix: String, maxUploadSize: Int = UploadService.defaultMaxUploadSize) {
        self.files = files
        self.urlPrefix = urlPrefix
        self.maxUploadSize = maxUploadSize
    }
}
