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
    /// Amount ranges on what the fan tipped or spent (`filter`).
    public var filter: SubscriberFilter

    public init(kind: Kind, search: String?, page: PageRequest, filter: SubscriberFilter = SubscriberFilter()) {
        self.kind = kind
        self.search = search
        self.page = page
        self.filter = filter
    }
}
