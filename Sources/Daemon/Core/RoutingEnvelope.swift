/// Splits what a ROUTER socket reads into the routing envelope (echoed back verbatim in the
/// reply) and the body. The envelope runs up to and including the first empty frame, which REQ
/// clients always send (after a request-id frame with `ZMQ_REQ_CORRELATE`); a DEALER that sends
/// no empty frame has only its identity as envelope.
struct RoutingEnvelope: Equatable {
  var envelope: [[UInt8]]
  var body: [[UInt8]]

  init(_ frames: [[UInt8]]) {
    guard !frames.isEmpty else {
      envelope = []
      body = []
      return
    }
    if let delimiter = frames.dropFirst().firstIndex(where: { $0.isEmpty }) {
      envelope = Array(frames[...delimiter])
      body = Array(frames[(delimiter + 1)...])
    } else {
      envelope = [frames[0]]
      body = Array(frames.dropFirst())
    }
  }
}
