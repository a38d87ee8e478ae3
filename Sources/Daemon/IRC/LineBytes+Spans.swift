extension LineBytes {
  /// The unescaped tag value at `span`, empty when absent.
  @inline(__always)
  func value(_ span: TagSpan) -> String {
    span.range.map { value($0) } ?? ""
  }

  /// The unescaped tag value at `span`, nil when absent or empty.
  @inline(__always)
  func nonEmptyValue(_ span: TagSpan) -> String? {
    guard let range = span.range, !range.isEmpty else { return nil }
    return value(range)
  }

  /// The integer in the tag value at `span`, nil when absent or not a number.
  @inline(__always)
  func int(_ span: TagSpan) -> Int? {
    span.range.flatMap { int($0) }
  }
}

extension Badge {
  /// The badges in the tag value at `span`.
  @inline(__always)
  static func list(_ bytes: LineBytes, _ span: TagSpan) -> [Badge] {
    span.range.map { list(bytes, $0) } ?? []
  }
}

extension IRCLine {
  /// The unescaped tag value at `span`, empty when absent.
  func value(_ span: TagSpan) -> String { withBytes { $0.value(span) } }

  /// The unescaped tag value at `span`, nil when absent or empty.
  func nonEmptyValue(_ span: TagSpan) -> String? { withBytes { $0.nonEmptyValue(span) } }

  /// The badges in the tag value at `span`.
  func badges(_ span: TagSpan) -> [Badge] { withBytes { Badge.list($0, span) } }

  /// The integer in the tag value at `span`, nil when absent or not a number.
  func int(_ span: TagSpan) -> Int? { withBytes { $0.int(span) } }
}
