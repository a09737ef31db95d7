import FanoutCore
import Foundation

extension ConsoleViews {
    struct DeliveryItem {
        var eventID: String
        var type: String
        var attempts: Int
        var lastStatus: String
        var state: String
        var next: String
    }

    struct EndpointItem {
        var url: String
        var disabled: Bool
        var hasDeliveries: Bool
        var deliveries: [DeliveryItem]
    }

    struct Simulation {
        var minutes: Int
        var minute: Int
        var done: Bool
        var tally: String
    }

    struct Sandbox {
        var now: String
        var nowISO: String
        var endpoints: [EndpointItem]
        var clockError: String?
        var simulation: Simulation?
        var simulateError: String?
        var csrf: String
        var nav: Nav
        var error: String? = nil
    }

    static func simulation(_ progress: ConsoleSimulations.Progress) -> Simulation {
        Simulation(minutes: progress.minutes, minute: progress.minute, done: progress.done, tally: progress.tally.description)
    }

    static func endpoint(_ endpoint: WebhookEndpoint, deliveries: [WebhookDelivery]) -> EndpointItem {
        EndpointItem(
            url: endpoint.url, disabled: endpoint.disabledAt != nil, hasDeliveries: !deliveries.isEmpty,
            deliveries: deliveries.map { delivery in
                DeliveryItem(
                    eventID: delivery.eventID, type: delivery.type.rawValue, attempts: delivery.attempts,
                    lastStatus: delivery.lastStatus.map(String.init) ?? "–", state: delivery.state.rawValue,
                    next: delivery.nextAttemptAt.map(time) ?? "–")
            })
    }
}
