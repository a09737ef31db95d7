import FanoutCore
import Foundation
import Testing

/// What each event changes, decided once for both storage backends.
@Suite struct WriteEffectsTests {
    let now = Date(timeIntervalSince1970: 1_763_800_000)  // 2025-11-22
    var day: String { DayRange.key(now) }

    @Test func aFanMessageWithoutTipIsUnreadAndHeardOf() {
        let effects = FanMessage(creatorID: 1, fanID: 2, chatID: 3, messageID: 40, tip: nil, at: now).effects
        #expect(effects == [
            .chat(ChatSummaryChange(chatID: 3, lastMessage: .newest(40), unread: 1)),
            .event(.chatMessageReceived, creatorID: 1, subjectID: 40, fanID: nil, at: now),
        ])
    }

    @Test func aTipAddsToTipsAndSpentAndMarksAnUnreadTip() {
        let effects = FanMessage(creatorID: 1, fanID: 2, chatID: 3, messageID: 40, tip: Money(cents: 500), at: now).effects
        #expect(effects.first == .chat(ChatSummaryChange(
            chatID: 3, lastMessage: .newest(40), unread: 1, unreadTip: true, tipsCents: 500, spentCents: 500)))
        // Tips are not tallied as purchases; each is a row of the creator's earnings.
        #expect(!effects.contains { if case .tally = $0 { true } else { false } })
        #expect(effects.last == .earn(creatorID: 1, fanID: 2, kind: .tip, sourceID: 40, amountCents: 500, at: now))
    }

    @Test func buyingADeliveryRaisesItsMassMessageAndWritesAnEventWithThePurchase() {
        let effects = MessagePurchase(
            creatorID: 1, fanID: 2, chatID: 3, purchaseID: 77, price: Money(cents: 999), massMessageID: 9, at: now
        ).effects
        #expect(effects == [
            .chat(ChatSummaryChange(chatID: 3, spentCents: 999)),
            .tally(creatorID: 1, kind: .groupMessagesPurchases, day: day, count: 1, grossCents: 999),
            .earn(creatorID: 1, fanID: 2, kind: .message, sourceID: 77, amountCents: 999, at: now),
            .raise(.purchased, massMessageID: 9),
            .event(.massMessagePurchased, creatorID: 1, subjectID: 77, fanID: 2, at: now),
        ])
    }

    @Test func buyingADirectMessageTalliesButRaisesNothingAndWritesNoEvent() {
        let effects = MessagePurchase(
            creatorID: 1, fanID: 2, chatID: 3, purchaseID: 77, price: Money(cents: 250), massMessageID: nil, at: now
        ).effects
        #expect(effects == [
            .chat(ChatSummaryChange(chatID: 3, spentCents: 250)),
            .tally(creatorID: 1, kind: .directMessagesPurchases, day: day, count: 1, grossCents: 250),
            .earn(creatorID: 1, fanID: 2, kind: .message, sourceID: 77, amountCents: 250, at: now),
        ])
    }

    @Test func openingCountsAViewOnlyForADelivery() {
        #expect(MessageOpened(massMessageID: 9).effects == [.raise(.viewed, massMessageID: 9)])
        #expect(MessageOpened(massMessageID: nil).effects.isEmpty)
    }

    @Test func aTakenDeliveryIsTheChatsLastUnlessANewerExists() {
        #expect(DeliveryTaken(chatID: 3, messageID: 50).effects == [.chat(ChatSummaryChange(chatID: 3, lastMessage: .atLeast(50)))])
    }

    @Test func aDirectMessageIsTheNewestAndTalliedWithoutEvent() {
        #expect(DirectMessageSent(creatorID: 1, chatID: 3, messageID: 60, at: now).effects == [
            .chat(ChatSummaryChange(chatID: 3, lastMessage: .newest(60))),
            .tally(creatorID: 1, kind: .directMessages, day: day, count: 1, grossCents: 0),
        ])
    }

    @Test func unsendingFallsBackToTheNewestRemainingAndTellsWhoseChat() {
        #expect(DirectMessageUnsent(creatorID: 1, fanID: 2, chatID: 3, messageID: 60, at: now).effects == [
            .chat(ChatSummaryChange(chatID: 3, lastMessage: .newestRemaining)),
            .event(.chatMessageDeleted, creatorID: 1, subjectID: 60, fanID: 2, at: now),
        ])
    }

    @Test func aRecallWithdrawsUnboughtDeliveriesAndCancels() {
        #expect(MassMessageRecall(massMessageID: 9, creatorID: 1).effects == [.withdrawUnbought(massMessageID: 9, creatorID: 1)])
        #expect(MassMessageRecall.state == .canceled && MassMessageRecall.listType == .unsent)
    }

    @Test func aFanOutBatchTalliesItsDeliveriesAndTheLastOneTellsItWasSent() {
        #expect(FanOutBatch(creatorID: 1, massMessageID: 9, count: 1_000, finished: false, at: now).effects == [
            .tally(creatorID: 1, kind: .groupMessages, day: day, count: 1_000, grossCents: 0),
        ])
        #expect(FanOutBatch(creatorID: 1, massMessageID: 9, count: 10, finished: true, at: now).effects == [
            .tally(creatorID: 1, kind: .groupMessages, day: day, count: 10, grossCents: 0),
            .event(.massMessageSent, creatorID: 1, subjectID: 9, fanID: nil, at: now),
        ])
        // An empty last batch still finishes; it tallies nothing.
        #expect(FanOutBatch(creatorID: 1, massMessageID: 9, count: 0, finished: true, at: now).effects == [
            .event(.massMessageSent, creatorID: 1, subjectID: 9, fanID: nil, at: now),
        ])
    }
}
