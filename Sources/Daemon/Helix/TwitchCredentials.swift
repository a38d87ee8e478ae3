/// The application's identity at Twitch: its client id and, for a confidential client, its
/// secret. Printing or dumping the value never shows the secret.
public struct TwitchCredentials: Sendable, Hashable {
  /// The client id registered at dev.twitch.tv; not a secret.
  public var clientID: String
  /// The client secret of a confidential client; `nil` for a public client, which signs in
  /// with the device code flow only.
  public var clientSecret: String?

  /// An empty secret counts as none.
  public init(clientID: String, clientSecret: String? = nil) {
    self.clientID = clientID
    self.clientSecret = clientSecret?.isEmpty == true ? nil : clientSecret
  }

  /// Whether the client has a secret: it may use the authorization code and client
  /// credentials grants, and must send its secret when refreshing.
  public var isConfidential: Bool { clientSecret != nil }
}

extension TwitchCredentials: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
  /// The client id and whether a secret is set, never the secret.
  public var description: String {
    "TwitchCredentials(clientID: \(clientID), clientSecret: \(clientSecret == nil ? "none" : Redacted.text))"
  }

  public var debugDescription: String { description }

  public var customMirror: Mirror {
    Mirror(self, children: ["clientID": clientID, "clientSecret": clientSecret == nil ? "none" : Redacted.text])
  }
}

/// What stands in for a secret in descriptions.
enum Redacted {
  static let text = "<redacted>"
}
