import Foundation
import Testing
import WardenHelix
import WardenTestSupport

#if canImport(Glibc)
  import Glibc
#endif

/// `tokens.json`: atomic, private, and refused when others could read it.
@Suite struct TokenStoreTests {
  private let sample = StoredTokens(
    user: OAuthToken(
      accessToken: "access-1", refreshToken: "refresh-1", scopes: ["user:read:chat"], expiresAt: 1_700_000_000_000,
      userID: "42", login: "moddy"),
    app: OAuthToken(accessToken: "app-1", kind: .app))

  private func mode(_ path: String) -> mode_t {
    var info = stat()
    stat(path, &info)
    return info.st_mode & 0o7777
  }

  @Test func savedTokensComeBackAndTheFileIsPrivate() throws {
    let temp = TemporaryDirectory("wh")
    let store = TokenStore(directory: temp.sub("state/warden"))
    #expect(try store.load() == StoredTokens(), "no file: nothing stored")
    try store.save(sample)
    #expect(try store.load() == sample)
    #expect(mode(store.path) == 0o600)
    #expect(mode(store.directory) == 0o700)
    let names = try FileManager.default.contentsOfDirectory(atPath: store.directory)
    #expect(names == ["tokens.json"], "no temporary file is left behind")
    let json = try String(contentsOfFile: store.path, encoding: .utf8)
    #expect(json.contains("\"access_token\" : \"access-1\""))
    #expect(json.contains("\"expires_at\" : 1700000000000"))
  }

  @Test func aSaveReplacesTheFileAndKeepsItsMode() throws {
    let temp = TemporaryDirectory("wh")
    let store = TokenStore(directory: temp.path)
    try store.save(sample)
    var changed = sample
    changed.user?.refreshToken = "refresh-2"
    try store.save(changed)
    #expect(try store.load().user?.refreshToken == "refresh-2")
    #expect(mode(store.path) == 0o600)
  }

  @Test(arguments: [0o644, 0o640, 0o604, 0o660])
  func aFileOthersMayReadIsRefused(permissions: Int) throws {
    let temp = TemporaryDirectory("wh")
    let store = TokenStore(directory: temp.path)
    try store.save(sample)
    chmod(store.path, mode_t(permissions))
    let error = try #require(throws: TokenStoreError.self) { try store.load() }
    #expect(error.kind == .insecurePermissions)
    #expect(error.description.contains(store.path))
    #expect(error.description.contains("chmod 600"))
    #expect(error.description.contains(String(permissions, radix: 8)))
    #expect(!error.description.contains("access-1"))
  }

  @Test func aCorruptFileIsAClearErrorWithoutItsContent() throws {
    let temp = TemporaryDirectory("wh")
    let store = TokenStore(directory: temp.path)
    let fd = open(store.path, O_WRONLY | O_CREAT, 0o600)
    _ = write(fd, "{\"user\":{\"access_token\":\"secret-token-xyz\"}}", 44)
    close(fd)
    let error = try #require(throws: TokenStoreError.self) { try store.load() }
    #expect(error.kind == .corrupt)
    #expect(!error.description.contains("secret-token-xyz"))
  }

  @Test func aSymlinkIsNotFollowed() throws {
    let temp = TemporaryDirectory("wh")
    let store = TokenStore(directory: temp.sub("a"))
    try store.save(sample)
    let other = TokenStore(directory: temp.sub("b"))
    try FileManager.default.createDirectory(atPath: other.directory, withIntermediateDirectories: true)
    symlink(store.path, other.path)
    let error = try #require(throws: TokenStoreError.self) { try other.load() }
    #expect(error.kind == .notARegularFile)
  }

  @Test func deleteRemovesTheFileAndToleratesNone() throws {
    let temp = TemporaryDirectory("wh")
    let store = TokenStore(directory: temp.path)
    try store.save(sample)
    try store.delete()
    #expect(!FileManager.default.fileExists(atPath: store.path))
    try store.delete()
  }
}
