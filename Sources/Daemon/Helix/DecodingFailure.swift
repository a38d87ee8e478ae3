/// Words for a `DecodingError` that name the field, never the value that was read.
enum DecodingFailure {
  static func describe(_ error: any Error) -> String {
    guard let error = error as? DecodingError else { return "unreadable answer" }
    switch error {
    case .keyNotFound(let key, let context):
      return "missing field \(path(context.codingPath + [key]))"
    case .typeMismatch(_, let context), .valueNotFound(_, let context):
      return "unexpected value at \(path(context.codingPath))"
    case .dataCorrupted(let context):
      return context.codingPath.isEmpty ? "not valid JSON" : "unexpected value at \(path(context.codingPath))"
    @unknown default:
      return "unreadable answer"
    }
  }

  private static func path(_ keys: [any CodingKey]) -> String {
    keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
  }
}
