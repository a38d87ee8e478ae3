"""Gateway interop: a client nobody in Warden wrote (pyzmq, urllib) drives wardend against twitch-sim.

Usage: gateway_e2e.py CONTROL_URL HELIX_URL RUNTIME_DIR WARDEN_BIN
The simulator plays scenarios/minimal.yaml: channel sim_streamer, moderator sim_moderator
(whose account wardend logs in with), viewer sim_viewer, app warden-test.
Prints one line per check and exits non-zero on the first failure.
"""
import json
import os
import subprocess
import sys
import time
import urllib.request

import zmq

CONTROL, HELIX, RUNTIME, WARDEN = sys.argv[1:5]


def check(condition, what):
    if not condition:
        print(f"FAIL {what}", flush=True)
        sys.exit(1)
    print(f"ok   {what}", flush=True)


def http(method, url, body=None, headers=None):
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(url, data=data, method=method, headers=headers or {})
    if data is not None:
        request.add_header("content-type", "application/json")
    with urllib.request.urlopen(request, timeout=10) as response:
        text = response.read()
        return json.loads(text) if text else {}


with open(os.path.join(RUNTIME, "daemon.json"), encoding="utf-8") as f:
    info = json.load(f)
ctx = zmq.Context()
sub = ctx.socket(zmq.SUB)
sub.setsockopt(zmq.LINGER, 0)
sub.connect(info["endpoints"]["events"])
for prefix in (b"chat.", b"mod.", b"sys.auth", b"sys.connection"):
    sub.setsockopt(zmq.SUBSCRIBE, prefix)
req = ctx.socket(zmq.REQ)
req.setsockopt(zmq.LINGER, 0)
req.setsockopt(zmq.RCVTIMEO, 15000)
req.connect(info["endpoints"]["commands"])
seen = []


def call(cmd, args=None, request_id=None):
    request_id = request_id or f"py-{time.monotonic_ns()}"
    req.send(json.dumps({"v": 1, "id": request_id, "cmd": cmd, "args": args or {}}).encode())
    return json.loads(req.recv())


def drain(seconds):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if sub.poll(50):
            topic, body = sub.recv_multipart()
            envelope = json.loads(body)
            if envelope["type"] != "sys.welcome":
                seen.append(envelope)


def wait_for(predicate, seconds=15):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        drain(0.1)
        found = [e for e in seen if predicate(e)]
        if found:
            return found
    return []


# Log in with the device flow, approving the code as the moderator would in a browser.
offer = call("auth.login", {"flow": "device"})
check(offer["ok"] and offer["result"]["user_code"], "auth.login offers a device code")
http("POST", CONTROL + "/device-codes/approve", {"user_code": offer["result"]["user_code"], "user": "sim_moderator"})
deadline = time.monotonic() + 20
status = {}
while time.monotonic() < deadline:
    status = call("auth.status")["result"]
    if status["state"] == "authenticated" and status.get("pending") is None:
        break
    time.sleep(0.3)
check(status["state"] == "authenticated" and status["user"]["login"] == "sim_moderator", "logged in as sim_moderator")
token_text = json.dumps(status)
check("access_token" not in token_text, "auth.status shows no token")

deadline = time.monotonic() + 20
ready = False
while time.monotonic() < deadline and not ready:
    twitch = call("status")["result"].get("twitch") or {}
    states = {(c["transport"], c["state"]) for c in twitch.get("connections", [])}
    joined = all(c["joined"] for c in twitch.get("channels", [])) and twitch.get("channels")
    subscribed = http("GET", CONTROL + "/actions?kind=eventsub_subscribe")["actions"]
    ready = ("irc", "connected") in states and ("eventsub", "connected") in states and joined and subscribed
    time.sleep(0.2)
check(ready, "IRC joined and EventSub subscribed")

# Chat injected in the simulator arrives as chat.message.
http("POST", CONTROL + "/chat", {"channel": "sim_streamer", "user": "sim_viewer", "text": "hello from python"})
messages = wait_for(lambda e: e["type"] == "chat.message" and e["data"]["text"] == "hello from python")
check(len(messages) == 1, "the chat message arrives once")
message = messages[0]
check(message["channel"] == "sim_streamer" and message["data"]["user"]["login"] == "sim_viewer", "with channel and user")
check(message["data"]["source"] == "irc" and message["data"]["user"]["id"], "from IRC, with the user's id")

# A human moderator (the broadcaster, in their own Twitch client) deletes it.
token = http("POST", CONTROL + "/tokens", {"client_id": "warden-test", "user": "sim_streamer",
                                          "scopes": ["moderator:manage:chat_messages"]})["access_token"]
auth = {"Authorization": "Bearer " + token, "Client-Id": "warden-test"}
streamer = http("GET", HELIX + "/users?login=sim_streamer", headers=auth)["data"][0]["id"]
http("DELETE", f"{HELIX}/moderation/chat?broadcaster_id={streamer}&moderator_id={streamer}"
     f"&message_id={message['data']['message_id']}", headers=auth)
deletes = wait_for(lambda e: e["type"] == "chat.delete")
drain(2.5)
deletes = [e for e in seen if e["type"] == "chat.delete"]
check(len(deletes) == 1, "the deletion is published once")
check(deletes[0]["data"]["moderator"]["login"] == "sim_streamer", "naming the moderator")
check(deletes[0]["data"]["source"] == "both", "seen on IRC and EventSub")

# The moderator's CLI: the timeout reaches the simulator and comes back as an event.
cli = subprocess.run([WARDEN, "timeout", "@sim_viewer", "1m", "--reason", "python", "--runtime-dir", RUNTIME],
                     capture_output=True, text=True, timeout=30)
check(cli.returncode == 0, f"warden timeout exits 0 ({cli.stdout.strip()} {cli.stderr.strip()})")
check("Timed out sim_viewer" in cli.stdout, "warden says what it did")
actions = http("GET", CONTROL + "/actions?kind=timeout")["actions"]
check(len(actions) == 1 and actions[0]["params"]["duration"] == 60, "one timeout of 60 s reached Twitch")
timeouts = wait_for(lambda e: e["type"] == "mod.timeout")
check(timeouts and timeouts[0]["data"]["moderator"]["login"] == "sim_moderator", "mod.timeout names sim_moderator")

# A raw command from pyzmq, idempotent by id, its event carrying the id as cause.
first = call("mod.warn", {"user": "sim_viewer", "reason": "from python"}, request_id="py-warn-1")
again = call("mod.warn", {"user": "sim_viewer", "reason": "from python"}, request_id="py-warn-1")
check(first["ok"] and again == first, "a repeated request id gets the same reply")
check(len(http("GET", CONTROL + "/actions?kind=warn")["actions"]) == 1, "and reaches Twitch once")
warns = wait_for(lambda e: e["type"] == "mod.warn")
check(warns and warns[0]["cause"] == "py-warn-1", "mod.warn carries the command's id as cause")
refused = call("mod.ban", {"user": "sim_streamer"})
check(not refused["ok"] and "may not be banned" in refused["error"]["message"], "Twitch's refusal in its words")

print("gateway interop: all checks passed", flush=True)
