import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The system calls behind `TokenStore`.
extension TokenStore {
  /// The file's bytes, after checking it is a regular file of this user that nobody else may
  /// read; `nil` when it does not exist.
  func readSecureFile() throws(TokenStoreError) -> Data? {
    let fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
    if fd < 0 {
      if errno == ENOENT { return nil }
      if errno == ELOOP { throw TokenStoreError(.notARegularFile, path: path) }
      throw .system("open", path: path, errno: errno)
    }
    defer { close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0 else { throw .system("stat", path: path, errno: errno) }
    guard info.st_mode & 0o170000 == 0o100000 else { throw TokenStoreError(.notARegularFile, path: path) }
    guard info.st_uid == geteuid() else {
      throw TokenStoreError(.wrongOwner, path: path, detail: "uid \(info.st_uid), not \(geteuid())")
    }
    guard info.st_mode & 0o077 == 0 else {
      throw TokenStoreError(.insecurePermissions, path: path, detail: "mode " + Self.octal(info.st_mode & 0o7777))
    }
    var data = Data()
    var buffer = [UInt8](repeating: 0, count: 16_384)
    while true {
      let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
      if count < 0 {
        if errno == EINTR { continue }
        throw .system("read", path: path, errno: errno)
      }
      if count == 0 { return data }
      data.append(contentsOf: buffer[0..<count])
      guard data.count <= 1 << 20 else { throw TokenStoreError(.corrupt, path: path, detail: "larger than 1 MiB") }
    }
  }

  /// Writes a temporary file next to the target with mode 0600, syncs it, renames it over the
  /// target and syncs the directory, so a crash leaves the old file or the new one.
  func writeAtomically(_ data: Data) throws(TokenStoreError) {
    let temporary = path + ".tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
    let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
    guard fd >= 0 else { throw .system("create", path: temporary, errno: errno) }
    var done = false
    defer { if !done { unlink(temporary) } }
    do {
      defer { close(fd) }
      guard fchmod(fd, 0o600) == 0 else { throw TokenStoreError.system("chmod", path: temporary, errno: errno) }
      try Self.writeAll(fd, data, path: temporary)
      guard fsync(fd) == 0 else { throw TokenStoreError.system("fsync", path: temporary, errno: errno) }
    }
    guard rename(temporary, path) == 0 else { throw .system("rename", path: path, errno: errno) }
    done = true
    let directoryFD = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard directoryFD >= 0 else { throw .system("open", path: directory, errno: errno) }
    defer { close(directoryFD) }
    guard fsync(directoryFD) == 0 else { throw .system("fsync", path: directory, errno: errno) }
  }

  private static func writeAll(_ fd: Int32, _ data: Data, path: String) throws(TokenStoreError) {
    let failure: Int32? = data.withUnsafeBytes { bytes in
      var offset = 0
      while offset < bytes.count {
        let written = write(fd, bytes.baseAddress! + offset, bytes.count - offset)
        if written < 0 {
          if errno == EINTR { continue }
          return errno
        }
        offset += written
      }
      return nil
    }
    if let failure { throw .system("write", path: path, errno: failure) }
  }

  static func octal(_ mode: mode_t) -> String {
    let digits = String(mode, radix: 8)
    return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
  }
}
