import FanoutCore
import Testing

/// The subscribers `filter` as the official SDK sends it (a Python
/// dictionary's text), as JSON, or field by field; honoured or refused.
@Suite struct SubscriberFilterTests {
    @Test func thePythonSDKsDictionaryTextAndJSONReadAlike() throws {
        let python = try SubscriberFilter(text: "{'tips': '10', 'total_spent': '5.50-20', 'duration': None}")
        let json = try SubscriberFilter(text: #"{"tips": "10", "total_spent": "5.50-20"}"#)
        #expect(python == json)
        #expect(python.tips == .init(minimum: Money(cents: 1000)))
        #expect(python.totalSpent == .init(minimum: Money(cents: 550), maximum: Money(cents: 2000)))
        #expect(!python.matchesNobody)
        #expect(try SubscriberFilter(text: "{}") == SubscriberFilter())
    }

    @Test func noPromotionTrialOrPresenceMatchesNobodyButOnlineZeroEverybody() throws {
        #expect(try SubscriberFilter(text: "{'promoId': '42'}").matchesNobody)
        #expect(try SubscriberFilter(text: "{'trial_id': '7'}").matchesNobody)
        #expect(try SubscriberFilter(text: "{'online': True}").matchesNobody)
        #expect(try !SubscriberFilter(text: "{'online': '0'}").matchesNobody)
    }

    @Test(arguments: [
        ("{'duration': '30'}", "filter.duration"),
        ("{'tips': 'lots'}", "filter.tips"),
        ("{'tips': '50-10'}", "filter.tips"),
        ("{'total_spent': '-5'}", "filter.total_spent"),
        ("{'online': 'maybe'}", "filter.online"),
        ("{'vip': '1'}", "filter"),
        ("{'tips': '10'", "filter"),
        ("tips=10", "filter"),
        ("{'tips': {'min': 1}}", "filter"),
        ("{'tips': '10'} trailing", "filter"),
    ])
    func anythingElseIsA400NamingTheField(text: String, field: String) {
        #expect {
            try SubscriberFilter(text: text)
        } throws: { error in
            guard case .badRequest(_, let named, _) = error as? FanoutError else { return false }
            return named == field
        }
    }
}

extension SubscriberFilterTests {
    /// What reaches the server from the SDK: httpx writes spaces as `+`.
    @Test func theSDKsFormEncodedSpacesReadAsSpaces() throws {
        #expect(try SubscriberFilter(text: "{'tips':+'10',+'total_spent':+'5-20'}")
            == SubscriberFilter(tips: .init(minimum: Money(cents: 1000)), totalSpent: .init(minimum: Money(cents: 500), maximum: Money(cents: 2000))))
    }
}
