import FanoutConsole
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
    let router = buildRouter(
        dependencies: dependencies, sandbox: configuration.sandboxEnabled, console: simulations,
        secureCookies: configuration.publicURL?.lowercased().hasPrefix("https://") == true,
        webhookDestinations: configuration.webhookDestinations)
    // The storage's own services first: the group stops them last.
    var services: [any Service] = dependencies.services
    if let simulations { services.append(simulations) }
    if configuration.runsBackgroundServices {
        let metrics = dependencies.metrics
        let scheduler = MassMessageScheduler(store: dependencies.storage, clock: dependencies.clock) { lateness in
            // Clamped to 0…a year: a sandbox clock moved by centuries makes any lateness, and Int64(Double) traps past its range.
            for seconds in lateness { metrics?.schedulerLag.recordNanoseconds(Int64(seconds.isNaN ? 0 : min(max(seconds, 0), 31_536_000) * 1e9)) }
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
            // Idempotency-Keys are kept 24 hours (of real time: the sandbox cannot expire them).
            LoopingService(name: "idempotency-purge", idleDelay: .seconds(600), logger: logger) {
                let cutoff = dependencies.realClock.now().addingTimeInterval(-IdempotencyKey.retention)
                try await dependencies.storage.purgeIdempotencyKeys(takenBefore: cutoff)
                return false
            },
            // Webhook deliveries as they fall due (each endpoint on its own).
            WebhookSender(
                storage: dependencies.storage, mapper: WireMapper(clock: dependencies.clock, policy: dependencies.policy),
                environment: configuration.sandboxEnabled ? "sandbox" : "live", clock: dependencies.clock, logger: logger,
                destinations: configuration.webhookDestinations),
            // Uploads not completed within 24 hours go, with their files, 500
            // at a time; several instances may purge one folder at once.
            LoopingService(name: "upload-purge", idleDelay: .seconds(600), logger: logger) {
                try await dependencies.uploadService.purgeExpired() > 0
            },
            // Batch after batch while there is work; a 100 ms nap when none.
            LoopingService(name: "fan-out", idleDelay: .milliseconds(100), logger: logger) {
                guard try await worker.deliverBatch() > 0 else { return false }
                dependencies.metrics?.fanOutBatches.increment()
                return true
            },
        ]
    }
    return Application(
        router: router, server: configuration.httpServer, configuration: configuration.serverConfiguration(logger: logger),
        services: services,
        logger: logger)
}

/// Every route, behind request id → error mapping → (for /v2/access) auth →
/// the connection's rate limit → its Idempotency-Keys; the web console at
/// `/console` when given its simulations (it needs the sandbox).
func buildRouter(
    dependencies: AppDependencies, sandbox: Bool, console simulations: ConsoleSimulations?, secureCookies: Bool = false,
    webhookDestinations: WebhookDestinationPolicy = WebhookDestinationPolicy(allowsPrivate: false)
) -> Router<FanoutRequestContext> {
    let routes = RouteTable()
    let router = Router(context: FanoutRequestContext.self)
    router.add(middleware: EventLoopExecutorMiddleware(executors: EventLoopTaskExecutors()))
    router.add(middleware: RequestIDMiddleware())
    if let metrics = dependencies.metrics { router.add(middleware: MetricsMiddleware(metrics: metrics)) }
    router.add(middleware: LogRequestsMiddleware(.debug))
    router.add(middleware: ErrorMiddleware(routes: routes))

    let mapper = WireMapper(clock: dependencies.clock, policy: dependencies.policy)
    let access = AccessService(store: dependencies.storage, cache: dependencies.accessCache, failures: dependencies.authFailures)
    // The connection's bucket wherever a connection acts: /v2/access, /media, /sandbox, the console's forms.
    let connectionLimit = dependencies.rateLimiter.map { RateLimitMiddleware(limiter: $0, refused: dependencies.metrics?.rateLimited) }
    MetaController(health: dependencies.health, metrics: dependencies.metrics) {
        let waiting = try await dependencies.storage.pendingRecipients()
        dependencies.metrics?.recipientsWaiting.record(waiting)
    }.register(on: router)

    let accessGroup = router.group("v2/access").add(middleware: AuthMiddleware(access: access))
    if let connectionLimit { accessGroup.add(middleware: connectionLimit) }
    accessGroup.add(middleware: IdempotencyMiddleware(store: dependencies.storage, clock: dependencies.realClock))
    MassMessagesController(
        service: MassMessageService(store: dependencies.storage, clock: dependencies.clock, policy: dependencies.policy),
        composer: MassMessageComposer(store: dependencies.storage, clock: dependencies.clock), mapper: mapper
    ).register(on: accessGroup)
    ChatsController(service: ChatService(store: dependencies.storage), mapper: mapper).register(on: accessGroup)
    DirectMessagesController(
        service: DirectMessageService(store: dependencies.storage, clock: dependencies.clock, policy: dependencies.policy), mapper: mapper
    ).register(on: accessGroup)
    UserListsController(service: UserListService(store: dependencies.storage, clock: dependencies.clock), mapper: mapper)
        .register(on: accessGroup)
    AnalyticsController(
        service: AnalyticsService(store: dependencies.storage, clock: dependencies.clock), mapper: mapper
    ).register(on: accessGroup)
    let subscriberDetails = SubscriberDetailService(store: dependencies.storage, clock: dependencies.clock)
    SubscribersController(service: SubscriberService(store: dependencies.storage), mapper: mapper, details: subscriberDetails)
        .register(on: accessGroup)
    SubscriberDetailsController(service: subscriberDetails).register(on: accessGroup)
    let earnings = EarningsController(service: EarningsService(store: dependencies.storage, clock: dependencies.clock), mapper: mapper)
    earnings.register(on: accessGroup)
    let users = UsersController(service: FanService(store: dependencies.storage, clock: dependencies.clock), mapper: mapper)
    users.register(on: accessGroup)
    VaultController(service: VaultService(store: dependencies.storage, clock: dependencies.clock), mapper: mapper)
        .register(on: accessGroup)
    let account = AccountService(store: dependencies.storage, access: access, clock: dependencies.realClock)
    SelfController(service: account, mapper: mapper).register(on: accessGroup)
    let uploads = UploadsController(service: dependencies.uploadService, mapper: mapper)
    uploads.register(on: accessGroup)
    let mediaGroup = router.group("media").add(middleware: AuthMiddleware(access: access))
    if let connectionLimit { mediaGroup.add(middleware: connectionLimit) }
    uploads.registerFiles(on: mediaGroup)
    // `/v2/account`: the organization's own (the `apiKey` alone), its bucket as `/webhooks`'.
    let accountGroup = router.group("v2/account").add(middleware: OrganizationAuthMiddleware(access: access))
    if let limiter = dependencies.rateLimiter {
        accountGroup.add(middleware: RateLimitMiddleware(limiter: limiter, refused: dependencies.metrics?.rateLimited, key: .organization))
    }
    AccountController(service: account, mapper: mapper).register(on: accountGroup)
    let webhooksGroup = router.group("webhooks").add(middleware: OrganizationAuthMiddleware(access: access))
    // A bucket per organization (the routes act for it, not for a connection), every route /test included.
    if let limiter = dependencies.rateLimiter {
        webhooksGroup.add(middleware: RateLimitMiddleware(limiter: limiter, refused: dependencies.metrics?.rateLimited, key: .organization))
    }
    WebhooksController(
        service: WebhookService(store: dependencies.storage, clock: dependencies.realClock, destinations: webhookDestinations), mapper: mapper,
        environment: sandbox ? "sandbox" : "live")
        .register(on: webhooksGroup)
    let directMessages = DirectMessageService(store: dependencies.storage, clock: dependencies.clock, policy: dependencies.policy)
    // The sandbox moves creators' clocks: only on a clock that can move.
    let sandboxService = (dependencies.clock as? any AdjustableCreatorClock).map { SandboxService(store: dependencies.storage, clock: $0) }
    if sandbox, let sandboxService {
        let group = router.group("sandbox").add(middleware: AuthMiddleware(access: access))
        if let connectionLimit { group.add(middleware: connectionLimit) }
        SandboxController(service: sandboxService, mapper: mapper).register(on: group)
        users.registerSandbox(on: group)
        earnings.registerSandbox(on: group)
    }
    if let simulations, let sandboxService {
        let console = ConsoleController<FanoutRequestContext>(
            sessions: ConsoleSessionService(store: dependencies.storage, access: access, clock: dependencies.realClock),
            chats: ChatService(store: dependencies.storage), directMessages: directMessages,
            massMessages: MassMessageService(store: dependencies.storage, clock: dependencies.clock, policy: dependencies.policy),
            composer: MassMessageComposer(store: dependencies.storage, clock: dependencies.clock),
            vault: VaultService(store: dependencies.storage, clock: dependencies.clock),
            userLists: UserListService(store: dependencies.storage, clock: dependencies.clock),
            webhooks: WebhookService(store: dependencies.storage, clock: dependencies.realClock, destinations: webhookDestinations),
            analytics: AnalyticsService(store: dependencies.storage, clock: dependencies.clock), sandbox: sandboxService,
            clock: dependencies.clock, simulations: simulations, limiter: dependencies.rateLimiter, secureCookies: secureCookies,
            subscriberDetails: SubscriberDetailService(store: dependencies.storage, clock: dependencies.clock)
        ) { error in
            let answer = ErrorResponse(error)
            return (answer.status, answer.extraHeaders)
        }
        router.addRoutes(console.routes, atPath: "console")
    }
    routes.load(router.routes)
    return router
}
