import Testing
import WardenProtocol

struct RuntimePathsTests {
  struct Case: Sendable, CustomTestStringConvertible {
    let label: String
    let explicit: String?
    let environment: [String: String]
    let uid: UInt32
    let expected: String
    var testDescription: String { label }
  }

  static let both = ["WARDEN_RUNTIME_DIR": "/srv/warden", "XDG_RUNTIME_DIR": "/run/user/1000"]

  static let cases: [Case] = [
    Case(label: "explicit wins over everything", explicit: "/opt/w", environment: both, uid: 1000, expected: "/opt/w"),
    Case(label: "explicit, trailing slash", explicit: "/opt/w/", environment: [:], uid: 1000, expected: "/opt/w"),
    Case(label: "explicit, many trailing slashes", explicit: "/opt/w///", environment: [:], uid: 1, expected: "/opt/w"),
    Case(label: "explicit relative", explicit: "run", environment: both, uid: 1000, expected: "run"),
    Case(label: "explicit root stays root", explicit: "/", environment: both, uid: 1000, expected: "/"),
    Case(label: "explicit empty is ignored", explicit: "", environment: both, uid: 1000, expected: "/srv/warden"),
    Case(label: "WARDEN_RUNTIME_DIR over XDG", explicit: nil, environment: both, uid: 1000, expected: "/srv/warden"),
    Case(
      label: "WARDEN_RUNTIME_DIR, trailing slash", explicit: nil, environment: ["WARDEN_RUNTIME_DIR": "/srv/warden/"],
      uid: 1000, expected: "/srv/warden"),
    Case(
      label: "empty WARDEN_RUNTIME_DIR is ignored", explicit: nil,
      environment: ["WARDEN_RUNTIME_DIR": "", "XDG_RUNTIME_DIR": "/run/user/1000"], uid: 1000,
      expected: "/run/user/1000/warden"),
    Case(
      label: "XDG_RUNTIME_DIR/warden", explicit: nil, environment: ["XDG_RUNTIME_DIR": "/run/user/1000"], uid: 1000,
      expected: "/run/user/1000/warden"),
    Case(
      label: "empty XDG_RUNTIME_DIR is ignored", explicit: nil, environment: ["XDG_RUNTIME_DIR": ""], uid: 1000,
      expected: "/tmp/warden-1000"),
    Case(label: "nothing set", explicit: nil, environment: [:], uid: 1000, expected: "/tmp/warden-1000"),
    Case(label: "nothing set, root", explicit: nil, environment: [:], uid: 0, expected: "/tmp/warden-0"),
    Case(
      label: "nothing set, large uid", explicit: nil, environment: ["HOME": "/home/x"], uid: 4_294_967_294,
      expected: "/tmp/warden-4294967294"),
  ]

  @Test(arguments: cases)
  func resolve(_ example: Case) {
    let paths = RuntimePaths.resolve(explicit: example.explicit, environment: example.environment, uid: example.uid)
    #expect(paths.directory == example.expected)
  }

  @Test(arguments: ["/run/user/1000/", "/run/user/1000//"])
  func xdgTrailingSlashIsTrimmedBeforeAppending(_ xdg: String) {
    let paths = RuntimePaths.resolve(explicit: nil, environment: ["XDG_RUNTIME_DIR": xdg], uid: 1000)
    #expect(paths.directory == "/run/user/1000/warden")
  }

  @Test(arguments: [
    ("/a", "/a"),
    ("/a/", "/a"),
    ("/a/b//", "/a/b"),
    ("/", "/"),
    ("//", "/"),
    ("a/", "a"),
  ])
  func initTrimsTrailingSlashes(_ given: String, _ expected: String) {
    #expect(RuntimePaths(directory: given).directory == expected)
  }

  @Test func derivedPaths() {
    let paths = RuntimePaths(directory: "/run/user/1000/warden/")
    #expect(paths.eventsSocket == "/run/user/1000/warden/events.v1")
    #expect(paths.commandsSocket == "/run/user/1000/warden/cmd.v1")
    #expect(paths.infoFile == "/run/user/1000/warden/daemon.json")
    #expect(paths.lockFile == "/run/user/1000/warden/wardend.lock")
    #expect(
      paths.endpoints
        == DaemonEndpoints(
          events: "ipc:///run/user/1000/warden/events.v1", commands: "ipc:///run/user/1000/warden/cmd.v1"))
  }

  @Test func equalDirectoriesGiveEqualPaths() {
    #expect(RuntimePaths(directory: "/x/") == RuntimePaths(directory: "/x"))
  }
}
