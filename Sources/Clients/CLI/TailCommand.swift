import ArgumentParser
import WardenClient
import WardenProtocol
import WardenZeroMQ

/// `warden tail`: events as they happen.
struct TailCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "tail",
    abstract: "Print events live; say when events were missed, wardend restarted or went silent.",
    discussion: """
      Filters are topic prefixes <stream>.<name>.<channel>, e.g. 'mod.' or 'chat.message.somechannel';
      none means everything. Heartbeats and welcomes are hidden unless a filter asks for 'sys.'.
      Notices about gaps, restarts and silence go to standard error.
      """)

  @OptionGroup var connection: ConnectionOptions

  @Argument(help: "Topic prefixes to show (default: all).")
  var filters: [String] = []

  @Flag(help: "One JSON envelope per line, exactly as published.")
  var json = false

  @Flag(help: "Wait for wardend if it is not running yet, instead of failing.")
  var wait = false

  @Option(help: "Exit after this many events.")
  var count: Int?

  func validate() throws {
    for filter in filters where filter.utf8.contains(where: { !isTopicByte($0) }) {
      throw ValidationError("'\(filter)' is not a topic prefix: use lowercase letters, digits, '_' and '.'")
    }
    if let count, count < 1 { throw ValidationError("--count must be at least 1") }
  }

  func run() async throws {
    let paths = connection.paths(environment: CLIRuntime.environment, uid: CLIRuntime.uid)
    do {
      _ = try DaemonLocator.locate(paths)
    } catch {
      guard wait else { throw CLIRuntime.exit(for: error) }
      CLIRuntime.printError("waiting for wardend to start (runtime directory \(paths.directory))")
    }
    let prefixes = filters.isEmpty ? [""] : filters
    let showSys = prefixes.contains { $0.isEmpty ? false : $0.hasPrefix("sys") }
    let formatter = EventFormatter(style: CLIRuntime.style)
    let errorFormatter = EventFormatter(style: Style(enabled: false))
    let context = try ZMQContext()
    let subscriber = try await Subscriber.connect(context: context, endpoint: paths.endpoints.events, filters: prefixes)
    var shown = 0
    for await output in subscriber.outputs {
      switch output {
      case .notice(let notice):
        CLIRuntime.printError(errorFormatter.line(for: notice))
      case .event(let envelope):
        let control = envelope.type == .heartbeat || envelope.type == .welcome
        if control && !showSys { continue }
        if json {
          CLIRuntime.emit(String(decoding: envelope.encoded(), as: UTF8.self))
        } else {
          CLIRuntime.emit(formatter.line(for: envelope))
        }
        shown += 1
        if let count, shown >= count {
          await subscriber.close()
          return
        }
      }
    }
  }

  private func isTopicByte(_ byte: UInt8) -> Bool {
    (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
      || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".")
  }
}
