/// A fixed-capacity FIFO that overwrites its oldest element when full.
struct RingBuffer<Element> {
  private var storage: [Element?]
  private var start = 0
  private(set) var count = 0

  init(capacity: Int) {
    storage = Array(repeating: nil, count: max(1, capacity))
  }

  var capacity: Int { storage.count }
  var isEmpty: Bool { count == 0 }

  mutating func append(_ element: Element) {
    if count < storage.count {
      storage[(start + count) % storage.count] = element
      count += 1
    } else {
      storage[start] = element
      start = (start + 1) % storage.count
    }
  }

  /// The element `offset` places after the oldest.
  subscript(offset: Int) -> Element {
    storage[(start + offset) % storage.count]!
  }

  var first: Element? { isEmpty ? nil : self[0] }
  var last: Element? { isEmpty ? nil : self[count - 1] }

  /// The offset of the first element for which `isAfter` holds, given that it holds for a
  /// suffix of the buffer (elements are ordered).
  func partitionPoint(where isAfter: (Element) -> Bool) -> Int {
    var low = 0
    var high = count
    while low < high {
      let middle = (low + high) / 2
      if isAfter(self[middle]) { high = middle } else { low = middle + 1 }
    }
    return low
  }
}
