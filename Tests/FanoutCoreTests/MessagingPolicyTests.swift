import FanoutCore
import Foundation
import Testing

@Suite struct MessagingPolicyTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)
    let policy = MessagingPolicy(unsendWindow: 60, cancelWindow: 120)

    func massMessage(_ state: MassMessageState, sentSecondsAgo: Double?) -> MassMessage {
        MassMessage(
            id: 1, creatorID: 1, text: "", price: .zero, isLockedText: false, state: state, createdAt: now, changedAt: now,
            scheduledAt: nil, sentAt: sentSecondsAgo.map { now.addingTimeInterval(-$0) }, canceledAt: nil, total: 0,
            pending: 0, sentCount: 0, viewedCount: 0, purchasedCount: 0, hasError: false, attachments: [])
    }

    @Test func unsendWindowCountsDownFromTheSendTime() {
        #expect(policy.unsendSeconds(massMessage(.sent, sentSecondsAgo: 10), now: now) == 50)
        #expect(policy.canUnsend(massMessage(.sent, sentSecondsAgo: 59.5), now: now))
        #expect(policy.unsendSeconds(massMessage(.sent, sentSecondsAgo: 60), now: now) == 0)
        #expect(!policy.canUnsend(massMessage(.sent, sentSecondsAgo: 3600), now: now))
    }

    @Test(arguments: [MassMessageState.scheduled, .queued, .canceled])
    func onlySentMassMessagesCanBeUnsent(state: MassMessageState) {
        #expect(policy.unsendSeconds(massMessage(state, sentSecondsAgo: 1), now: now) == 0)
    }

    @Test func cancelWindowAppliesToTheCreatorsDirectMessagesOnly() {
        func message(from sender: Int64, queue: Int64? = nil) -> ChatMessage {
            ChatMessage(
                id: 1, creatorID: 1, fanID: 2, fromUserID: sender, text: "", price: .zero, isLockedText: false, isTip: false,
                massMessageID: queue, createdAt: now.addingTimeInterval(-20), changedAt: now, openedAt: nil,
                purchasedAt: nil, isLiked: false, isPinned: false, attachments: [])
        }
        #expect(policy.cancelSeconds(message(from: 1), now: now) == 100)
        #expect(policy.cancelSeconds(message(from: 2), now: now) == 0)
        #expect(policy.cancelSeconds(message(from: 1, queue: 9), now: now) == 0)
    }

    @Test func everyStateFallsInExactlyOneListType() {
        let partitions = MassMessageListType.allCases.flatMap(\.states)
        #expect(partitions.sorted { $0.rawValue < $1.rawValue } == MassMessageState.allCases.sorted { $0.rawValue < $1.rawValue })
        #expect(MassMessageState.canceled.listType == .unsent)
        #expect(MassMessageState.queued.listType == .unsent)
    }
}
