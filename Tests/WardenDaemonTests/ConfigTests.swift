import Foundation
import Testing
import WardenDaemon
import WardenProtocol

@Suite struct ConfigTests {
  @Test func emptyFileKeepsDefaults() throws {
    #expect(try DaemonConfig.parse(yaml: "", source: "c.yaml") == DaemonConfig())
    #expect(try DaemonConfig.parse(yaml: "# only a comment\n", source: "c.yaml") == DaemonConfig())
  }

  @Test func everyKeyOverrides() throws {
    let yaml = """
      data_dir: ~/w
      log_level: debug
      bus:
        heartbeat_ms: 250
        ring_buffer_events: 500
        send_high_water_mark: 2000
        max_request_bytes: 4096
      """
    let config = try DaemonConfig.parse(yaml: yaml, source: "c.yaml")
    #expect(config.dataDirectory == "~/w")
    #expect(config.logLevel == "debug")
    #expect(config.bus.heartbeatMS == 250)
    #expect(config.bus.ringBufferEvents == 500)
    #expect(config.bus.sendHighWaterMark == 2000)
    #expect(config.bus.maxRequestBytes == 4096)
  }

  static let broken: [(String, String, String)] = [
    ("data_dri: /x", "c.yaml:1:11", "unknown key 'data_dri'"),
    ("runtime_dir: /x", "c.yaml:1:14", "runtime_dir cannot be set in the file"),
    ("bus:\n  heartbeat: 5", "c.yaml:2:14", "unknown key 'bus.heartbeat'"),
    ("bus:\n  heartbeat_ms: fast", "c.yaml:2:17", "bus.heartbeat_ms must be a whole number"),
    ("bus:\n  heartbeat_ms: 5", "c.yaml:2:17", "between 100 and 60000, not 5"),
    ("log_level: loud", "c.yaml:1:12", "log_level must be one of"),
    ("bus: 3", "c.yaml:1:6", "bus must be a mapping"),
    ("- a\n- b", "c.yaml:1:1", "the top level must be a mapping"),
    ("data_dir: a\ndata_dir: b", "c.yaml", "duplicated key(s): 'data_dir'"),
    ("data_dir: [1, 2]", "c.yaml:1:11", "data_dir must be a non-empty string"),
    ("bus: {heartbeat_ms: 1000", "c.yaml", "not valid YAML"),
  ]

  @Test(arguments: broken)
  func brokenFilesSayWhereAndWhy(yaml: String, location: String, reason: String) {
    #expect {
      try DaemonConfig.parse(yaml: yaml, source: "c.yaml")
    } throws: { error in
      guard let error = error as? ConfigError else { return false }
      return error.location == location && error.reason.contains(reason)
    }
  }

  @Test func missingFileIsAClearError() {
    #expect {
      try DaemonConfig.load(path: "/nonexistent/warden.yaml")
    } throws: { error in
      (error as? ConfigError)?.description.hasPrefix("/nonexistent/warden.yaml: cannot read the file") == true
    }
  }

  @Test func optionsPrecedence() {
    var config = DaemonConfig()
    config.dataDirectory = "/data/file"
    let env = [
      "WARDEN_RUNTIME_DIR": "/from/env", "WARDEN_DATA_DIR": "/data/env", "XDG_RUNTIME_DIR": "/run/user/1",
      "XDG_DATA_HOME": "/xdg/data", "HOME": "/home/u",
    ]
    func resolve(_ config: DaemonConfig, _ env: [String: String], _ flags: (String?, String?) = (nil, nil))
      -> (String, String)
    {
      let options = DaemonOptions.resolve(
        config: config, runtimeDirectory: flags.0, dataDirectory: flags.1, environment: env, uid: 7,
        handleSignals: false)
      return (options.paths.directory, options.dataDirectory)
    }
    #expect(resolve(config, env, ("/flag/run", "/flag/data")) == ("/flag/run", "/flag/data"))
    #expect(resolve(config, env) == ("/from/env", "/data/env"))
    let noWardenEnv = env.filter { !$0.key.hasPrefix("WARDEN_") }
    #expect(resolve(config, noWardenEnv) == ("/run/user/1/warden", "/data/file"))
    #expect(resolve(DaemonConfig(), noWardenEnv) == ("/run/user/1/warden", "/xdg/data/warden"))
    #expect(resolve(DaemonConfig(), ["HOME": "/home/u"]) == ("/tmp/warden-7", "/home/u/.local/share/warden"))
    var tilde = DaemonConfig()
    tilde.dataDirectory = "~/w"
    #expect(resolve(tilde, ["HOME": "/home/u"]).1 == "/home/u/w")
  }
}
