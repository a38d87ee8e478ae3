import WardenProtocol

/// Makes mutating commands idempotent by request id: a request repeated with the same id (a
/// client's retry after a lost reply) gets the first execution's reply instead of running again,
/// and a repeat that arrives while the first still runs waits for it.
public actor IdempotencyCache {
  private enum Entry {
    case running(Task<Result<JSONValue, ProtocolError>, Never>)
    case done(Result<JSONValue, ProtocolError>, at: ContinuousClock.Instant)
  }

  private var entries: [String: Entry] = [:]
  private var order: [String] = []
  private let capacity: Int
  private let lifetime: Duration

  /// - Parameters:
  ///   - capacity: replies remembered at most; the oldest are forgotten first.
  ///   - lifetime: how long a reply is remembered.
  public init(capacity: Int = 10_000, lifetime: Duration = .seconds(600)) {
    self.capacity = capacity
    self.lifetime = lifetime
  }

  /// Runs `body` once per `command` and `id`; repeats get the same result or error.
  public func run(
    command: String, id: String, _ body: @escaping @Sendable () async throws -> JSONValue
  ) async throws(ProtocolError) -> JSONValue {
    let key = command + "\u{0}" + id
    let now = ContinuousClock.now
    switch entries[key] {
    case .done(let result, let at) where now - at < lifetime:
      return try result.get()
    case .running(let task):
      return try await task.value.get()
    default:
      break
    }
    let task = Task<Result<JSONValue, ProtocolError>, Never> {
      do {
        return .success(try await body())
      } catch let error as ProtocolError {
        return .failure(error)
      } catch {
        return .failure(ProtocolError(.internal, "\(command) failed: \(error)"))
      }
    }
    remember(key, .running(task))
    let result = await task.value
    // Only errors that say the request itself was wrong or refused are final; a retryable one
    // lets a retry run the command again.
    if case .failure(let error) = result, error.retryable {
      entries[key] = nil
    } else {
      entries[key] = .done(result, at: ContinuousClock.now)
    }
    return try result.get()
  }

  private func remember(_ key: String, _ entry: Entry) {
    if entries[key] == nil { order.append(key) }
    entries[key] = entry
    while order.count > capacity {
      let oldest = order.removeFirst()
      if case .running = entries[oldest] {
        order.append(oldest)
        break
      }
      entries[oldest] = nil
    }
  }
}

extension CommandRouter {
  /// Registers a command that changes something outside the daemon: repeats of a request id
  /// return the first reply.
  public mutating func registerMutating(
    _ name: String, cache: IdempotencyCache, _ handler: @escaping CommandHandler
  ) {
    register(name) { request in
      try await cache.run(command: name, id: request.id) { try await handler(request) }
    }
  }
}
