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
    let router = buildRouter(dependencies: dependencies)
    var services: [any Service] = []
    if configuration.runsBackgroundServices {
        let storage = dependencies.storage, clock = dependencies.clock
        services = [
            SchedulerService(scheduler: MassMessageScheduler(store: storage, clock: clock), interval: .milliseconds(250), logger: logger),
            FanOutService(
                worker: FanOutWorker(store: storage, clock: clock, batchSize: configuration.fanOutBatchSize),
                idleDelay: .milliseconds(100), logger: logger),
        ]
    }
    return Application(
        router: router,
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "fanout"),
        services: services,
        logger: logger)
}

/// Every route, behind request id → error mapping → (for /v2/access) auth.
public func buildRouter(dependencies: AppDependencies) -> Router<FanoutRequestContext> {
    let routes = RouteTable()
    let router = Router(context: FanoutRequestContext.self)
    router.add(middleware: RequestIDMiddleware())
    router.add(middleware: LogRequestsMiddleware(.debug))
    router.add(middleware: ErrorMiddleware(routes: routes))

    let mapper = WireMapper(clock: dependencies.clock, policy: dependencies.policy)
    MetaController(health: dependencies.health).register(on: router, routes: routes)

    let access = router.group("v2/access")
        .add(middleware: AuthMiddleware(access: AccessService(store: dependencies.storage)))
    MassMessagesController(
        service: MassMessageService(store: dependencies.storage, clock: dependencies.clock, policy: dependencies.policy),
        composer: MassMessageComposer(store: dependencies.storage, clock: dependencies.clock),
        users: ChatService(store: dependencies.storage), mapper: mapper
    ).register(on: access, routes: routes)
    ChatsController(service: ChatService(store: dependencies.storage), mapper: mapper).register(on: access, routes: routes)
    AnalyticsController(
        service: AnalyticsService(store: dependencies.storage), users: ChatService(store: dependencies.storage), mapper: mapper
    ).register(on: access, routes: routes)
    return router
}
