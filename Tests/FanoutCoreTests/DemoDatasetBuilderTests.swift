import FanoutCore
import Foundation
import Testing

@Suite struct DemoDatasetBuilderTests {
    static let anchor = Date(timeIntervalSince1970: 1_790_000_000)

    static func build(seed: UInt64, size: DemoDatasetBuilder.Size = .small) -> DemoDataset {
        var builder = DemoDatasetBuilder(seed: seed, anchor: anchor, size: size)
        return builder.build()
    }

    static func fingerprint(_ dataset: DemoDataset) -> [String] {
        dataset.messages.map { "\($0.creatorID)/\($0.fanID)/\($0.text)/\($0.createdAt.timeIntervalSince1970)/\($0.price.cents)" }
            + dataset.users.map(\.name) + dataset.massMessages.map { "\($0.state)/\($0.total)/\($0.purchasedCount)" }
    }

    @Test func theSameSeedGivesTheSameDataset() {
        #expect(Self.fingerprint(Self.build(seed: 42)) == Self.fingerprint(Self.build(seed: 42)))
        #expect(Self.fingerprint(Self.build(seed: 42)) != Self.fingerprint(Self.build(seed: 43)))
    }

    @Test func standardSizeIsRealistic() {
        let dataset = Self.build(seed: 1, size: .standard)
        #expect(dataset.creatorIDs.count >= 3)
        #expect(dataset.users.count - dataset.creatorIDs.count >= 3000)
        let perChat = Dictionary(grouping: dataset.messages) { [$0.creatorID, $0.fanID] }.mapValues(\.count)
        #expect(perChat.values.contains { $0 >= 200 })
        #expect(dataset.messages.contains { $0.massMessage != nil })
        #expect(dataset.messages.contains { $0.isTip })
        #expect(dataset.messages.contains { !$0.price.isZero && $0.massMessage == nil && !$0.attachments.isEmpty })
    }

    @Test func everyCreatorHasMassMessagesInEveryState() {
        let dataset = Self.build(seed: 5)
        for creator in dataset.creatorIDs {
            let states = Set(dataset.massMessages.filter { $0.creatorID == creator }.map(\.state))
            #expect(states == Set(MassMessageState.allCases))
        }
        #expect(dataset.massMessages.contains { !$0.attachments.filter(\.isPreview).isEmpty && !$0.price.isZero })
    }

    @Test func nothingHappensAfterTheAnchorExceptSchedules() {
        let dataset = Self.build(seed: 9)
        #expect(dataset.messages.allSatisfy { $0.createdAt <= Self.anchor })
        #expect(dataset.messages.allSatisfy { ($0.purchasedAt ?? Self.anchor) <= Self.anchor && ($0.openedAt ?? Self.anchor) <= Self.anchor })
        #expect(dataset.massMessages.filter { $0.state == .scheduled }.allSatisfy { $0.scheduledAt! > Self.anchor })
    }

    @Test func onlyPaidMessagesAreBoughtAndRecallsKeepOnlyBoughtDeliveries() {
        let dataset = Self.build(seed: 11)
        #expect(dataset.messages.filter { $0.purchasedAt != nil }.allSatisfy { !$0.price.isZero && !$0.isTip })
        for (index, mass) in dataset.massMessages.enumerated() where mass.state == .canceled {
            let kept = dataset.messages.filter { $0.massMessage == index }
            #expect(kept.count == mass.purchasedCount)
            #expect(kept.allSatisfy { $0.purchasedAt != nil })
        }
    }

    @Test func firstOrganizationHasAConnectionThatCannotWrite() {
        let dataset = Self.build(seed: 1)
        #expect(dataset.organizations.count >= 2)
        #expect(dataset.organizations[0].connections.contains { !$0.permissions.contains(.messagesWrite) })
    }
}
