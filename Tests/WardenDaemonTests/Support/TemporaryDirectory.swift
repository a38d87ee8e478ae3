import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A fresh directory under /tmp with a short path (ipc socket paths must stay under 108 bytes).
struct TemporaryDirectory: ~Copyable {
  let path: String

  init(_ prefix: String = "wd") {
    var template = Array("/tmp/\(prefix)-XXXXXX".utf8CString)
    let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
    precondition(made != nil, "mkdtemp failed")
    path = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }

  func sub(_ name: String) -> String { path + "/" + name }

  deinit { try? FileManager.default.removeItem(atPath: path) }
}
