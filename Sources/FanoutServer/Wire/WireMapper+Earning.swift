import FanoutAPI
import FanoutCore
import Foundation

extension WireMapper {
    /// Days an earning waits before it can be paid out (OnlyFans' hold).
    static let payoutHoldDays = 7

    /// `now`: the creator's clock, which says whether it still waits.
    func transaction(_ earning: Earning, now: Date) -> Components.Schemas.Transaction {
        .init(
            id: String(earning.id), _type: earning.kind.rawValue, createdAt: timestamp(earning.createdAt), amounts: amounts(earning.split),
            currency: "USD", description: description(earning), status: status(earning, now: now),
            payoutPendingDays: earning.chargedBackAt == nil ? pendingDays(earning, now: now) : 0, user: transactionUser(earning.fan))
    }

    func chargeback(_ chargeback: Chargeback, now: Date) -> Components.Schemas.Chargeback {
        let earning = chargeback.earning
        return .init(
            id: Int(chargeback.id), createdAt: timestamp(chargeback.createdAt), paymentType: earning.kind.rawValue,
            payment: .init(
                id: String(earning.id), createdAt: timestamp(earning.createdAt), amounts: amounts(earning.split), currency: "USD",
                description: description(earning), status: status(earning, now: now), user: transactionUser(earning.fan)))
    }

    private func amounts(_ split: EarningSplit) -> Components.Schemas.TransactionAmounts {
        .init(gross: split.gross.doubleValue, net: split.net.doubleValue, fee: split.fee.doubleValue, vat: 0, tax: 0)
    }

    private func description(_ earning: Earning) -> String {
        switch earning.kind {
        case .tip: "Tip from @\(earning.fan.username)"
        case .message: "Payment for message from @\(earning.fan.username)"
        }
    }

    private func status(_ earning: Earning, now: Date) -> String {
        if earning.chargedBackAt != nil { return "chargeback" }
        return pendingDays(earning, now: now) > 0 ? "pending" : "done"
    }

    /// Whole days left of the hold; 0 once over. The stored date and the
    /// clock are outside values: clamped before the conversion.
    private func pendingDays(_ earning: Earning, now: Date) -> Int {
        let elapsed = now.timeIntervalSince(earning.createdAt) / 86_400
        guard elapsed.isFinite else { return 0 }
        return Self.payoutHoldDays - Int(min(max(elapsed, 0), Double(Self.payoutHoldDays)))
    }

    private func transactionUser(_ fan: UserProfile) -> Components.Schemas.TransactionUser {
        let user = self.user(fan)
        return .init(id: user.id, name: user.name, username: user.username, avatar: user.avatar)
    }
}
