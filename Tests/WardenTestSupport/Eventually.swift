/// Waits until `condition` holds, checking every 10 ms for up to `seconds`, without blocking a
/// thread. Generous deadlines keep a slow machine from failing a test; nothing is timed.
public func eventually(_ seconds: Double = 10, _ condition: () async throws -> Bool) async rethrows -> Bool {
  let deadline = ContinuousClock.now.advanced(by: .milliseconds(Int(seconds * 1000)))
  while ContinuousClock.now < deadline {
    if try await condition() { return true }
    try? await Task.sleep(for: .milliseconds(10))
  }
  return try await condition()
}
