/// Everything the server needs from a storage backend. Each backend implements
/// it whole, and one contract test suite checks every backend.
public typealias FanoutStorage = AccessStore & AccountStore & MassMessageStore & ChatStore & AnalyticsStore & DemoImporting & FanOutStore & DirectMessageStore & UserListStore & SandboxStore & SimulationStore & IdempotencyStore & SubscriberStore & FanStore & VaultStore & UploadStore & WebhookStore & ConsoleSessionStore & CreatorClockStore & EarningStore & SubscriberDetailStore
