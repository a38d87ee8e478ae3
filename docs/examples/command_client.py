#!/usr/bin/env python3
"""Send one command to wardend and print the reply (Warden wire protocol v1).

Usage:
    command_client.py [--runtime-dir DIR] [--timeout MS] [--retries N] [--id ID] CMD [ARGS ...]

ARGS is either one JSON object or any number of key=value pairs; a value that
parses as JSON is sent as such (numbers, true, null, ...), otherwise as a string:

    command_client.py hello
    command_client.py events.since '{"stream": "chat", "after": 0}'
    command_client.py events.since stream=chat after=0 limit=10

Exit status: 0 the daemon answered ok:true, 1 it answered ok:false,
2 no daemon / bad usage, 3 no reply in time.

Needs pyzmq (`pip install pyzmq` or `apt install python3-zmq`).
"""

import argparse
import json
import os
import sys
import uuid

import zmq

PROTOCOL = 1


def runtime_dir(explicit):
    """The runtime directory, resolved the way wardend resolves it."""
    for candidate in (
        explicit,
        os.environ.get("WARDEN_RUNTIME_DIR"),
        os.environ.get("XDG_RUNTIME_DIR") and os.environ["XDG_RUNTIME_DIR"] + "/warden",
    ):
        if candidate:
            return candidate.rstrip("/") or "/"
    return "/tmp/warden-%d" % os.geteuid()


def locate_daemon(directory):
    """Reads daemon.json and checks that the daemon it names is alive. Exits with status 2
    and a clear message when no daemon serves `directory`."""
    info_path = os.path.join(directory, "daemon.json")
    hint = "start it with `wardend` (runtime directory %s)" % directory
    try:
        with open(info_path, "rb") as file:
            info = json.load(file)
    except FileNotFoundError:
        fail("wardend is not running: no %s; %s" % (info_path, hint), 2)
    except (OSError, ValueError) as error:
        fail("wardend is not running: cannot read %s (%s); %s" % (info_path, error, hint), 2)
    if info.get("protocol") != PROTOCOL:
        fail("wardend speaks protocol %r; this client speaks %d" % (info.get("protocol"), PROTOCOL), 2)
    try:
        os.kill(int(info["pid"]), 0)
    except ProcessLookupError:
        fail("wardend is not running: pid %s in %s is gone; %s" % (info["pid"], info_path, hint), 2)
    except PermissionError:
        pass  # alive, owned by someone else
    endpoint = info["endpoints"]["commands"]
    if endpoint.startswith("ipc://") and not os.path.exists(endpoint[len("ipc://"):]):
        fail("wardend is not running: socket %s does not exist; %s" % (endpoint[len("ipc://"):], hint), 2)
    return info


def parse_args(words):
    """One JSON object, or key=value pairs."""
    if len(words) == 1 and words[0].lstrip().startswith("{"):
        try:
            value = json.loads(words[0])
        except ValueError as error:
            fail("ARGS is not valid JSON: %s" % error, 2)
        if not isinstance(value, dict):
            fail("ARGS must be a JSON object", 2)
        return value
    args = {}
    for word in words:
        key, sep, text = word.partition("=")
        if not sep or not key:
            fail("argument %r is neither a JSON object nor key=value" % word, 2)
        try:
            args[key] = json.loads(text)
        except ValueError:
            args[key] = text
    return args


def request(socket, frame, timeout_ms, retries):
    """Sends `frame` and waits for the reply, resending on timeout. Thanks to REQ_RELAXED the
    REQ socket may send again without having received; thanks to REQ_CORRELATE a late reply
    to an earlier attempt is dropped instead of being taken for the answer to this one."""
    for attempt in range(retries + 1):
        socket.send(frame)
        if socket.poll(timeout_ms, zmq.POLLIN):
            return socket.recv()
        if attempt < retries:
            print("no reply within %d ms; sending again" % timeout_ms, file=sys.stderr)
    return None


def fail(message, status):
    print("command_client: " + message, file=sys.stderr)
    sys.exit(status)


def main():
    parser = argparse.ArgumentParser(description="Send one command to wardend and print the reply.")
    parser.add_argument("--runtime-dir", help="default: $WARDEN_RUNTIME_DIR, $XDG_RUNTIME_DIR/warden, /tmp/warden-$UID")
    parser.add_argument("--timeout", type=int, default=3000, help="milliseconds to wait for a reply (default 3000)")
    parser.add_argument("--retries", type=int, default=0, help="resend this many times on timeout (default 0)")
    parser.add_argument("--id", help="request id (default: a random UUID)")
    parser.add_argument("--compact", action="store_true", help="print the reply as received, on one line")
    parser.add_argument("cmd", help="command name, e.g. hello, ping, status, snapshot, events.since")
    parser.add_argument("args", nargs="*", help="a JSON object, or key=value pairs")
    options = parser.parse_args()

    directory = runtime_dir(options.runtime_dir)
    info = locate_daemon(directory)
    request_id = options.id or str(uuid.uuid4())
    body = {"v": PROTOCOL, "id": request_id, "cmd": options.cmd, "args": parse_args(options.args)}
    frame = json.dumps(body, separators=(",", ":")).encode("utf-8")

    context = zmq.Context()
    socket = context.socket(zmq.REQ)
    socket.setsockopt(zmq.LINGER, 0)
    socket.setsockopt(zmq.SNDTIMEO, options.timeout)
    socket.setsockopt(zmq.RCVTIMEO, options.timeout)
    socket.setsockopt(zmq.REQ_RELAXED, 1)
    socket.setsockopt(zmq.REQ_CORRELATE, 1)
    socket.connect(info["endpoints"]["commands"])
    try:
        raw = request(socket, frame, options.timeout, max(0, options.retries))
    except zmq.Again:
        raw = None
    finally:
        socket.close()
        context.term()
    if raw is None:
        fail("no reply from wardend (pid %s) within %d ms" % (info["pid"], options.timeout), 3)

    try:
        reply = json.loads(raw)
    except ValueError as error:
        fail("the reply is not JSON (%s): %r" % (error, raw[:200]), 3)
    if reply.get("id") not in (request_id, None):
        fail("the reply answers id %r, not %r" % (reply.get("id"), request_id), 3)
    print(raw.decode("utf-8") if options.compact else json.dumps(reply, indent=2, sort_keys=True))
    if reply.get("ok") is True:
        return 0
    error = reply.get("error") or {}
    # Unknown error codes are plain failures; `retryable` says whether trying later may help.
    print(
        "command_client: %s failed: %s: %s%s"
        % (options.cmd, error.get("code"), error.get("message"), " (retryable)" if error.get("retryable") else ""),
        file=sys.stderr,
    )
    return 1


if __name__ == "__main__":
    sys.exit(main())
