import Logging
import ServiceLifecycle
import WardenProtocol

/// What a part of the daemon beyond the foundation (the Twitch gateway, later the store and the
/// moderation engine) gets when the daemon starts it.
public struct DaemonContext: Sendable {
  public let bus: EventBus
  public let config: DaemonConfig
  public let dataDirectory: String
  public let logger: Logger
}

/// A part of the daemon: a long-running service, the commands it serves and what it adds to
/// `status`. Components start after the sockets are bound and stop before them.
public struct DaemonComponent: Sendable {
  public var service: any Service
  public var register: @Sendable (inout CommandRouter) -> Void
  /// Fills the component's part of `status`.
  public var status: @Sendable (inout StatusResult) async -> Void

  public init(
    service: any Service, register: @escaping @Sendable (inout CommandRouter) -> Void,
    status: @escaping @Sendable (inout StatusResult) async -> Void = { _ in }
  ) {
    self.service = service
    self.register = register
    self.status = status
  }
}

/// Makes the daemon's components once the bus exists.
public typealias DaemonComponentFactory = @Sendable (DaemonContext) async throws -> [DaemonComponent]
