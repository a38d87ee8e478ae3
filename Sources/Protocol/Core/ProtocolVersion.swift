/// Version numbers of the wire protocol and of Warden itself.
public enum WardenVersion {
  /// The wire protocol version: `v` in every envelope, request and reply; `.v1` in endpoint names.
  public static let wireProtocol = 1
  /// Warden's release version.
  public static let release = "0.1.0"
}
