#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Why the token file could not be read or written, naming the file and, for system calls,
/// the `errno` and its text. Never shows the file's content.
public struct TokenStoreError: Error, Sendable, Hashable {
  /// The class of failure; compare with `==`.
  public struct Kind: Sendable, Hashable, CustomStringConvertible {
    private enum Code: String, Sendable, Hashable {
      case insecurePermissions, wrongOwner, notARegularFile, corrupt, io
    }

    private let code: Code
    private init(_ code: Code) { self.code = code }

    /// Group or others may access the file; it is not read.
    public static let insecurePermissions = Kind(.insecurePermissions)
    /// Another user owns the file; it is not read.
    public static let wrongOwner = Kind(.wrongOwner)
    /// The path is a directory, a link or another kind of file.
    public static let notARegularFile = Kind(.notARegularFile)
    /// The file is not a token file.
    public static let corrupt = Kind(.corrupt)
    /// A system call failed.
    public static let io = Kind(.io)

    /// What failed, naming the file and what to do.
    public var description: String { code.rawValue }
  }

  /// The class of failure.
  public var kind: Kind
  /// The file (or directory) concerned.
  public var path: String
  /// The failing call, e.g. `open` or `rename`, for `.io`.
  public var operation: String?
  /// `errno`, for `.io`.
  public var errno: Int32?
  /// More detail: the mode, the owner, what is wrong with the content.
  public var detail: String?

  init(_ kind: Kind, path: String, operation: String? = nil, errno: Int32? = nil, detail: String? = nil) {
    self.kind = kind
    self.path = path
    self.operation = operation
    self.errno = errno
    self.detail = detail
  }

  /// A failed system call, with the current `errno`.
  static func system(_ operation: String, path: String, errno code: Int32) -> TokenStoreError {
    TokenStoreError(.io, path: path, operation: operation, errno: code)
  }
}

extension TokenStoreError: CustomStringConvertible {
  /// What failed, naming the file and what to do.
  public var description: String {
    switch kind {
    case .insecurePermissions:
      return "Refusing to read \(path): other users may read it (\(detail ?? "mode unknown")). "
        + "Run `chmod 600 \(path)`, or delete it and sign in again"
    case .wrongOwner:
      return "Refusing to read \(path): it belongs to another user (\(detail ?? "owner unknown"))"
    case .notARegularFile:
      return "Refusing to read \(path): it is not a regular file"
    case .corrupt:
      return "\(path) is not a valid token file: \(detail ?? "unreadable"); delete it and sign in again"
    default:
      let cause = errno.map { "\(String(cString: strerror($0))) (errno \($0))" } ?? (detail ?? "failed")
      return "Could not \(operation ?? "access") \(path): \(cause)"
    }
  }
}
