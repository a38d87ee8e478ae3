/// The `Ratelimit-*` headers of one Helix response.
public struct HelixRateLimitHeaders: Sendable, Hashable {
  /// Points per minute.
  public var limit: Int?
  /// Points left in the bucket.
  public var remaining: Int?
  /// When the bucket is full again, in Unix seconds.
  public var reset: Int64?

  public init(limit: Int? = nil, remaining: Int? = nil, reset: Int64? = nil) {
    self.limit = limit
    self.remaining = remaining
    self.reset = reset
  }

  /// Reads the headers, matching names without regard to case; unparseable values are `nil`.
  public init(headers: [(name: String, value: String)]) {
    func value(_ name: String) -> String? {
      headers.last { $0.name.lowercased() == name }?.value.trimmingWhitespace
    }
    self.init(
      limit: value("ratelimit-limit").flatMap { Int($0) },
      remaining: value("ratelimit-remaining").flatMap { Int($0) },
      reset: value("ratelimit-reset").flatMap { Int64($0) }
    )
  }
}

extension String {
  fileprivate var trimmingWhitespace: String {
    String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
  }
}
