import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A fresh directory `/tmp/<prefix>-XXXXXX`, removed with its contents when the value goes away.
/// The path stays short, since `ipc://` socket paths must fit in 108 bytes.
public struct TemporaryDirectory: ~Copyable {
  public let path: String

  public init(_ prefix: String = "wt") {
    var template = Array("/tmp/\(prefix)-XXXXXX".utf8CString)
    let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
    precondition(made != nil, "mkdtemp failed: \(String(cString: strerror(errno)))")
    path = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }

  /// A path inside the directory.
  public func sub(_ name: String) -> String { path + "/" + name }

  deinit { try? FileManager.default.removeItem(atPath: path) }
}
