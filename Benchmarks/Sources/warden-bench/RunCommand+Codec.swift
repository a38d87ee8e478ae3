extension RunCommand {
  // MARK: 6. chat.message JSON

  func runCodec(into summary: inout MarkdownTable) throws {
    print("\n## 6. chat.message JSON (one core)\n")
    print(
      "\(Format.grouped(codecIterations)) operations x \(rounds) rounds on the event of the parser suite's "
        + "synthetic PRIVMSG; ns/op = round time / operations.")
    let results = try CodecBenchmark(iterations: codecIterations, rounds: rounds).run()
    var table = MarkdownTable("operation", "bytes", "ns/op (median)", "min", "max")
    for result in results {
      let times = result.nanoseconds
      table.add(
        result.name, "\(result.bytes)", Format.grouped(times.median), Format.grouped(times.min),
        Format.grouped(times.max))
    }
    print(table.render())
    for result in results {
      summary.add("codec: \(result.name)", "ns/op, median of \(rounds)", Format.grouped(result.nanoseconds.median))
    }
  }
}
