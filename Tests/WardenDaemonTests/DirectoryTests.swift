import Foundation
import Testing
import WardenDaemon
import WardenTestSupport

#if canImport(Glibc)
  import Glibc
#endif

@Suite struct DirectoryTests {
  private func mode(_ path: String) -> mode_t {
    var info = stat()
    lstat(path, &info)
    return info.st_mode & 0o777
  }

  @Test func createsPrivateDirectoriesWithParents() throws {
    let temp = TemporaryDirectory()
    let path = temp.sub("a/b/run")
    try PrivateDirectory.prepare(path)
    #expect(mode(path) == 0o700)
    try PrivateDirectory.prepare(path)  // again: fine
  }

  @Test func refusesADirectoryOpenToOthers() throws {
    let temp = TemporaryDirectory()
    let path = temp.sub("open")
    mkdir(path, 0o755)
    chmod(path, 0o755)
    #expect(throws: DirectoryError.self) { try PrivateDirectory.prepare(path) }
    do {
      try PrivateDirectory.prepare(path)
    } catch {
      #expect(error.reason.contains("open to other users (mode 755)"))
    }
  }

  @Test func refusesSymlinksAndFiles() throws {
    let temp = TemporaryDirectory()
    let target = temp.sub("target")
    mkdir(target, 0o700)
    symlink(target, temp.sub("link"))
    #expect(throws: DirectoryError.self) { try PrivateDirectory.prepare(temp.sub("link")) }
    _ = FileManager.default.createFile(atPath: temp.sub("file"), contents: Data())
    #expect(throws: DirectoryError.self) { try PrivateDirectory.prepare(temp.sub("file")) }
  }

  @Test(.enabled(if: geteuid() == 0, "needs root to give a directory away"))
  func refusesADirectoryOfAnotherUser() throws {
    let temp = TemporaryDirectory()
    let path = temp.sub("theirs")
    mkdir(path, 0o700)
    chown(path, 65534, 65534)
    do {
      try PrivateDirectory.prepare(path)
      Issue.record("a directory of uid 65534 was accepted")
    } catch {
      #expect(error.reason.contains("owned by uid 65534"))
    }
  }

  @Test func theLockIsExclusiveAndNamesItsHolder() throws {
    let temp = TemporaryDirectory()
    let path = temp.sub("wardend.lock")
    var first: DaemonLock? = try DaemonLock(path: path)
    #expect(first != nil)
    do {
      _ = try DaemonLock(path: path)
      Issue.record("a second lock was granted")
    } catch let held as DaemonLock.Held {
      #expect(held.holder == getpid())
      #expect(held.description.contains("already running"))
    }
    first = nil
    _ = try DaemonLock(path: path)  // released: can be taken again
  }
}
