import Foundation
import WardenDaemon
import WardenProtocol

/// Reads a command's `args` into its typed form, with errors that name the argument.
enum CommandArguments {
  static func decode<T: Decodable>(_: T.Type, _ request: CommandRequest) throws(ProtocolError) -> T {
    do {
      return try WireCoding.decode(T.self, from: .object(request.args))
    } catch let error as DecodingError {
      throw ProtocolError(.invalidArgs, "\(request.cmd): \(describe(error))")
    } catch {
      throw ProtocolError(.invalidArgs, "\(request.cmd): arguments do not fit: \(error)")
    }
  }

  private static func describe(_ error: DecodingError) -> String {
    func path(_ keys: [any CodingKey]) -> String { keys.map(\.stringValue).joined(separator: ".") }
    switch error {
    case .keyNotFound(let key, let context):
      return "'\(path(context.codingPath + [key]))' is required"
    case .typeMismatch(let type, let context):
      return "'\(path(context.codingPath))' must be \(typeName(type))"
    case .valueNotFound(let type, let context):
      return "'\(path(context.codingPath))' must be \(typeName(type)), not null"
    case .dataCorrupted(let context):
      return "'\(path(context.codingPath))' has an impossible value"
    @unknown default:
      return "arguments do not fit"
    }
  }

  private static func typeName(_ type: Any.Type) -> String {
    switch type {
    case is String.Type: "a string"
    case is Int.Type, is Int64.Type: "a whole number"
    case is Bool.Type: "true or false"
    case is [String].Type, is [Any].Type: "a list"
    default: "of another type"
    }
  }

  /// A user login from `args.user`: `@` and capitals accepted.
  static func login(_ raw: String, command: String) throws(ProtocolError) -> String {
    guard let login = ChannelName.normalise(raw) else {
      throw ProtocolError(.invalidArgs, "\(command): '\(raw)' is not a Twitch user name")
    }
    return login
  }

  static let maxTimeoutS = 1_209_600

  static func timeoutDuration(_ value: Int?, command: String) throws(ProtocolError) -> Int {
    guard let value, (1...maxTimeoutS).contains(value) else {
      throw ProtocolError(
        .invalidArgs, "\(command): 'duration_s' must be a whole number of seconds from 1 to \(maxTimeoutS) (two weeks)")
    }
    return value
  }

  static func reason(_ value: String?, command: String, required: Bool) throws(ProtocolError) -> String? {
    let trimmed = value?.trimmingCharacters(in: .whitespacesAndNewlines)
    if required, trimmed?.isEmpty ?? true {
      throw ProtocolError(.invalidArgs, "\(command): 'reason' is required")
    }
    guard let trimmed, !trimmed.isEmpty else { return nil }
    guard trimmed.count <= 500 else {
      throw ProtocolError(.invalidArgs, "\(command): 'reason' is longer than Twitch's 500 characters")
    }
    return trimmed
  }

  /// Slow mode: 3 to 120 seconds (Twitch's range), 30 by default.
  static func slowWait(_ value: Int?) throws(ProtocolError) -> Int {
    let wait = value ?? 30
    guard (3...120).contains(wait) else {
      throw ProtocolError(.invalidArgs, "mod.mode: slow mode's 'duration_s' must be from 3 to 120 seconds")
    }
    return wait
  }

  /// Followers-only: minutes of following, 0 to 129,600 (three months).
  static func followerMinutes(_ value: Int?) throws(ProtocolError) -> Int {
    let seconds = value ?? 0
    guard (0...(129_600 * 60)).contains(seconds) else {
      throw ProtocolError(
        .invalidArgs, "mod.mode: followers-only 'duration_s' must be from 0 to 7776000 seconds (three months)")
    }
    return seconds / 60
  }
}
