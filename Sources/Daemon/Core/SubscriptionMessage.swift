/// A message an XPUB socket reads from its subscribers: byte 1 then the prefix for a
/// subscription, byte 0 then the prefix for an unsubscription.
enum SubscriptionMessage: Equatable {
  case subscribe([UInt8])
  case unsubscribe([UInt8])

  init?(_ frames: [[UInt8]]) {
    guard frames.count == 1, let first = frames[0].first else { return nil }
    let prefix = Array(frames[0].dropFirst())
    switch first {
    case 1: self = .subscribe(prefix)
    case 0: self = .unsubscribe(prefix)
    default: return nil
    }
  }
}
