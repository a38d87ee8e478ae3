import WardenHelix
import WardenProtocol

extension HelixError {
  /// The error reply for a command that failed at Twitch: Twitch's own words, under a code a
  /// client can act on.
  var protocolError: ProtocolError {
    let text = description
    switch kind {
    case .unauthorized where message?.localizedCaseInsensitiveContains("scope") == true:
      return ProtocolError(.forbidden, text + " (log in again with `warden login` to grant it)")
    case .noToken, .unauthorized: return ProtocolError(.unauthenticated, text)
    case .forbidden: return ProtocolError(.forbidden, text)
    case .notFound: return ProtocolError(.notFound, text)
    case .rateLimited, .server, .network: return ProtocolError(.twitchUnavailable, text, retryable: true)
    default: return ProtocolError(.twitchError, text)
    }
  }
}
