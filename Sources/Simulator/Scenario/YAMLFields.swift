import Foundation
import Yams

/// A YAML mapping being read: typed access to its values, and errors that point at the
/// offending node. Construction rejects keys outside `allowed`, so typos fail loudly.
struct YAMLFields {
  let node: Node
  /// What the mapping is, for messages: `user`, `say step`, `channel 'x' chat`.
  let context: String
  let source: String
  private let pairs: [String: (key: Node, value: Node)]

  init(_ node: Node, _ context: String, allowed: [String], source: String) throws(ScenarioError) {
    if node.null != nil {
      (self.node, self.context, self.source, self.pairs) = (node, context, source, [:])
      return
    }
    guard case .mapping(let mapping) = node else {
      throw YAMLFields.error(.badValue, at: node, source: source, "\(context) must be a mapping (key: value)")
    }
    var pairs: [String: (key: Node, value: Node)] = [:]
    for (key, value) in mapping {
      guard case .scalar(let scalar) = key else {
        throw YAMLFields.error(.badValue, at: key, source: source, "keys of \(context) must be plain words")
      }
      guard allowed.contains(scalar.string) else {
        var message = "unknown key '\(scalar.string)' in \(context)"
        if let near = Self.nearest(to: scalar.string, in: allowed) { message += " (did you mean '\(near)'?)" }
        message += "; expected one of: " + allowed.joined(separator: ", ")
        throw YAMLFields.error(.unknownKey, at: key, source: source, message)
      }
      pairs[scalar.string] = (key, value)
    }
    self.node = node
    self.context = context
    self.source = source
    self.pairs = pairs
  }

  func has(_ key: String) -> Bool { value(key) != nil }

  /// The value of `key`; an explicit `null` counts as absent.
  func value(_ key: String) -> Node? {
    guard let value = pairs[key]?.value else { return nil }
    if value.null != nil { return nil }
    return value
  }

  /// The node of a key itself (for errors about the key, e.g. a duplicate step).
  func keyNode(_ key: String) -> Node? { pairs[key]?.key }

  // MARK: Errors

  func error(_ code: ScenarioError.Code, at node: Node?, _ message: String) -> ScenarioError {
    Self.error(code, at: node ?? self.node, source: source, message)
  }

  func missing(_ key: String) -> ScenarioError {
    error(.missingKey, at: node, "\(context) needs '\(key)'")
  }

  static func error(_ code: ScenarioError.Code, at node: Node, source: String, _ message: String) -> ScenarioError {
    ScenarioError(code: code, source: source, line: node.mark?.line, column: node.mark?.column, message: message)
  }

  // MARK: Scalars

  func string(_ key: String) throws(ScenarioError) -> String? {
    guard let value = value(key) else { return nil }
    guard case .scalar(let scalar) = value else {
      throw error(.badValue, at: value, "'\(key)' in \(context) must be a single value, not a list or mapping")
    }
    return scalar.string
  }

  func requiredString(_ key: String) throws(ScenarioError) -> String {
    guard let text = try string(key) else { throw missing(key) }
    guard !text.isEmpty else { throw error(.badValue, at: value(key), "'\(key)' in \(context) must not be empty") }
    return text
  }

  func int(_ key: String, in range: ClosedRange<Int>) throws(ScenarioError) -> Int? {
    guard let value = value(key) else { return nil }
    guard case .scalar(let scalar) = value, let number = Int(scalar.string.replacing("_", with: "")) else {
      throw error(.badValue, at: value, "'\(key)' in \(context) must be a whole number")
    }
    guard range.contains(number) else {
      throw error(.badValue, at: value, "'\(key)' in \(context) must be \(Self.describe(range)), not \(number)")
    }
    return number
  }

  func double(_ key: String, in range: ClosedRange<Double>) throws(ScenarioError) -> Double? {
    guard let value = value(key) else { return nil }
    guard case .scalar(let scalar) = value, let number = Double(scalar.string.replacing("_", with: "")),
      number.isFinite
    else {
      throw error(.badValue, at: value, "'\(key)' in \(context) must be a number")
    }
    guard range.contains(number) else {
      throw error(.badValue, at: value, "'\(key)' in \(context) must be \(Self.describe(range)), not \(scalar.string)")
    }
    return number
  }

  func bool(_ key: String) throws(ScenarioError) -> Bool? {
    guard let value = value(key) else { return nil }
    guard let flag = Self.bool(value) else {
      throw error(.badValue, at: value, "'\(key)' in \(context) must be true or false")
    }
    return flag
  }

  static func bool(_ node: Node) -> Bool? {
    guard case .scalar(let scalar) = node else { return nil }
    switch scalar.string.lowercased() {
    case "true", "yes", "on": return true
    case "false", "no", "off": return false
    default: return nil
    }
  }

  /// A list of texts; a single value counts as a list of one.
  func strings(_ key: String) throws(ScenarioError) -> [String]? {
    guard let value = value(key) else { return nil }
    switch value {
    case .scalar(let scalar): return [scalar.string]
    case .sequence(let sequence):
      var texts: [String] = []
      for item in sequence {
        guard case .scalar(let scalar) = item else {
          throw error(.badValue, at: item, "items of '\(key)' in \(context) must be single values")
        }
        texts.append(scalar.string)
      }
      return texts
    default: throw error(.badValue, at: value, "'\(key)' in \(context) must be a list")
    }
  }

  /// A non-empty list of texts, or `nil` when absent.
  func nonEmptyStrings(_ key: String) throws(ScenarioError) -> [String]? {
    guard let texts = try strings(key) else { return nil }
    guard !texts.isEmpty, !texts.contains(where: \.isEmpty) else {
      throw error(.badValue, at: value(key), "'\(key)' in \(context) must list at least one non-empty text")
    }
    return texts
  }

  func sequence(_ key: String) throws(ScenarioError) -> [Node]? {
    guard let value = value(key) else { return nil }
    guard case .sequence(let sequence) = value else {
      throw error(.badValue, at: value, "'\(key)' in \(context) must be a list")
    }
    return Array(sequence)
  }

  func mapping(_ key: String, _ context: String, allowed: [String]) throws(ScenarioError) -> YAMLFields? {
    guard let value = value(key) else { return nil }
    return try YAMLFields(value, context, allowed: allowed, source: source)
  }

  // MARK: Helpers

  private static func describe<T: Comparable & Numeric>(_ range: ClosedRange<T>) -> String {
    "from \(range.lowerBound) to \(range.upperBound)"
  }

  /// The allowed key closest to a misspelt one, if it is close enough to be a typo.
  static func nearest(to word: String, in candidates: [String]) -> String? {
    let scored = candidates.map { ($0, distance(word, $0)) }.min { $0.1 < $1.1 }
    guard let (best, score) = scored, score <= max(1, word.count / 3) else { return nil }
    return best
  }

  private static func distance(_ lhs: String, _ rhs: String) -> Int {
    let a = Array(lhs.unicodeScalars)
    let b = Array(rhs.unicodeScalars)
    var previous = Array(0...b.count)
    for i in 1...max(a.count, 1) where !a.isEmpty {
      var current = [i] + Array(repeating: 0, count: b.count)
      for j in stride(from: 1, through: b.count, by: 1) {
        current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
      }
      previous = current
    }
    return a.isEmpty ? b.count : previous[b.count]
  }
}
