import FanoutCore
import Hummingbird
import Logging
import ServiceLifecycle

/// The composition root: `main` and the tests both build the server here.
public func buildApplication(
    configuration: AppConfiguration, dependencies: AppDependencies
) -> some ApplicationProtocol {
    var logger = Logger(label: "fanout")
    logger.logLevel = configuration.logLevel
    // The console's background simulations, when the console is on (it needs the sandbox).
    let simulations = configuration.sandboxEnabled && configuration.consoleEnabled
        ? ConsoleSimulations(store: dependencies.storage, clock: dependencies.clock, logger: logger) : nil
    let router = buildRouter(dependencies: dependencies, sandbox: configuration.sandboxEnabled, console: simulations)
    // The storage's own services first: the group stops them last.
    var services: [any Service] = dependencies.services
    if let simulations { services.append(simulations) }
    if configuration.runsBackgroundServices {
        let metrics = dependencies.metrics
        let scheduler = MassMessageScheduler(store: dependencies.storage, clock: dependencies.clock) { lateness in
            for seconds in lateness { metrics?.schedulerLag.recordNanoseconds(Int64(seconds * 1e9)) }
        }
        let worker = FanOutWorker(
            store: dependencies.storage, clock: dependencies.clock,
            sizer: FanOutBatchSizer(initial: 1_000, maximum: configuration.fanOutBatchSize, target: configuration.fanOutBatchTime)
        ) { delivered in metrics?.fanOutDeliveries.increment(by: Int64(delivered)) }
        services += [
            // Due scheduled mass messages start within 250 ms of their date.
            LoopingService(name: "scheduler", idleDelay: .milliseconds(250), logger: logger) {
                let started = try await scheduler.tick()
                dependencies.metrics?.scheduledStarts.increment(by: Int64(started))
                return false
            },
            // Idempotency-Keys are kept 24 hours.
            LoopingService(name: "idempotency-purge", idleDelay: .seconds(600), logger: logger) {
                let cutoff = dependencies.clock.now().addingTimeInterval(-IdempotencyKey.retention)
                try await dependencies.storage.purgeIdempotencyKeys(takenBefore: cutoff)
                return false
            },
            // Webhook deliveries as they fall due (each endpoint on its own).
            WebhookSender(
                storage: dependencies.storage, mapper: WireMapper(clock: dependencies.clock, policy: dependencies.policy),
                environment: configuration.sandboxEnabled ? "sandbox" : "live", clock: dependencies.clock, logger: logger),
            // Batch after batch while there is work; a 100 ms nap when none.
            LoopingService(name: "fan-out", idleDelay: .milliseconds(100), logger: logger) {
                guard try await worker.deliverBatch() > 0 else { return false }
                dependencies.metrics?.fanOutBatches.increment()
                return true
            },
        ]
    }
    return Application(
        router: router,
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "fanout"),
        services: services,
        logger: logger)
}

/// Every route, behind request id → error mapping → (for /v2/access) auth →
/// the connection's rate limit → its Idempotency-Keys; the web console at
/// `/console` when given its simulations (it needs the sandbox).
func buildRouter(dependencies: AppDependencies, sandbox: Bool, console simulations: ConsoleSimulations?) -> Router<FanoutRequestContext> {
    let routes = RouteTable()
    let router = Router(context: FanoutRequestContext.self)
    router.add(middleware: EventLoopExecutorMiddleware(executors: EventLoopTaskExecutors()))
    router.add(middleware: RequestIDMiddleware())
    if let metrics = dependencies.metrics { router.add(middleware: MetricsMiddleware(metrics: metrics)) }
    router.add(middleware: LogRequestsMiddleware(.debug))
    router.add(middleware: ErrorMiddleware(routes: routes))

    let mapper = WireMapper(clock: dependencies.clock, policy: dependencies.policy)
    let access = AccessService(store: dependencies.storage, cache: dependencies.accessCache)
    MetaController(health: dependencies.health, metrics: dependencies.metrics) {
        let waiting = try await dependencies.storage.pendingRecipients()
        dependencies.metrics?.recipientsWaiting.record(waiting)
    }.register(on: router, routes: routes)

    let accessGroup = router.group("v2/access").add(middleware: AuthMiddleware(access: access))
    if let limiter = dependencies.rateLimiter {
        accessGroup.add(middleware: RateLimitMiddleware(limiter: limiter, refused: dependencies.metrics?.rateLimited))
    }
    accessGroup.add(middleware: IdempotencyMiddleware(store: dependencies.storage, clock: dependencies.clock))
    MassMessagesController(
        service: MassMessageService(store: dependencies.storage, clock: dependencies.clock, policy: dependencies.policy),
        composer: MassMessageComposer(store: dependencies.storage, clock: dependencies.clock), mapper: mapper
    ).register(on: accessGroup, routes: routes)
    ChatsController(service: ChatService(store: dependencies.storage), mapper: mapper).register(on: accessGroup, routes: routes)
    DirectMessagesController(
        service: DirectMessageService(store: dependencies.storage, clock: dependencies.clock, policy: dependencies.policy), mapper: mapper
    ).register(on: accessGroup, routes: routes)
    UserListsController(service: UserListService(store: dependencies.storage, clock: dependencies.clock), mapper: mapper)
        .register(on: accessGroup, routes: routes)
    AnalyticsController(
        service: AnalyticsService(store: dependencies.storage, clock: dependencies.clock), mapper: mapper
    ).register(on: accessGroup, routes: routes)
    SubscribersController(service: SubscriberService(store: dependencies.storage), mapper: mapper, clock: dependencies.clock)
        .register(on: accessGroup, routes: routes)
    VaultController(service: VaultService(store: dependencies.storage, clock: dependencies.clock), mapper: mapper)
        .register(on: accessGroup, routes: routes)
    let uploads = UploadsController(
        service: UploadService(
            store: dependencies.storage, files: dependencies.media?.files, clock: dependencies.clock,
            maxUploadSize: dependencies.media?.maxUploadSize ?? UploadService.defaultMaxUploadSize,
            urlPrefix: dependencies.media?.urlPrefix ?? "/media/"),
        mapper: mapper)
    uploads.register(on: accessGroup, routes: routes)
    uploads.registerFiles(on: router.group("media").add(middleware: AuthMiddleware(access: access)), routes: routes)
    WebhooksController(
        service: WebhookService(store: dependencies.storage, clock: dependencies.clock), mapper: mapper, environment: sandbox ? "sandbox" : "live")
        .register(on: router.group("webhooks").add(middleware: OrganizationAuthMiddleware(access: access)), routes: routes)
    let directMessages = DirectMessageService(store: dependencies.storage, clock: dependencies.clock, policy: dependencies.policy)
    let sandboxService = SandboxService(store: dependencies.storage, clock: dependencies.clock)
    if sandbox {
        let group = router.group("sandbox").add(middleware: AuthMiddleware(access: access))
        SandboxController(service: sandboxService, mapper: mapper).register(on: group, routes: routes)
    }
    if let simulations {
        let renderer = ConsoleRenderer()
        ConsoleController(
            sessions: ConsoleSessionService(store: dependencies.storage, access: access, clock: dependencies.clock),
            chats: ChatService(store: dependencies.storage), directMessages: directMessages,
            massMessages: MassMessageService(store: dependencies.storage, clock: dependencies.clock, policy: dependencies.policy),
            composer: MassMessageComposer(store: dependencies.storage, clock: dependencies.clock),
            vault: VaultService(store: dependencies.storage, clock: dependencies.clock),
            userLists: UserListService(store: dependencies.storage, clock: dependencies.clock),
            webhooks: WebhookService(store: dependencies.storage, clock: dependencies.clock),
            analytics: AnalyticsService(store: dependencies.storage, clock: dependencies.clock), sandbox: sandboxService,
            clock: dependencies.clock, simulations: simulations, renderer: renderer
        ).register(on: router.group("console").add(middleware: ConsoleErrorMiddleware(renderer: renderer)), routes: routes)
    }
    return router
}
