public import Foundation

extension FanoutClient {
    /// One of the creator's earnings: a tip or a paid message.
    public struct Transaction: Sendable, Hashable, Identifiable {
        /// What a transaction was for.
        public enum Kind: String, Sendable, Hashable, CaseIterable {
            case subscription = "subscribes"
            /// A paid chat message opened.
            case chatMessage = "chat_messages"
            case post
            case stream
            case tip = "tips"
        }

        public enum Status: String, Sendable, Hashable, CaseIterable {
            /// Paid out, or payable.
            case done
            /// Within its days before payout (`payoutPendingDays`).
            case pending
            /// Taken back by the fan's bank; it stays listed.
            case chargeback
        }

        /// The money of one transaction, in its currency.
        public struct Amounts: Sendable, Hashable {
            /// What the fan paid.
            public var gross: Decimal
            /// What the creator gets: `gross` less `fee`.
            public var net: Decimal
            /// The platform's fee (20 % of `gross`, rounded down to the cent).
            public var fee: Decimal
            public var vat: Decimal
            public var tax: Decimal

            public init(gross: Decimal, net: Decimal, fee: Decimal, vat: Decimal = 0, tax: Decimal = 0) {
                self.gross = gross
                self.net = net
                self.fee = fee
                self.vat = vat
                self.tax = tax
            }
        }

        public var id: String
        public var kind: Kind
        public var createdAt: Date
        public var amounts: Amounts
        /// ISO 4217 (`USD`).
        public var currency: String
        /// What it was for, as the creator's statement says it.
        public var description: String
        public var status: Status
        /// Days before it can be paid out: 0 once payable or charged back.
        public var payoutPendingDays: Int
        /// The fan who paid.
        public var fan: UserSummary

        public init(
            id: String, kind: Kind, createdAt: Date, amounts: Amounts, currency: String, description: String, status: Status,
            payoutPendingDays: Int, fan: UserSummary
        ) {
            self.id = id
            self.kind = kind
            self.createdAt = createdAt
            self.amounts = amounts
            self.currency = currency
            self.description = description
            self.status = status
            self.payoutPendingDays = payoutPendingDays
            self.fan = fan
        }
    }

    /// Where a tip was given (the sandbox's tips all come from chats).
    public enum TipsSource: String, Sendable, Hashable, CaseIterable {
        case chat
        case postAll = "post_all"
        case profile
        case story
        case stream
    }
}
