import FanoutCore
import Hummingbird
import Logging

/// The composition root: `main` and the tests both build the server here.
public func buildApplication(
    configuration: AppConfiguration, dependencies: AppDependencies
) -> some ApplicationProtocol {
    var logger = Logger(label: "fanout")
    logger.logLevel = configuration.logLevel
    let router = buildRouter(dependencies: dependencies)
    return Application(
        router: router,
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "fanout"),
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
        users: ChatService(store: dependencies.storage), mapper: mapper
    ).register(on: access, routes: routes)
    ChatsController(service: ChatService(store: dependencies.storage), mapper: mapper).register(on: access, routes: routes)
    AnalyticsController(
        service: AnalyticsService(store: dependencies.storage), users: ChatService(store: dependencies.storage), mapper: mapper
    ).register(on: access, routes: routes)
    return router
}
