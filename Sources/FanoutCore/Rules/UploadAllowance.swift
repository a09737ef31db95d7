import Foundation

/// How many bytes uploads may hold, decided here once; each backend applies
/// it inside the transaction that reads the numbers, so concurrent requests
/// see each other's reservations. Every number may come from a stored row:
/// no trapping arithmetic.
public enum UploadAllowance {
    /// Uploads not completed within this time are removed with their files.
    public static let openFor: TimeInterval = 24 * 3_600
    /// 10 GiB: a creator's stored media plus open uploads' declared sizes.
    public static let defaultQuota = 10 << 30
    /// A part's reservation no longer counts once not renewed for this long
    /// (the server writing it died); a writer renews it every `renewEvery`.
    public static let reservationLease: TimeInterval = 120
    public static let renewEvery: Duration = .seconds(30)

    /// The bytes a part arriving now may take, or nil when none fit.
    /// `reserved`: the upload's recorded parts plus its live reservations;
    /// `replaced`: the recorded size of the part of the same number, which
    /// the new one replaces (it stays on disk until then, so disk use stays
    /// within `declared` plus one part); `length`: the request's
    /// Content-Length, nil when unknown (then the part may take all that is
    /// left, and parts sent beside it find no room).
    public static func partReservation(declared: Int, reserved: Int, replaced: Int, length: Int?) -> Int? {
        let others = max(0, reserved.subtractingReportingOverflow(max(0, replaced)).partialValue)
        let left = declared.subtractingReportingOverflow(others)
        guard !left.overflow, left.partialValue >= 0 else { return nil }
        if let length {
            return (0...left.partialValue).contains(length) ? length : nil
        }
        return left.partialValue > 0 ? left.partialValue : nil
    }

    /// The bytes left for parts of an upload (for the refusal's message).
    public static func room(declared: Int, reserved: Int, replaced: Int) -> Int {
        let others = max(0, reserved.subtractingReportingOverflow(max(0, replaced)).partialValue)
        let left = declared.subtractingReportingOverflow(others)
        return left.overflow ? 0 : max(0, left.partialValue)
    }

    /// Whether an upload declaring `size` bytes fits a creator who already
    /// uses `used` (stored media plus open uploads) under `quota`.
    public static func fitsQuota(used: Int, adding size: Int, quota: Int) -> Bool {
        let total = max(0, used).addingReportingOverflow(max(0, size))
        return !total.overflow && total.partialValue <= quota
    }
}

/// What a backend found when asked to reserve room for a part.
public enum UploadPartRoom: Sendable, Equatable {
    /// Reserved this many bytes: the part may write at most that.
    case reserved(Int)
    /// No room: `left` bytes remain of the declared size.
    case full(left: Int)
    /// The upload is gone (completed, discarded or removed as too old).
    case gone
}

/// What a backend found when asked to open an upload under a quota.
public enum UploadQuotaCheck: Sendable, Equatable {
    case created
    /// Not created: the creator already uses `used` bytes.
    case overQuota(used: Int)
}
