/// A benchmark that could not run or whose result is not valid, with what went wrong.
struct BenchError: Error, CustomStringConvertible {
  let description: String

  init(_ description: String) {
    self.description = description
  }
}
