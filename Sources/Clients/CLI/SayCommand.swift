import ArgumentParser
import WardenProtocol

/// `warden say <text…> [--reply-to ID]`.
struct SayCommand: GatewayCommand {
  static let configuration = CommandConfiguration(
    commandName: "say", abstract: "Send a chat message as the logged-in account.",
    discussion: "Example: warden say please keep it civil --reply-to 885196de-cb67-427a-baa8-82f9b0fcd05f")

  /// Twitch's limit for one message, in characters.
  static let maximumLength = 500

  @OptionGroup var connection: ConnectionOptions
  @OptionGroup var channel: ChannelOption
  @OptionGroup var output: OutputOptions

  @Argument(help: "The message; the words are joined with spaces.")
  var text: [String] = []

  @Option(help: "The id of the message this one answers.")
  var replyTo: String?

  func call() throws -> CommandCall {
    guard let text = text.joined(separator: " ").nonBlank else {
      throw ValidationError("the message is empty: warden say <text…>")
    }
    guard text.count <= Self.maximumLength else {
      throw ValidationError("the message has \(text.count) characters; Twitch takes at most \(Self.maximumLength)")
    }
    let args = ChatSendArgs(channel: try channel.login(), text: text, replyTo: replyTo.nonBlank)
    return try CommandCall(CommandName.chatSend, args)
  }

  func lines(for result: ChatSendResult, style: Style) -> [String] {
    result.sent ? [ChatFormatter.line(for: result)] : []
  }

  func failure(in result: ChatSendResult) -> String? {
    result.sent ? nil : ChatFormatter.line(for: result)
  }
}
