"""Interop check: a raw-socket IRC session (Python stdlib only) against twitch-sim's IRC.

Usage: irc_client.py HOST PORT TOKEN LOGIN CHANNEL
Logs in with CAP/PASS/NICK, checks the welcome numerics and GLOBALUSERSTATE, joins CHANNEL and
checks the JOIN echo, NAMES, USERSTATE and ROOMSTATE, answers PING, sends a PRIVMSG and checks
Twitch's USERSTATE answer, then parts. Prints one line per check; exits non-zero on the first
failure.
"""
import socket
import sys
import time
import uuid

CAPS = "twitch.tv/tags twitch.tv/commands twitch.tv/membership"
WELCOME = [
    ("001", "Welcome, GLHF!"),
    ("002", "Your host is tmi.twitch.tv"),
    ("003", "This server is rather new"),
    ("004", "-"),
    ("375", "-"),
    ("372", "You are in a maze of twisty passages, all alike."),
    ("376", ">"),
]
ESCAPES = {":": ";", "s": " ", "\\": "\\", "r": "\r", "n": "\n"}


def check(condition, what):
    if not condition:
        print(f"FAIL {what}")
        sys.exit(1)
    print(f"ok   {what}")


def unescape(value):
    out, escaping = [], False
    for char in value:
        if escaping:
            out.append(ESCAPES.get(char, char))
            escaping = False
        elif char == "\\":
            escaping = True
        else:
            out.append(char)
    return "".join(out)


def parse(line):
    """(tags, prefix, command, params) of one IRC line."""
    tags, prefix = {}, None
    if line.startswith("@"):
        raw, _, line = line[1:].partition(" ")
        for pair in raw.split(";"):
            key, _, value = pair.partition("=")
            tags[key] = unescape(value)
    line = line.lstrip(" ")
    if line.startswith(":"):
        prefix, _, line = line[1:].partition(" ")
    head, colon, trailing = line.partition(" :")
    words = head.split()
    command, params = (words[0] if words else ""), words[1:]
    if colon:
        params.append(trailing)
    return tags, prefix, command, params


class Connection:
    def __init__(self, host, port):
        self.sock = socket.create_connection((host, port), timeout=10)
        self.buffer = b""

    def send(self, line):
        self.sock.sendall(line.encode("utf-8") + b"\r\n")

    def read(self, deadline):
        """The next line (answering PING on the way), or None at the deadline or on close."""
        while True:
            if b"\r\n" in self.buffer:
                raw, self.buffer = self.buffer.split(b"\r\n", 1)
                line = raw.decode("utf-8", errors="replace")
                if line.startswith("PING"):
                    self.send("PONG" + line[4:])
                    continue
                return line
            left = deadline - time.monotonic()
            if left <= 0:
                return None
            self.sock.settimeout(left)
            try:
                chunk = self.sock.recv(65536)
            except socket.timeout:
                return None
            if not chunk:
                return None
            self.buffer += chunk

    def expect(self, command, what, seconds=10, where=lambda tags, prefix, params: True):
        """Reads until a line with `command` that satisfies `where`; fails on a NOTICE first."""
        deadline = time.monotonic() + seconds
        while True:
            line = self.read(deadline)
            if line is None:
                check(False, f"{what} (nothing more arrived)")
            tags, prefix, got, params = parse(line)
            if got == command and where(tags, prefix, params):
                return tags, prefix, params
            if got == "NOTICE" and command != "NOTICE":
                check(False, f"{what} (got {line!r})")


def main():
    if len(sys.argv) != 6:
        print(__doc__)
        sys.exit(2)
    host, port, token, login, channel = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4].lower(), sys.argv[5]
    channel = channel.lstrip("#").lower()
    irc = Connection(host, port)

    irc.send(f"CAP REQ :{CAPS}")
    irc.send(f"PASS oauth:{token}")
    irc.send(f"NICK {login}")
    _, prefix, params = irc.expect("CAP", "CAP REQ is acknowledged")
    check(prefix == "tmi.twitch.tv" and params == ["*", "ACK", CAPS], "CAP ACK lists the three capabilities")
    for number, text in WELCOME:
        _, prefix, params = irc.expect(number, f"welcome numeric {number} arrives")
        check(prefix == "tmi.twitch.tv" and params == [login, text], f"{number} {login} :{text}")
    tags, _, _ = irc.expect("GLOBALUSERSTATE", "GLOBALUSERSTATE follows the welcome")
    check(tags.get("user-id", "").isdigit(), "GLOBALUSERSTATE carries the user id")
    user_id = tags["user-id"]
    check("display-name" in tags and "emote-sets" in tags, "GLOBALUSERSTATE has display-name and emote-sets")

    irc.send(f"JOIN #{channel}")
    _, prefix, params = irc.expect("JOIN", "the JOIN is echoed")
    check(prefix == f"{login}!{login}@{login}.tmi.twitch.tv" and params == [f"#{channel}"], "JOIN echo names us")
    _, _, params = irc.expect("353", "NAMES (353) arrives")
    check(login in params[-1].split(), "353 lists us")
    irc.expect("366", "end of NAMES (366) arrives")
    tags, _, params = irc.expect("USERSTATE", "USERSTATE arrives on join")
    check(params == [f"#{channel}"], "USERSTATE is for the channel")
    for key in ("badge-info", "badges", "color", "display-name", "emote-sets", "mod", "subscriber", "user-type"):
        check(key in tags, f"USERSTATE has {key}")
    tags, _, params = irc.expect("ROOMSTATE", "ROOMSTATE arrives on join")
    for key in ("emote-only", "followers-only", "r9k", "room-id", "slow", "subs-only"):
        check(key in tags, f"ROOMSTATE has {key}")
    check(tags["room-id"].isdigit(), "ROOMSTATE carries the room id")

    irc.send("PING :interop")
    _, prefix, params = irc.expect("PONG", "PING is answered")
    check(params == ["tmi.twitch.tv", "interop"], "PONG echoes the argument")

    nonce = uuid.uuid4().hex
    irc.send(f"@client-nonce={nonce} PRIVMSG #{channel} :hello from python")
    tags, _, _ = irc.expect("USERSTATE", "the PRIVMSG is accepted", where=lambda tags, prefix, params: "id" in tags)
    check(tags.get("client-nonce") == nonce, "USERSTATE echoes the client nonce")
    check(len(tags["id"]) == 36, "USERSTATE carries the message id")

    irc.send(f"PART #{channel}")
    _, prefix, params = irc.expect("PART", "the PART is echoed")
    check(params == [f"#{channel}"], "PART echo names the channel")
    irc.sock.close()
    print(f"ok   interop session as {login} (user {user_id}) in #{channel}")


if __name__ == "__main__":
    main()
