import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A fresh private directory under `/tmp` (mode 0700, as `mkdtemp` makes it). The path is kept
/// short on purpose: an `ipc://` endpoint's path must stay under about 100 bytes.
struct TemporaryDirectory: Sendable {
  let path: String

  init(prefix: String = "wbench") throws {
    var template = Array("/tmp/\(prefix)-XXXXXX".utf8CString)
    let made = template.withUnsafeMutableBufferPointer { buffer -> String? in
      guard let result = mkdtemp(buffer.baseAddress!) else { return nil }
      return String(cString: result)
    }
    guard let made else { throw BenchError("mkdtemp(/tmp/\(prefix)-XXXXXX): \(String(cString: strerror(errno)))") }
    path = made
  }

  /// A path inside the directory.
  func appending(_ name: String) -> String { path + "/" + name }

  func remove() {
    try? FileManager.default.removeItem(atPath: path)
  }
}
