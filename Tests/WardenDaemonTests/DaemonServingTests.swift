import Foundation
import Testing
import WardenClient
import WardenDaemon
import WardenProtocol
import WardenTestSupport
import WardenZeroMQ

#if canImport(Glibc)
  import Glibc
#endif

@Suite struct DaemonServingTests {
  @Test func writesDaemonInfoAndRemovesEverythingOnShutdown() async throws {
    let temp = TemporaryDirectory()
    let daemon = try await RunningDaemon.start(runtime: temp.sub("run"), data: temp.sub("data"))
    let paths = daemon.paths
    var info = stat()
    #expect(stat(paths.infoFile, &info) == 0 && info.st_mode & 0o777 == 0o600)
    #expect(stat(paths.directory, &info) == 0 && info.st_mode & 0o777 == 0o700)
    let located = try DaemonLocator.locate(paths)
    #expect(located.pid == getpid() && located.epoch == daemon.daemon.bus.epoch && located.protocolVersion == 1)
    #expect(located.endpoints.events == "ipc://\(paths.directory)/events.v1")
    try await daemon.stop()
    for path in [paths.infoFile, paths.eventsSocket, paths.commandsSocket] {
      #expect(!FileManager.default.fileExists(atPath: path), "\(path) left behind")
    }
  }

  @Test func aSecondDaemonOnTheSameDirectoryIsRefusedAndTheFirstKeepsServing() async throws {
    let temp = TemporaryDirectory()
    let first = try await RunningDaemon.start(runtime: temp.sub("run"), data: temp.sub("data"))
    await #expect(throws: DaemonLock.Held.self) {
      _ = try await RunningDaemon.start(runtime: temp.sub("run"), data: temp.sub("data2"))
    }
    let client = try await first.client()
    let hello = try await client.call(CommandName.hello, as: HelloResult.self)
    #expect(hello.epoch == first.daemon.bus.epoch)
    await client.close()
    try await first.stop()
  }

  @Test func servesTheBuiltInCommands() async throws {
    let temp = TemporaryDirectory()
    let daemon = try await RunningDaemon.start(runtime: temp.sub("run"), data: temp.sub("data"))
    let client = try await daemon.client()
    let hello = try await client.call(CommandName.hello, as: HelloResult.self)
    #expect(hello.protocolVersion == 1 && hello.server == "wardend")
    #expect(hello.commands == ["events.since", "hello", "ping", "snapshot", "status"])
    let ping = try await client.call(CommandName.ping, as: PingResult.self)
    #expect(ping.pong && abs(ping.ts - Int64(Date().timeIntervalSince1970 * 1000)) < 60_000)

    let type = EventType(stream: .mod, name: "ban")!
    for _ in 1...3 { try daemon.daemon.bus.publish(type, channel: "chan", data: Array("{}".utf8)) }
    let status = try await client.call(CommandName.status, as: StatusResult.self)
    #expect(status.pid == getpid() && status.seqs[.mod] == 3 && status.counters["events_published"] == 3)
    #expect(status.runtimeDir == daemon.paths.directory && status.dataDir == temp.sub("data"))
    let snapshot = try await client.call(CommandName.snapshot, as: SnapshotResult.self)
    #expect(snapshot.epoch == hello.epoch && snapshot.seqs[.mod] == 3)

    let since = try await client.call(
      CommandName.eventsSince, args: ["stream": "mod", "after": 1], as: EventsSinceResult.self)
    #expect(since.complete && since.last == 3 && since.events.map(\.seq) == [2, 3])
    #expect(since.events.allSatisfy { $0.type == type && $0.channel == "chan" })

    await #expect {
      _ = try await client.call(CommandName.eventsSince, args: ["stream": "mod", "after": 0, "epoch": "0000"])
    } throws: { ($0 as? ClientError)?.protocolError?.code == .epochMismatch }
    await #expect {
      _ = try await client.call(CommandName.eventsSince, args: ["stream": "nope", "after": 0])
    } throws: { ($0 as? ClientError)?.protocolError?.code == .invalidArgs }
    await #expect {
      _ = try await client.call("mod.explode")
    } throws: { ($0 as? ClientError)?.protocolError?.code == .unknownCommand }
    await client.close()
    try await daemon.stop()
  }

  @Test func manyConcurrentCallsAllGetTheirOwnReply() async throws {
    let temp = TemporaryDirectory()
    let daemon = try await RunningDaemon.start(runtime: temp.sub("run"), data: temp.sub("data"))
    let client = try await daemon.client()
    let ids = try await withThrowingTaskGroup(of: String?.self) { group in
      for _ in 0..<200 {
        group.addTask {
          let request = CommandRequest(id: client.nextID(), cmd: CommandName.ping)
          let reply = try await client.send(request)
          return reply.ok ? reply.id : nil
        }
      }
      return try await group.reduce(into: [String?]()) { $0.append($1) }
    }
    #expect(ids.count == 200 && Set(ids.compactMap { $0 }).count == 200)
    await client.close()
    try await daemon.stop()
  }

  @Test func subscribersGetAWelcomeHeartbeatsAndEventsInOrder() async throws {
    let temp = TemporaryDirectory()
    let daemon = try await RunningDaemon.start(runtime: temp.sub("run"), data: temp.sub("data")) {
      $0.bus.heartbeatMS = 100
    }
    let subscriber = try await Subscriber.connect(
      context: daemon.context, endpoint: daemon.paths.endpoints.events, filters: ["", "sys."], heartbeatMS: 100)
    let collector = Collector(subscriber)
    #expect(await collector.waitFor { $0.events.contains { $0.type == .welcome } })
    let type = EventType(stream: .chat, name: "message")!
    for index in 0..<500 {
      try daemon.daemon.bus.publish(type, channel: "chan", data: Array(#"{"n":\#(index)}"#.utf8))
    }
    #expect(await collector.waitFor { $0.events.filter { $0.stream == .chat }.count == 500 })
    #expect(await collector.waitFor { $0.events.filter { $0.type == .heartbeat }.count >= 2 })
    let chat = collector.events.filter { $0.stream == .chat }
    #expect(chat.map(\.seq) == Array(1...500))
    #expect(chat.last?.data == ["n": 499])
    // Silence notices may come and go on a loaded machine (the threshold is 300 ms here); gaps may not.
    #expect(!collector.notices.contains { if case .gap = $0 { true } else { false } })
    let welcome = try #require(collector.events.first { $0.type == .welcome })
    let data = try welcome.decodeData(WelcomeData.self)
    #expect(data.heartbeatMS == 100 && ["", "sys."].contains(data.subscription))
    let status = try await daemon.client().call(CommandName.status, as: StatusResult.self)
    #expect(status.subscribers >= 2)  // "", "sys." and the subscriber's own heartbeat prefix
    await subscriber.close()
    try await daemon.stop()
  }

  @Test func aSubscriberNoticesSilenceAndARestart() async throws {
    let temp = TemporaryDirectory()
    let runtime = temp.sub("run")
    let first = try await RunningDaemon.start(runtime: runtime, data: temp.sub("data")) { $0.bus.heartbeatMS = 100 }
    let oldEpoch = first.daemon.bus.epoch
    let context = try ZMQContext()
    let subscriber = try await Subscriber.connect(
      context: context, endpoint: first.paths.endpoints.events, filters: [""], heartbeatMS: 100)
    let collector = Collector(subscriber)
    #expect(await collector.waitFor { $0.events.contains { $0.type == .heartbeat } })
    try await first.stop()
    #expect(await collector.waitFor { $0.notices.contains(.silent(missed: 3)) })

    let second = try await RunningDaemon.start(runtime: runtime, data: temp.sub("data")) { $0.bus.heartbeatMS = 100 }
    let newEpoch = second.daemon.bus.epoch
    #expect(await collector.waitFor(10) { $0.notices.contains(.restarted(oldEpoch: oldEpoch, newEpoch: newEpoch)) })
    #expect(collector.notices.contains(.recovered))
    await subscriber.close()
    try await second.stop()
  }

  @Test func resyncWithASnapshotDeliversOnlyLaterEvents() async throws {
    let temp = TemporaryDirectory()
    let daemon = try await RunningDaemon.start(runtime: temp.sub("run"), data: temp.sub("data"))
    let type = EventType(stream: .mod, name: "ban")!
    for _ in 1...5 { try daemon.daemon.bus.publish(type, data: Array("{}".utf8)) }
    let subscriber = try await Subscriber.connect(
      context: daemon.context, endpoint: daemon.paths.endpoints.events, filters: ["mod."])
    let collector = Collector(subscriber)
    #expect(await collector.waitFor { $0.events.contains { $0.type == .welcome } })
    let client = try await daemon.client()
    let snapshot = try await subscriber.resync(using: client)
    #expect(snapshot.seqs[.mod] == 5)
    for _ in 1...3 { try daemon.daemon.bus.publish(type, data: Array("{}".utf8)) }
    // Events 1-5 may arrive before the welcome (the publisher flushes what was queued before it
    // answers a subscription); after the welcome, only events past the snapshot are delivered.
    func afterWelcome(_ collector: Collector) -> [UInt64] {
      let events = collector.events
      guard let welcome = events.firstIndex(where: { $0.type == .welcome }) else { return [] }
      return events[(welcome + 1)...].filter { $0.stream == .mod }.map(\.seq)
    }
    #expect(await collector.waitFor { afterWelcome($0).count == 3 })
    #expect(afterWelcome(collector) == [6, 7, 8])
    // A loaded machine may stall heartbeats long enough for a silence notice; gaps must not occur.
    #expect(!collector.notices.contains { if case .gap = $0 { true } else { false } })
    await client.close()
    await subscriber.close()
    try await daemon.stop()
  }

  @Test func aClientFailsFastWithoutADaemonAndTimesOutOnASilentOne() async throws {
    let temp = TemporaryDirectory()
    let context = try ZMQContext()
    await #expect {
      _ = try await CommandClient.connect(paths: RuntimePaths(directory: temp.sub("none")), context: context)
    } throws: { ($0 as? ClientError)?.kind == .notRunning }

    // A ROUTER that never answers: the call ends with a timeout after its retries.
    let silent = try ZMQSocket(context: context, type: .router)
    try silent.bind("ipc://\(temp.sub("mute"))")
    let client = try await CommandClient.connect(
      context: context, endpoint: "ipc://\(temp.sub("mute"))", timeout: .milliseconds(100), retries: 2)
    let started = ContinuousClock.now
    await #expect {
      _ = try await client.call(CommandName.ping)
    } throws: { ($0 as? ClientError)?.kind == .timeout }
    #expect(ContinuousClock.now - started >= .milliseconds(300))
    var received = 0
    while try silent.receive(dontWait: true) != nil { received += 1 }
    #expect(received == 3)  // the first attempt and two retries, all with the same id
    await client.close()
    await #expect {
      _ = try await client.call(CommandName.ping)
    } throws: { ($0 as? ClientError)?.kind == .closed }
    silent.close()
  }
}
