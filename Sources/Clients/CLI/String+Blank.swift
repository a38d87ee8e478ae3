import Foundation

extension String {
  /// The text trimmed of surrounding white space, `nil` when nothing remains.
  var nonBlank: String? {
    let trimmed = trimmingCharacters(in: .whitespacesAndNewlines)
    return trimmed.isEmpty ? nil : trimmed
  }
}

extension String? {
  /// The text trimmed of surrounding white space, `nil` when absent or nothing remains.
  var nonBlank: String? { self?.nonBlank }
}
