import Foundation
import Testing
import TwitchSimCore

/// `GET users`, `GET streams` and `GET chat/chatters` with pagination.
@Suite struct UsersAndChattersTests {
  @Test func usersByIDLoginOrToken() async throws {
    try await HelixHarness.run { sim in
      let own = try #require(try await sim.helix("GET", "users").item())
      #expect(own["id"] == .string(sim.moderator.id))
      #expect(own["login"] == "moddy")
      #expect(own["display_name"] == "Moddy")
      #expect(own["type"] == "")
      #expect(own["broadcaster_type"] == "")
      #expect(own["view_count"] == 0)
      #expect(own["offline_image_url"] == "")
      #expect(own["profile_image_url"]?.stringValue?.hasPrefix("https://") == true)
      let created = try #require(own["created_at"]?.stringValue)
      #expect(try Date(created, strategy: .iso8601) <= Date())

      let both = try await sim.helix("GET", "users?id=\(sim.broadcaster.id)&login=VIEWER&login=nobody")
      #expect(both.json["data"]?.arrayValue?.compactMap { $0["login"]?.stringValue } == ["streamer", "viewer"])

      let tooMany = (0...100).map { "id=\($0)" }.joined(separator: "&")
      #expect(try await sim.helix("GET", "users?" + tooMany).status == 400)
    }
  }

  @Test func streamsListsLiveChannelsOnly() async throws {
    try await HelixHarness.run { sim in
      #expect(try await sim.helix("GET", "streams").json == ["data": [], "pagination": [:]])
      let stream = try sim.world.goLive(channelID: sim.broadcaster.id, title: "Hello", viewers: 42)
      let reply = try await sim.helix("GET", "streams?user_login=streamer")
      let item = try #require(reply.item())
      #expect(item["id"] == .string(stream.id))
      #expect(item["user_id"] == .string(sim.broadcaster.id))
      #expect(item["user_login"] == "streamer")
      #expect(item["user_name"] == "Streamer")
      #expect(item["type"] == "live")
      #expect(item["title"] == "Hello")
      #expect(item["viewer_count"] == 42)
      #expect(try await sim.helix("GET", "streams?user_id=\(sim.viewer.id)").json["data"] == [])
    }
  }

  @Test func chattersPageThroughCursors() async throws {
    try await HelixHarness.run { sim in
      var logins = Set<String>()
      for index in 0..<250 {
        let user = try sim.world.createUser(login: String(format: "chatter%03d", index))
        sim.world.setPresence(userID: user.id, in: sim.broadcaster.id, present: true)
        logins.insert(user.login)
      }
      let base = "chat/chatters?broadcaster_id=\(sim.broadcaster.id)&moderator_id=\(sim.moderator.id)"
      var seen: [String] = []
      var cursor: String?
      var pages: [Int] = []
      repeat {
        let reply = try await sim.helix("GET", base + "&first=100" + (cursor.map { "&after=\($0)" } ?? ""))
        #expect(reply.status == 200)
        #expect(reply.json["total"] == 250)
        let data = try #require(reply.json["data"]?.arrayValue)
        pages.append(data.count)
        seen += data.compactMap { $0["user_login"]?.stringValue }
        #expect(data.allSatisfy { $0["user_id"] != nil && $0["user_name"] != nil })
        cursor = reply.json["pagination"]?["cursor"]?.stringValue
        if cursor == nil { #expect(reply.json["pagination"] == [:]) }
      } while cursor != nil
      #expect(pages == [100, 100, 50])
      #expect(seen.count == 250)
      #expect(Set(seen) == logins)
      #expect(seen == seen.sorted())

      #expect(try await sim.helix("GET", base).json["data"]?.arrayValue?.count == 100)
      #expect(try await sim.helix("GET", base + "&first=1000").json["data"]?.arrayValue?.count == 250)
      #expect(try await sim.helix("GET", base + "&first=1001").status == 400)
      #expect(try await sim.helix("GET", base + "&first=0").status == 400)
      #expect(try await sim.helix("GET", base + "&after=garbage").status == 400)
    }
  }
}
