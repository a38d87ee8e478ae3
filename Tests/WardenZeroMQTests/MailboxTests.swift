import Testing
import WardenZeroMQ

struct MailboxTests {
  @Test func postReportsWhetherTheQueueWasEmpty() throws {
    let mailbox = Mailbox<Int>()
    #expect(try mailbox.post(1))
    #expect(try !mailbox.post(2))
    #expect(try !mailbox.post(3))
    #expect(mailbox.drain() == [1, 2, 3])
    #expect(try mailbox.post(4), "a drained mailbox needs a wake-up again")
  }

  @Test func drainTakesEverythingOldestFirst() throws {
    let mailbox = Mailbox<String>()
    #expect(mailbox.drain().isEmpty)
    for word in ["a", "b", "c"] { try mailbox.post(word) }
    #expect(mailbox.drain() == ["a", "b", "c"])
    #expect(mailbox.drain().isEmpty)
  }

  @Test func closeReturnsTheRestAndRefusesLaterPosts() throws {
    let mailbox = Mailbox<Int>()
    try mailbox.post(1)
    try mailbox.post(2)
    #expect(mailbox.close() == [1, 2])
    #expect(throws: Mailbox<Int>.Closed.self) { try mailbox.post(3) }
    #expect(mailbox.drain().isEmpty)
    #expect(mailbox.close().isEmpty)
  }

  @Test func concurrentPostersLoseNothingAndKeepTheirOwnOrder() async throws {
    let mailbox = Mailbox<Int>()
    let wakeUps = await withTaskGroup(of: Int.self) { group in
      for sender in 0..<8 {
        group.addTask {
          var wakeUps = 0
          for item in 0..<500 where (try? mailbox.post(sender * 1000 + item)) == true { wakeUps += 1 }
          return wakeUps
        }
      }
      return await group.reduce(0, +)
    }
    let items = mailbox.drain()
    #expect(items.count == 8 * 500)
    #expect(wakeUps == 1, "only the first post into an empty, undrained mailbox asks for a wake-up")
    for sender in 0..<8 {
      let own = items.filter { $0 / 1000 == sender }
      #expect(own == (0..<500).map { sender * 1000 + $0 })
    }
  }
}
