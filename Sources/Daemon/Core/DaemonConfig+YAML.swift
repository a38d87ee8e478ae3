import Foundation
import Yams

extension DaemonConfig {
  /// Reads and checks a YAML file. Unknown keys are errors, so a typo never passes unnoticed.
  public static func load(path: String) throws(ConfigError) -> DaemonConfig {
    let text: String
    do {
      text = try String(contentsOfFile: path, encoding: .utf8)
    } catch {
      throw ConfigError(location: path, reason: "cannot read the file (\(Self.reason(error)))")
    }
    return try parse(yaml: text, source: path)
  }

  /// Parses YAML text; `source` names it in errors.
  public static func parse(yaml: String, source: String) throws(ConfigError) -> DaemonConfig {
    let root: Node?
    do {
      root = try Yams.compose(yaml: yaml)
    } catch {
      throw ConfigError(location: source, reason: "not valid YAML: \(error)")
    }
    var config = DaemonConfig()
    guard let root else { return config }  // an empty file keeps every default
    let reader = YAMLReader(source: source)
    let top = try reader.mapping(root, path: "the top level")
    for (key, value) in top {
      switch key {
      case "runtime_dir":
        // Clients must find the daemon without reading its config file.
        throw reader.error(
          value,
          "runtime_dir cannot be set in the file; use --runtime-dir or WARDEN_RUNTIME_DIR, which clients read too")
      case "data_dir": config.dataDirectory = try reader.string(value, key: key)
      case "log_level":
        let level = try reader.string(value, key: key)
        guard logLevels.contains(level) else {
          throw reader.error(value, "log_level must be one of \(logLevels.joined(separator: ", ")), not '\(level)'")
        }
        config.logLevel = level
      case "bus":
        for (busKey, busValue) in try reader.mapping(value, path: "bus") {
          let name = "bus.\(busKey)"
          switch busKey {
          case "heartbeat_ms": config.bus.heartbeatMS = try reader.int(busValue, key: name, in: 100...60_000)
          case "ring_buffer_events":
            config.bus.ringBufferEvents = try reader.int(busValue, key: name, in: 1...10_000_000)
          case "send_high_water_mark":
            config.bus.sendHighWaterMark = Int32(try reader.int(busValue, key: name, in: 1...100_000_000))
          case "max_request_bytes":
            config.bus.maxRequestBytes = try reader.int(busValue, key: name, in: 1024...(16 << 20))
          default:
            throw reader.error(
              busValue,
              "unknown key '\(name)' (known: heartbeat_ms, ring_buffer_events, send_high_water_mark, "
                + "max_request_bytes)")
          }
        }
      case "channels":
        config.channels = try reader.channels(value)
      case "twitch":
        config.twitch = try reader.twitch(value)
      default:
        throw reader.error(value, "unknown key '\(key)' (known: data_dir, log_level, bus, channels, twitch)")
      }
    }
    return config
  }

  private static func reason(_ error: any Error) -> String {
    (error as NSError).localizedDescription
  }
}

/// Walks a composed YAML tree with errors that name the file, line and column.
struct YAMLReader {
  let source: String

  func error(_ node: Node, _ reason: String) -> ConfigError {
    let location = node.mark.map { "\(source):\($0.line):\($0.column)" } ?? source
    return ConfigError(location: location, reason: reason)
  }

  func mapping(_ node: Node, path: String) throws(ConfigError) -> [(String, Node)] {
    guard let mapping = node.mapping else { throw error(node, "\(path) must be a mapping of keys to values") }
    var seen = Set<String>()
    var pairs: [(String, Node)] = []
    for (key, value) in mapping {
      guard let name = key.string else { throw error(key, "keys in \(path) must be plain strings") }
      guard seen.insert(name).inserted else { throw error(key, "key '\(name)' appears twice in \(path)") }
      pairs.append((name, value))
    }
    return pairs
  }

  func string(_ node: Node, key: String) throws(ConfigError) -> String {
    guard let scalar = node.scalar, !scalar.string.isEmpty else {
      throw error(node, "\(key) must be a non-empty string")
    }
    return scalar.string
  }

  func int(_ node: Node, key: String, in range: ClosedRange<Int>) throws(ConfigError) -> Int {
    guard let value = node.int else { throw error(node, "\(key) must be a whole number") }
    guard range.contains(value) else {
      throw error(node, "\(key) must be between \(range.lowerBound) and \(range.upperBound), not \(value)")
    }
    return value
  }
}
