"""Interop check: a client nobody in Warden wrote (plain pyzmq SUB and REQ) against wardend.

Usage: pyzmq_client.py RUNTIME_DIR
Prints one line per check and exits non-zero on the first failure.
"""
import json
import os
import sys

import zmq


def check(condition, what):
    if not condition:
        print(f"FAIL {what}")
        sys.exit(1)
    print(f"ok   {what}")


def main():
    runtime = sys.argv[1]
    with open(os.path.join(runtime, "daemon.json"), encoding="utf-8") as f:
        info = json.load(f)
    check(info["protocol"] == 1, "daemon.json names protocol 1")

    ctx = zmq.Context()
    sub = ctx.socket(zmq.SUB)
    sub.setsockopt(zmq.LINGER, 0)
    sub.connect(info["endpoints"]["events"])
    sub.setsockopt(zmq.SUBSCRIBE, b"sys.")

    req = ctx.socket(zmq.REQ)
    req.setsockopt(zmq.LINGER, 0)
    req.setsockopt(zmq.RCVTIMEO, 5000)
    req.connect(info["endpoints"]["commands"])

    def call(frame):
        req.send(frame)
        return json.loads(req.recv())

    # The welcome answers our subscription, with it as topic.
    poller = zmq.Poller()
    poller.register(sub, zmq.POLLIN)
    check(poller.poll(5000), "a welcome arrives")
    topic, body = sub.recv_multipart()
    welcome = json.loads(body)
    check(topic == b"sys." and welcome["type"] == "sys.welcome", "the welcome has the subscription as topic")
    check(welcome["epoch"] == info["epoch"] and welcome["seq"] == 0, "the welcome carries the epoch and seq 0")
    check(set(welcome["data"]["seqs"]) == {"chat", "mod", "channel", "analysis", "sys"}, "the welcome lists every stream")

    check(poller.poll(5000), "a heartbeat arrives")
    topic, body = sub.recv_multipart()
    beat = json.loads(body)
    check(topic == b"sys.heartbeat._" and beat["type"] == "sys.heartbeat", "the heartbeat topic is sys.heartbeat._")
    check(beat["data"]["subscribers"] >= 1, "the heartbeat counts our subscription")

    hello = call(json.dumps({"v": 1, "id": "py-1", "cmd": "hello"}).encode())
    check(hello["ok"] and hello["id"] == "py-1", "hello succeeds and echoes the id")
    check(hello["result"]["protocol"] == 1 and "ping" in hello["result"]["commands"], "hello lists protocol and commands")

    status = call(json.dumps({"v": 1, "id": "py-2", "cmd": "status"}).encode())
    check(status["ok"] and status["result"]["pid"] == info["pid"], "status names the daemon's pid")

    text = "héllo ✓ 日本 🎉"
    echoed = call(json.dumps({"v": 1, "id": text, "cmd": "ping"}, ensure_ascii=False).encode("utf-8"))
    check(echoed["ok"] and echoed["id"] == text, "a multi-byte id comes back byte for byte")

    bad = call(b"\xff\xfe not utf-8")
    check(not bad["ok"] and bad["error"]["code"] == "invalid_utf8" and bad["id"] is None, "invalid UTF-8 gets invalid_utf8")
    bad = call(b"{not json")
    check(not bad["ok"] and bad["error"]["code"] == "invalid_json", "broken JSON gets invalid_json")
    bad = call(json.dumps({"v": 1, "id": "py-3", "cmd": "no.such"}).encode())
    check(not bad["ok"] and bad["error"]["code"] == "unknown_command" and bad["id"] == "py-3", "unknown commands are named")

    since = call(json.dumps({"v": 1, "id": "py-4", "cmd": "events.since", "args": {"stream": "mod", "after": 0}}).encode())
    check(since["ok"] and since["result"]["complete"] and since["result"]["events"] == [], "events.since replies")

    ping = call(json.dumps({"v": 1, "id": "py-5", "cmd": "ping"}).encode())
    check(ping["ok"] and ping["result"]["pong"] is True, "the daemon still serves after garbage")
    print("interop: all checks passed")


if __name__ == "__main__":
    main()
