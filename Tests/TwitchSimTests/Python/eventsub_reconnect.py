#!/usr/bin/env python3
"""An EventSub session_reconnect handover as a client nobody here wrote would see it.

Usage: eventsub_reconnect.py EVENTSUB_URL HELIX_URL CONTROL_URL CLIENT_ID TOKEN BROADCASTER_ID CHANNEL VIEWER

TOKEN belongs to CLIENT_ID and to the broadcaster BROADCASTER_ID (login CHANNEL) with the
user:read:chat scope; VIEWER is a login that may chat there. Connects, subscribes to
channel.chat.message through Helix, asks the simulator (control API) for a reconnect, follows
reconnect_url, and checks that the new socket continues the same session id and that chat sent
before, during and after the handover arrives exactly once. Prints `ok ...` lines, exits 1 at the first failure.
"""

import asyncio
import json
import sys
import urllib.request

import websockets


def check(condition, message):
    if not condition:
        print(f"FAIL {message}")
        sys.exit(1)
    print(f"ok   {message}")


def post(url, body, headers=None):
    request = urllib.request.Request(url, data=json.dumps(body).encode(), method="POST")
    request.add_header("Content-Type", "application/json")
    for key, value in (headers or {}).items():
        request.add_header(key, value)
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.status, json.loads(response.read() or b"{}")


async def next_message(ws, wanted, timeout=10):
    """The next message of a wanted type, skipping keepalives."""
    while True:
        message = json.loads(await asyncio.wait_for(ws.recv(), timeout))
        kind = message["metadata"]["message_type"]
        if kind == "session_keepalive" and "session_keepalive" not in wanted:
            continue
        if kind in wanted:
            return message
        raise AssertionError(f"unexpected {kind}: {message}")


async def main():
    eventsub, helix, control, client_id, token, broadcaster, channel, viewer = sys.argv[1:9]
    helix_headers = {"Authorization": f"Bearer {token}", "Client-Id": client_id}
    received = []

    async with websockets.connect(eventsub, ping_interval=None) as old:
        welcome = await next_message(old, {"session_welcome"})
        session = welcome["payload"]["session"]["id"]
        check(bool(session), "the first session is welcomed")
        status, created = post(
            f"{helix}/eventsub/subscriptions",
            {
                "type": "channel.chat.message",
                "version": "1",
                "condition": {"broadcaster_user_id": broadcaster, "user_id": broadcaster},
                "transport": {"method": "websocket", "session_id": session},
            },
            helix_headers,
        )
        check(status == 202 and created["data"][0]["status"] == "enabled", "Helix creates the subscription (202)")

        post(f"{control}/chat", {"channel": channel, "user": viewer, "text": "before"})
        note = await next_message(old, {"notification"})
        received.append(note["payload"]["event"]["message"]["text"])

        post(f"{control}/faults", {"kind": "eventsub_reconnect"})
        reconnect = await next_message(old, {"session_reconnect"})
        url = reconnect["payload"]["session"]["reconnect_url"]
        check(url and url.startswith("ws://"), "session_reconnect carries a reconnect_url")
        check(reconnect["payload"]["session"]["status"] == "reconnecting", "the session says it is reconnecting")

        # The old socket still delivers until the new one is welcomed.
        post(f"{control}/chat", {"channel": channel, "user": viewer, "text": "during"})
        note = await next_message(old, {"notification"})
        received.append(note["payload"]["event"]["message"]["text"])

        async with websockets.connect(url, ping_interval=None) as new:
            welcomed = await next_message(new, {"session_welcome"})
            new_id = welcomed["payload"]["session"]["id"]
            check(new_id == session, "the new socket continues the same session id")
            post(f"{control}/chat", {"channel": channel, "user": viewer, "text": "after"})
            note = await next_message(new, {"notification"})
            received.append(note["payload"]["event"]["message"]["text"])
            check(note["payload"]["subscription"]["id"] == created["data"][0]["id"], "the subscription moved without resubscribing")
            try:
                await asyncio.wait_for(old.recv(), 5)
                extra = True
            except websockets.ConnectionClosed:
                extra = False
            except asyncio.TimeoutError:
                extra = False
            check(not extra, "nothing more arrives on the old socket")

    check(received == ["before", "during", "after"], f"every message arrived once, in order ({received})")
    print("eventsub reconnect: all checks passed")


if __name__ == "__main__":
    asyncio.run(main())
