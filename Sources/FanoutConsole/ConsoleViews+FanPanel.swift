import FanoutCore

extension ConsoleViews {
    /// Beside a chat: what the fan spent, the creator's nickname and note for
    /// them, and (for a subscriber, with `subscribers:write`) the form that edits both.
    struct FanPanel {
        var spent: String
        var nickname: String?
        var notice: String?
        /// The form's current values (empty strings when none).
        var nicknameValue: String
        var noticeValue: String
        var canEdit: Bool
        var error: String?
    }

    static func fanPanel(_ account: FanAccount, canEdit: Bool, error: String?) -> FanPanel {
        let detail = account.detail
        return FanPanel(
            spent: account.spent.decimalString, nickname: detail.displayName.isEmpty ? nil : detail.displayName,
            notice: detail.notice.isEmpty ? nil : detail.notice, nicknameValue: detail.displayName, noticeValue: detail.notice,
            canEdit: canEdit && account.isSubscriber, error: error)
    }
}
