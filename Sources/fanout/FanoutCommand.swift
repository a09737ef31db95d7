import ArgumentParser

@main
struct FanoutCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fanout",
        abstract: "A server for the OFAuth messaging API: mass messages, chats and their analytics.",
        subcommands: [
            ServeCommand.self, DemoCommand.self, SimulateCommand.self, KeysCommand.self, ConnectionsCommand.self, CopyCommand.self,
            WebhooksCommand.self,
        ])
}
