import ArgumentParser
import FanoutCore
import FanoutBootstrap
import Foundation

/// `fanout webhooks add|list|remove`: an organization's webhook endpoints, as `/webhooks` manages them.
struct WebhooksCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "webhooks", subcommands: [Add.self, List.self, Remove.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Register a webhook endpoint. Its signing secret is printed once.")

        @OptionGroup var database: DatabaseOption
        @Option(help: "The organization id.")
        var organization: Int64
        @Option(help: "An http or https URL.")
        var url: String
        @Option(help: "An event type to send (repeat for several; none: every type).")
        var event: [String] = []

        func run() async throws {
            let (organization, url, events) = (organization, url, event)
            let endpoint = try await withStorage(at: try database.location()) { storage in
                // The operator may name a private receiver; link-local stays refused, and the
                // server's own policy is applied again when it connects.
                try await WebhookService(store: storage, clock: SystemClock(), destinations: WebhookDestinationPolicy(allowsPrivate: true))
                    .add(organizationID: organization, url: url, events: events.isEmpty ? nil : events)
            }
            print(json(endpoint, secret: true))
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List an organization's webhook endpoints, a JSON line each.")

        @OptionGroup var database: DatabaseOption
        @Option(help: "The organization id.")
        var organization: Int64

        func run() async throws {
            let organization = organization
            let endpoints = try await withStorage(at: try database.location()) { storage in
                try await WebhookService(store: storage, clock: SystemClock(), destinations: WebhookDestinationPolicy(allowsPrivate: true)).endpoints(organizationID: organization)
            }
            for endpoint in endpoints { print(json(endpoint, secret: false)) }
        }
    }

    struct Remove: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Remove a webhook endpoint and its undelivered events.")

        @OptionGroup var database: DatabaseOption
        @Option(help: "The organization id.")
        var organization: Int64
        @Option(help: "The endpoint id.")
        var id: Int64

        func run() async throws {
            let (organization, id) = (organization, id)
            try await withStorage(at: try database.location()) { storage in
                try await WebhookService(store: storage, clock: SystemClock(), destinations: WebhookDestinationPolicy(allowsPrivate: true)).remove(id: id, organizationID: organization)
            }
            print(#"{"removed":\#(id)}"#)
        }
    }
}

/// One endpoint as a JSON line (its secret only when just made).
private func json(_ endpoint: WebhookEndpoint, secret: Bool) -> String {
    var object: [String: Any] = [
        "id": endpoint.id, "organizationId": endpoint.organizationID, "url": endpoint.url, "events": endpoint.events.map(\.rawValue),
        "createdAt": endpoint.createdAt.formatted(.iso8601), "disabled": endpoint.disabledAt != nil,
    ]
    if secret { object["secret"] = endpoint.secret.value }
    let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
    return String(decoding: data, as: UTF8.self)
}
