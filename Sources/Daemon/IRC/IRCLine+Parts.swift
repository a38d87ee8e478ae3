extension IRCLine {
  /// The command, such as `PRIVMSG` or `001`.
  public var command: String { withBytes { $0.string(commandRange) } }

  /// The parameters, the trailing one last.
  public var params: [String] { withBytes { bytes in paramRanges.map { bytes.string($0) } } }

  /// The number of parameters.
  public var paramCount: Int { paramRanges.count }

  /// The parameter at `index`, or nil.
  public func param(_ index: Int) -> String? {
    guard paramRanges.indices.contains(index) else { return nil }
    return withBytes { $0.string(paramRanges[index]) }
  }

  /// The prefix (the source of the message), if the line has one.
  public var prefix: IRCPrefix? {
    guard let ranges = prefixRanges else { return nil }
    return withBytes { bytes in
      IRCPrefix(
        raw: bytes.string(ranges.whole), nick: bytes.string(ranges.nick), user: ranges.user.map { bytes.string($0) },
        host: ranges.host.map { bytes.string($0) })
    }
  }

  /// The number of tags (counted by walking the tag section).
  public var tagCount: Int {
    withBytes { bytes in
      var count = 0
      var tags = tagIterator(bytes)
      while tags.next() != nil { count += 1 }
      return count
    }
  }

  /// Every tag in order, values unescaped.
  public var tags: [(key: String, value: String)] {
    withBytes { bytes in
      var result: [(key: String, value: String)] = []
      result.reserveCapacity(tagCount)
      var tags = tagIterator(bytes)
      while let tag = tags.next() { result.append((bytes.string(tag.key), bytes.value(tag.value))) }
      return result
    }
  }

  /// The ranges of every tag, in order.
  var tagRanges: [TagRange] {
    withBytes { bytes in
      var result: [TagRange] = []
      result.reserveCapacity(tagCount)
      var tags = tagIterator(bytes)
      while let tag = tags.next() { result.append(tag) }
      return result
    }
  }

  /// The unescaped value of the tag `key`, or nil if the line has no such tag.
  /// A tag without `=` has the empty value.
  public func tag(_ key: String) -> String? {
    withBytes { bytes in
      rawTag(key, bytes).map { bytes.value($0.value) }
    }
  }

  /// The value of the tag `key` as it is on the wire (escaped), or nil.
  public func rawTagValue(_ key: String) -> String? {
    withBytes { bytes in
      rawTag(key, bytes).map { bytes.string($0.value) }
    }
  }

  private func rawTag(_ key: String, _ bytes: LineBytes) -> TagRange? {
    var key = key
    return key.withUTF8 { wanted in
      var tags = tagIterator(bytes)
      while let tag = tags.next() {
        if tag.key.count == wanted.count && bytes.base[tag.key].elementsEqual(wanted) { return tag }
      }
      return nil
    }
  }

  /// The channel in the first parameter, without `#`.
  func channel(_ bytes: LineBytes) -> String? {
    paramRanges.first.map { bytes.channel($0) }
  }
}
