import Logging
import NIOCore
import WardenGateway

/// The reading path of one EventSub socket: decodes each message's envelope and hands it to
/// the client's state.
struct EventSubSocketReader: TransportReceiver {
  let id: ConnectionID
  let logger: Logger
  let opened: @Sendable (ConnectionID, any TransportConnection) -> Void
  let message: @Sendable (ConnectionID, EventSubEnvelope, [UInt8]) -> Void

  func opened(_ connection: any TransportConnection) {
    opened(id, connection)
  }

  func received(_ buffer: ByteBuffer) {
    let bytes = Array(buffer.readableBytesView)
    do {
      message(id, try EventSubEnvelope.decode(bytes), bytes)
    } catch {
      logger.warning("EventSub message that is not valid JSON ignored", metadata: ["eventsub.error": "\(error)"])
    }
  }
}
