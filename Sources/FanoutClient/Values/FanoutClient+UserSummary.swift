public import Foundation

extension FanoutClient {
    /// A user as an account or earnings record names them: a connection's
    /// creator, a transaction's fan.
    public struct UserSummary: Sendable, Hashable, Identifiable {
        public var id: Int
        public var name: String
        public var username: String
        /// nil when they have none.
        public var avatar: URL?

        public init(id: Int, name: String, username: String, avatar: URL? = nil) {
            self.id = id
            self.name = name
            self.username = username
            self.avatar = avatar
        }
    }
}
