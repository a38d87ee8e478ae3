import Foundation

/// Real Twitch IRC lines, byte for byte, without line endings: the team's shared samples
/// (`shared/data/twitch-irc-samples.txt`, captured by other projects and published in their test
/// suites), kept here so tests do not depend on where `shared/` is. Long lines continue with `\#`
/// at the end of a source line; `\#u{1}` is the CTCP byte of `/me` messages.
public enum TwitchIRCSamples {
  public static let lines: [String] = [
    #"""
    @badge-info=subscriber/22;badges=moderator/1,subscriber/12;color=#19E6E6;display-name=randers;emotes\#
    =1902:6-10,29-33,35-39/499:45-46,48-49/490:51-52/25:0-4,12-16,18-22;flags=;id=f9c5774b-faa7-4378-b1a\#
    f-c4e08b532dc2;mod=1;room-id=11148817;subscriber=1;tmi-sent-ts=1594556065407;turbo=0;user-id=4028630\#
    0;user-type=mod :randers!randers@randers.tmi.twitch.tv PRIVMSG #pajlada :Kappa Keepo Kappa Kappa tes\#
    t Keepo Keepo 123 :) :) :P
    """#,
    #"""
    @badge-info=;badges=;client-nonce=cd56193132f934ac71b4d5ac488d4bd6;color=;display-name=LeftSwing;emo\#
    tes=;first-msg=0;flags=;id=5b4f63a9-776f-4fce-bf3c-d9707f52e32d;mod=0;reply-parent-display-name=Reto\#
    on;reply-parent-msg-body=hello;reply-parent-msg-id=6b13e51b-7ecb-43b5-ba5b-2bb5288df696;reply-parent\#
    -user-id=37940952;reply-parent-user-login=retoon;returning-chatter=0;room-id=37940952;subscriber=0;t\#
    mi-sent-ts=1673925983585;turbo=0;user-id=133651738;user-type= :leftswing!leftswing@leftswing.tmi.twi\#
    tch.tv PRIVMSG #retoon :@Retoon yes
    """#,
    #"""
    @badge-info=;badges=bits/100;bits=1;color=#004B49;display-name=TETYYS;emotes=;flags=;id=d7f03a35-f33\#
    9-41ca-b4d4-7c0721438570;mod=0;room-id=11148817;subscriber=0;tmi-sent-ts=1594571566672;turbo=0;user-\#
    id=36175310;user-type= :tetyys!tetyys@tetyys.tmi.twitch.tv PRIVMSG #pajlada :trihard1
    """#,
    #"""
    @badge-info=;badges=vip/1,bits/100;color=#FF69B4;custom-reward-id=ea98be77-c54e-49cd-bc52-d8290cf12a\#
    d8;display-name=eloonstra;emotes=;first-msg=0;flags=0-2:S.5;id=c46f5ea8-bbba-499d-a10f-96463d2955c1;\#
    mod=0;returning-chatter=0;room-id=75704631;subscriber=0;tmi-sent-ts=1674085692645;turbo=0;user-id=46\#
    5396358;user-type=;vip=1 :eloonstra!eloonstra@eloonstra.tmi.twitch.tv PRIVMSG #eloonstra :boing
    """#,
    #"""
    @badge-info=;badges=moderator/1;color=#00FF7F;display-name=Eternalwerecat22;emotes=;flags=;id=fa9da6\#
    5d-86da-429f-90f1-467a6ac332df;mod=1;room-id=39656772;source-badge-info=subscriber/5;source-badges=s\#
    ubscriber/3;source-id=614e293b-46c8-4f6f-9e35-f53f64254472;source-only=0;source-room-id=655533779;su\#
    bscriber=0;tmi-sent-ts=1762536730215;turbo=0;user-id=488149571;user-type=mod :eternalwerecat22!etern\#
    alwerecat22@eternalwerecat22.tmi.twitch.tv PRIVMSG #vampireblazewing :Video game things
    """#,
    #"""
    @ban-duration=1;room-id=11148817;target-user-id=148973258;tmi-sent-ts=1594553828245 :tmi.twitch.tv C\#
    LEARCHAT #pajlada :fabzeef
    """#,
    #"""
    @room-id=11148817;target-user-id=70948394;tmi-sent-ts=1594561360331 :tmi.twitch.tv CLEARCHAT #pajlad\#
    a :weeb123
    """#,
    #"@room-id=40286300;tmi-sent-ts=1594561392337 :tmi.twitch.tv CLEARCHAT #randers"#,
    #"""
    @login=randers;room-id=;target-msg-id=15e5164d-f8e6-4aec-baf4-2d6a330760c4;tmi-sent-ts=1594562632383\#
     :tmi.twitch.tv CLEARMSG #pajlada :\#u{1}ACTION test\#u{1}
    """#,
    #"""
    @badge-info=subscriber/0;badges=subscriber/0,premium/1;color=;display-name=fallenseraphhh;emotes=;fl\#
    ags=;id=2a9bea11-a80a-49a0-a498-1642d457f775;login=fallenseraphhh;mod=0;msg-id=sub;msg-param-cumulat\#
    ive-months=1;msg-param-months=0;msg-param-should-share-streak=0;msg-param-sub-plan-name=Channel\sSub\#
    scription\s(xqcow);msg-param-sub-plan=Prime;room-id=71092938;subscriber=1;system-msg=fallenseraphhh\#
    \ssubscribed\swith\sTwitch\sPrime.;tmi-sent-ts=1582685713242;user-id=224005980;user-type= :tmi.twitc\#
    h.tv USERNOTICE #xqcow
    """#,
    #"""
    @badge-info=subscriber/2;badges=subscriber/0,battlerite_1/1;color=#0000FF;display-name=Gutrin;emotes\#
    =1035663:0-3;flags=;id=e0975c76-054c-4954-8cb0-91b8867ec1ca;login=gutrin;mod=0;msg-id=resub;msg-para\#
    m-cumulative-months=2;msg-param-months=0;msg-param-should-share-streak=1;msg-param-streak-months=2;m\#
    sg-param-sub-plan-name=Channel\sSubscription\s(xqcow);msg-param-sub-plan=1000;room-id=71092938;subsc\#
    riber=1;system-msg=Gutrin\ssubscribed\sat\sTier\s1.\sThey've\ssubscribed\sfor\s2\smonths,\scurrently\#
    \son\sa\s2\smonth\sstreak!;tmi-sent-ts=1581713640019;user-id=21156217;user-type= :tmi.twitch.tv USER\#
    NOTICE #xqcow :xqcL
    """#,
    #"""
    @badge-info=;badges=glhf-pledge/1;color=#FF69B4;display-name=iamelisabete;emotes=;flags=;id=bb99dda7\#
    -3736-4583-9114-52aa11b23d17;login=iamelisabete;mod=0;msg-id=raid;msg-param-displayName=iamelisabete\#
    ;msg-param-login=iamelisabete;msg-param-profileImageURL=https://static-cdn.jtvnw.net/jtv_user_pictur\#
    es/cae3ca63-510d-4715-b4ce-059dcf938978-profile_image-70x70.png;msg-param-viewerCount=430;room-id=71\#
    092938;subscriber=0;system-msg=430\sraiders\sfrom\siamelisabete\shave\sjoined!;tmi-sent-ts=159451779\#
    6120;user-id=155874595;user-type= :tmi.twitch.tv USERNOTICE #xqcow
    """#,
    #"""
    @badge-info=;badges=sub-gifter/50;color=;display-name=AdamAtReflectStudios;emotes=;flags=;id=049e637\#
    1-7023-4fca-8605-7dec60e72e12;login=adamatreflectstudios;mod=0;msg-id=submysterygift;msg-param-mass-\#
    gift-count=20;msg-param-origin-id=1f\sbe\sbb\s4a\s81\s9a\s65\sd1\s4b\s77\sf5\s23\s16\s4a\sd3\s13\s09\#
    \se7\sbe\s55;msg-param-sender-count=100;msg-param-sub-plan=1000;room-id=71092938;subscriber=0;system\#
    -msg=AdamAtReflectStudios\sis\sgifting\s20\sTier\s1\sSubs\sto\sxQcOW's\scommunity!\sThey've\sgifted\#
    \sa\stotal\sof\s100\sin\sthe\schannel!;tmi-sent-ts=1594583777669;user-id=211711554;user-type= :tmi.t\#
    witch.tv USERNOTICE #xqcow
    """#,
    #"""
    @badge-info=subscriber/88;badges=moderator/1,subscriber/72;color=#19E6E6;display-name=randers;emotes\#
    =185989:11-15/25:17-21/1902:23-27;flags=;id=9045a344-75b9-44fa-af49-c413bcb39559;login=randers;mod=1\#
    ;msg-id=announcement;msg-param-color=PRIMARY;room-id=11148817;subscriber=1;system-msg=;tmi-sent-ts=1\#
    780872797175;user-id=40286300;user-type=mod;vip=0 :tmi.twitch.tv USERNOTICE #pajlada :hello pajs paj\#
    aH Kappa Keepo
    """#,
    #"""
    @emote-only=0;followers-only=-1;r9k=0;rituals=0;room-id=40286300;slow=0;subs-only=0 :tmi.twitch.tv R\#
    OOMSTATE #randers
    """#,
    #"@room-id=40286300;slow=5 :tmi.twitch.tv ROOMSTATE #randers"#,
    #"@msg-id=msg_banned :tmi.twitch.tv NOTICE #forsen :You are permanently banned from talking in forsen."#,
    #":tmi.twitch.tv NOTICE * :Improperly formatted auth"#,
    #"""
    @badge-info=;badges=moderator/1;color=#8A2BE2;display-name=TESTUSER;emote-sets=0,75c09c7b-332a-43ec-\#
    8be8-1d4571706155;mod=1;subscriber=0;user-type=mod :tmi.twitch.tv USERSTATE #randers
    """#,
    #"""
    @badge-info=;badges=;color=#19E6E6;display-name=randers;emote-sets=0,42,237;user-id=40286300;user-ty\#
    pe= :tmi.twitch.tv GLOBALUSERSTATE
    """#,
    #"""
    @badges=;color=#19E6E6;display-name=randers;emotes=25:22-26;message-id=1;thread-id=40286300_55317074\#
    1;turbo=0;user-id=40286300;user-type= :randers!randers@randers.tmi.twitch.tv WHISPER randers811 :hel\#
    lo, this is a test Kappa
    """#,
    #"PING :tmi.twitch.tv"#,
    #":tmi.twitch.tv RECONNECT"#,
    #":tmi.twitch.tv 001 justinfan12345 :Welcome, GLHF!"#,
  ]

  /// The shared file's bytes, when `shared/` sits beside the repository (as on the team's
  /// machines and in CI); `nil` elsewhere.
  public static var sharedFileBytes: [UInt8]? {
    let url = URL(fileURLWithPath: #filePath)
      .deletingLastPathComponent()  // <repo>/Tests/WardenTestSupport
      .deletingLastPathComponent()  // <repo>/Tests
      .deletingLastPathComponent()  // <repo>
      .deletingLastPathComponent()  // <repo>/..
      .appendingPathComponent("shared/data/twitch-irc-samples.txt")
    return FileManager.default.contents(atPath: url.path).map { Array($0) }
  }

  /// The lines as the file holds them: each followed by CRLF.
  public static var fileBytes: [UInt8] { Array(lines.map { $0 + "\r\n" }.joined().utf8) }
}
