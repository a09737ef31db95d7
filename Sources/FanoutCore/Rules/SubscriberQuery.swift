import Foundation

/// One page of a creator's subscribers, newest subscription first.
public struct SubscriberQuery: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case all, active, expired
        /// Subscribed within these days (start of the first to the end of the last).
        case latest(DayRange)
    }

    public var kind: Kind
    public var search: String?
    public var page: PageRequest

    public init(kind: Kind, search: String?, page: PageRequest) {
        self.kind = kind
        self.search = search
        self.page = page
    }
}
