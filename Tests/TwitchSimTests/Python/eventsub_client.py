"""Interop check: a client nobody in Warden wrote (Python `websockets`) against the EventSub
WebSocket surface of twitch-sim, held to Twitch's documented behaviour.

Usage: eventsub_client.py EVENTSUB_URL [SUBSCRIBE_COMMAND ...]

EVENTSUB_URL is the ws:// URL Twitch calls wss://eventsub.wss.twitch.tv/ws.
SUBSCRIBE_COMMAND (optional) is a command that creates a subscription on a session, as Helix
would; it is run with the session id appended as its last argument (or substituted for a
`{session_id}` argument) and must exit 0. Without it the session stays unused, and Twitch closes
an unused session with 4003 when the welcome's keepalive timeout has passed, before any
keepalive; the script accepts that instead of a keepalive.

Prints one `ok` line per check and exits non-zero on the first failure.
"""
import asyncio
import json
import re
import subprocess
import sys

import websockets

TIMESTAMP = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z$")


def check(condition, what):
    if not condition:
        print(f"FAIL {what}")
        sys.exit(1)
    print(f"ok   {what}")


def with_query(url, query):
    return url + ("&" if "?" in url else "?") + query


async def receive_json(ws, seconds):
    text = await asyncio.wait_for(ws.recv(), seconds)
    if not isinstance(text, str):
        check(False, "messages arrive as text frames")
    return json.loads(text)


def close_code(ws):
    # websockets >= 13 keeps the received close frame in close_rcvd.
    frame = getattr(ws, "close_rcvd", None)
    return frame.code if frame is not None else ws.close_code


def subscribe(command, session_id):
    if "{session_id}" in command:
        argv = [session_id if part == "{session_id}" else part for part in command]
    else:
        argv = command + [session_id]
    result = subprocess.run(argv, capture_output=True, text=True, timeout=30)
    check(result.returncode == 0, f"the subscribe command succeeds ({result.stderr.strip()[:200]})")


async def welcome_and_keepalive(url, command):
    async with websockets.connect(with_query(url, "keepalive_timeout_seconds=10"), ping_interval=None) as ws:
        welcome = await receive_json(ws, 10)
        metadata = welcome.get("metadata", {})
        session = welcome.get("payload", {}).get("session", {})
        check(metadata.get("message_type") == "session_welcome", "the first message is session_welcome")
        check(set(metadata) == {"message_id", "message_type", "message_timestamp"}, "welcome metadata has three fields")
        check(TIMESTAMP.match(metadata.get("message_timestamp", "")), "message_timestamp is RFC 3339 UTC")
        check(isinstance(session.get("id"), str) and session["id"], "the session has an id")
        check(session.get("status") == "connected", "the session status is connected")
        check(session.get("keepalive_timeout_seconds") == 10, "keepalive_timeout_seconds is 10, as asked")
        check("reconnect_url" in session and session["reconnect_url"] is None, "reconnect_url is null")
        check("recovery_url" in session and session["recovery_url"] is None, "recovery_url is null")
        check(TIMESTAMP.match(session.get("connected_at", "")), "connected_at is RFC 3339 UTC")

        # A ping from the client is answered and is not inbound traffic.
        pong = await ws.ping()
        await asyncio.wait_for(pong, 10)
        check(True, "a client ping is answered with a pong")

        if command:
            subscribe(command, session["id"])
        try:
            keepalive = await receive_json(ws, 25)
        except websockets.ConnectionClosed:
            if command:
                check(False, f"a subscribed session stays open (closed with {close_code(ws)})")
            check(close_code(ws) == 4003, "an unused session is closed with 4003 (connection unused)")
            return
        check(keepalive["metadata"]["message_type"] == "session_keepalive", "silence brings a session_keepalive")
        check(keepalive.get("payload") == {}, "the keepalive payload is an empty object")


async def inbound_traffic(url):
    async with websockets.connect(url, ping_interval=None) as ws:
        welcome = await receive_json(ws, 10)
        check(welcome["metadata"]["message_type"] == "session_welcome", "a second session is welcomed")
        await ws.send(json.dumps({"type": "LISTEN"}))
        try:
            while True:
                await asyncio.wait_for(ws.recv(), 10)
        except websockets.ConnectionClosed:
            pass
        check(close_code(ws) == 4001, "a text frame from the client closes the session with 4001")


async def main():
    if len(sys.argv) < 2:
        print(__doc__)
        sys.exit(2)
    url = sys.argv[1]
    command = sys.argv[2:]
    await welcome_and_keepalive(url, command)
    await inbound_traffic(url)


if __name__ == "__main__":
    asyncio.run(main())
