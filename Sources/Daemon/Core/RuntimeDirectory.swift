import Foundation
import Synchronization
import WardenProtocol

#if canImport(Glibc)
  import Glibc
#endif

/// Why a runtime or data directory cannot be used.
public struct DirectoryError: Error, Sendable, Equatable, CustomStringConvertible {
  public let path: String
  public let reason: String

  public var description: String { "\(path): \(reason)" }
}

/// Creates and checks the private directories the daemon works in.
public enum PrivateDirectory {
  /// Makes sure `path` is a directory owned by the current user with no access for others:
  /// creates it (and missing parents) with mode 0700, and refuses one that exists with another
  /// owner, with group or other permissions, or as a symbolic link.
  public static func prepare(_ path: String) throws(DirectoryError) {
    var info = stat()
    if lstat(path, &info) != 0 {
      guard errno == ENOENT else { throw DirectoryError(path: path, reason: String(cString: strerror(errno))) }
      let parent = (path as NSString).deletingLastPathComponent
      if !parent.isEmpty && parent != path {
        do {
          try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        } catch {
          throw DirectoryError(path: parent, reason: "cannot create it: \((error as NSError).localizedDescription)")
        }
      }
      if mkdir(path, 0o700) != 0 && errno != EEXIST {
        throw DirectoryError(path: path, reason: "cannot create it: \(String(cString: strerror(errno)))")
      }
      guard lstat(path, &info) == 0 else {
        throw DirectoryError(path: path, reason: String(cString: strerror(errno)))
      }
    }
    guard info.st_mode & S_IFMT == S_IFDIR else {
      throw DirectoryError(path: path, reason: "exists but is not a directory (symbolic links are refused)")
    }
    guard info.st_uid == geteuid() else {
      throw DirectoryError(
        path: path, reason: "is owned by uid \(info.st_uid), not by you (uid \(geteuid())); refusing to use it")
    }
    guard info.st_mode & 0o077 == 0 else {
      throw DirectoryError(
        path: path,
        reason: "is open to other users (mode \(String(info.st_mode & 0o777, radix: 8))); run `chmod 700 \(path)`")
    }
  }
}

/// An exclusive `flock` on `wardend.lock`, held for the daemon's life: a second daemon on the
/// same runtime directory cannot take it and refuses to start.
public final class DaemonLock: Sendable {
  private let descriptor: Int32
  private let released = Atomic<Bool>(false)
  public let path: String

  /// Another daemon holds the lock.
  public struct Held: Error, Sendable, CustomStringConvertible {
    public let path: String
    /// The pid the holder wrote into the lock file, when readable.
    public let holder: Int32?

    public var description: String {
      let who = holder.map { "wardend (pid \($0))" } ?? "another wardend"
      return "\(who) is already running with this runtime directory (lock \(path) is held)"
    }
  }

  public init(path: String) throws {
    let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
    guard descriptor >= 0 else {
      throw DirectoryError(path: path, reason: "cannot open the lock file: \(String(cString: strerror(errno)))")
    }
    if flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
      let holder = Self.readPID(descriptor)
      close(descriptor)
      throw Held(path: path, holder: holder)
    }
    let pid = Array("\(getpid())\n".utf8)
    _ = ftruncate(descriptor, 0)
    _ = pid.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
    self.descriptor = descriptor
    self.path = path
  }

  private static func readPID(_ descriptor: Int32) -> Int32? {
    var buffer = [UInt8](repeating: 0, count: 32)
    let count = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, 0) }
    guard count > 0 else { return nil }
    return Int32(String(decoding: buffer[..<count], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
  }

  /// Releases the lock; later calls do nothing. The process's exit releases it too.
  public func release() {
    guard !released.exchange(true, ordering: .acquiringAndReleasing) else { return }
    flock(descriptor, LOCK_UN)
    close(descriptor)
  }

  deinit { release() }
}
