#if canImport(Glibc)
  import Glibc
#endif

/// Milliseconds since the Unix epoch, read cheaply enough for every event.
enum WallClock {
  static func nowMS() -> Int64 {
    var spec = timespec()
    clock_gettime(CLOCK_REALTIME, &spec)
    return Int64(spec.tv_sec) * 1000 + Int64(spec.tv_nsec) / 1_000_000
  }
}
