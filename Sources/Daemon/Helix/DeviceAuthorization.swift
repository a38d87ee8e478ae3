import Foundation

/// A device code sign-in in progress: the user opens `verificationURI` and enters `userCode`
/// while `OAuthClient.pollDeviceAuthorization` waits. The description never shows the device
/// code, which is the credential the tokens are fetched with.
public struct DeviceAuthorization: Sendable, Hashable {
  /// The secret the client polls with.
  public var deviceCode: String
  /// What the user enters (Twitch usually puts it in the URI already).
  public var userCode: String
  /// The page to open.
  public var verificationURI: String
  /// Seconds the code lives, as Twitch said.
  public var expiresIn: Int
  /// Seconds to wait between polls, as Twitch said.
  public var interval: Int
  /// When the code lapses, by the client's clock.
  public var expiresAt: Date
  /// The scopes asked for (Twitch's device grant answer does not always repeat them).
  public var scopes: [String]

  /// A device authorization as Twitch described it.
  public init(
    deviceCode: String, userCode: String, verificationURI: String, expiresIn: Int, interval: Int, expiresAt: Date,
    scopes: [String]
  ) {
    self.deviceCode = deviceCode
    self.userCode = userCode
    self.verificationURI = verificationURI
    self.expiresIn = expiresIn
    self.interval = interval
    self.expiresAt = expiresAt
    self.scopes = scopes
  }
}

extension DeviceAuthorization: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
  public var description: String {
    "DeviceAuthorization(userCode: \(userCode), verificationURI: \(verificationURI), expiresIn: \(expiresIn), "
      + "interval: \(interval), deviceCode: \(Redacted.text))"
  }

  public var debugDescription: String { description }

  public var customMirror: Mirror {
    Mirror(
      self,
      children: [
        "userCode": userCode, "verificationURI": verificationURI, "expiresIn": expiresIn, "interval": interval,
        "expiresAt": expiresAt, "scopes": scopes, "deviceCode": Redacted.text,
      ])
  }
}
