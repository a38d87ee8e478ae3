import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `tokens.json` in a private directory: written atomically (a temporary file, `fsync`,
/// `rename`, then `fsync` of the directory) with mode 0600, and never read when other users
/// could read it or when it belongs to someone else.
public struct TokenStore: Sendable {
  /// The directory holding the file; created with mode 0700 when missing.
  public let directory: String

  /// A store in `directory` (which `save` creates, mode 0700, if needed).
  public init(directory: String) {
    self.directory = directory
  }

  /// The token file.
  public var path: String { directory + "/tokens.json" }

  /// The stored tokens; empty when there is no file.
  public func load() throws(TokenStoreError) -> StoredTokens {
    guard let data = try readSecureFile() else { return StoredTokens() }
    do {
      return try JSONDecoder().decode(StoredTokens.self, from: data)
    } catch {
      throw TokenStoreError(.corrupt, path: path, detail: DecodingFailure.describe(error))
    }
  }

  /// Replaces the file with `tokens`, atomically, mode 0600.
  public func save(_ tokens: StoredTokens) throws(TokenStoreError) {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    let data: Data
    do {
      data = try encoder.encode(tokens)
    } catch {
      throw TokenStoreError(.corrupt, path: path, detail: "could not encode the tokens")
    }
    try makeDirectory()
    try writeAtomically(data + Data("\n".utf8))
  }

  /// Removes the file; no file is not an error.
  public func delete() throws(TokenStoreError) {
    if unlink(path) != 0 && errno != ENOENT { throw .system("delete", path: path, errno: errno) }
  }

  private func makeDirectory() throws(TokenStoreError) {
    var info = stat()
    if stat(directory, &info) == 0 { return }
    do {
      try FileManager.default.createDirectory(
        atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    } catch {
      throw TokenStoreError(.io, path: directory, operation: "create the directory", detail: "\(error)")
    }
  }
}
