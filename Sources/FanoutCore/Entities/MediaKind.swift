public enum MediaKind: String, CaseIterable, Sendable, Codable {
    case photo, video, gif, audio

    /// image/gif is a gif; other image/*, video/* and audio/* types their
    /// kind (type and subtype only: letters, digits, `.`, `+`, `-`).
    public init?(contentType: String) {
        let parts = contentType.lowercased().split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[1].isEmpty,
              parts[1].utf8.allSatisfy({ (97...122).contains($0) || (48...57).contains($0) || $0 == 46 || $0 == 43 || $0 == 45 })
        else { return nil }
        switch parts[0] {
        case "image": self = parts[1] == "gif" ? .gif : .photo
        case "video": self = .video
        case "audio": self = .audio
        default: return nil
        }
    }

    /// Pictures are their own preview (nothing is resized).
    public var isPicture: Bool { self == .photo || self == .gif }
}
