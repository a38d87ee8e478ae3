#!/usr/bin/env python3
"""Subscribe to wardend's events and print them (Warden wire protocol v1).

Usage:
    subscriber.py [--runtime-dir DIR] [--json] [--hide-heartbeats] [--duration S] [PREFIX ...]

PREFIX is a topic prefix such as `mod.` or `chat.message.`; the default is
everything (the empty prefix). `sys.heartbeat.` is always subscribed as well, so a
dead daemon is noticed. Besides the events it reports, on stderr:

    restart   the epoch changed: the daemon restarted, sequences began anew
    gap       events of a wholly subscribed stream never arrived
    silent    nothing heard for 3 heartbeat intervals: the daemon is gone or stuck
    heard     the daemon is heard again after silence

Gaps can only be seen for streams this subscriber receives whole (prefix ``,
`chat.`, `mod.` ...): with `chat.message.` alone, the numbers of the other chat
events are never seen. A client that must not miss anything follows the
late-joiner recipe in docs/PROTOCOL.md (snapshot, then events.since).

Needs pyzmq (`pip install pyzmq` or `apt install python3-zmq`).
"""

import argparse
import json
import os
import signal
import sys
import time

import zmq

PROTOCOL = 1
STREAMS = ("chat", "mod", "channel", "analysis", "sys")
HEARTBEAT_TOPIC = "sys.heartbeat._"


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


def read_daemon_info(directory, wait):
    """daemon.json of the daemon serving `directory`; with `wait`, waits for one to start."""
    path = os.path.join(directory, "daemon.json")
    announced = False
    while True:
        try:
            with open(path, "rb") as file:
                info = json.load(file)
            if info.get("protocol") != PROTOCOL:
                fail("wardend speaks protocol %r; this subscriber speaks %d" % (info.get("protocol"), PROTOCOL))
            return info
        except FileNotFoundError:
            if not wait:
                fail("wardend is not running: no %s (start it with `wardend`, or pass --wait)" % path)
        except ValueError:
            pass  # being replaced right now; read it again
        if not announced:
            note("waiting for wardend to write %s" % path)
            announced = True
        time.sleep(0.2)


def covers_whole_stream(prefix, stream):
    """Whether a subscription to `prefix` receives every event of `stream`."""
    return prefix in ("", stream, stream + ".")


class Tracker:
    """Epoch and per-stream sequence bookkeeping for the streams subscribed whole."""

    def __init__(self, prefixes):
        self.prefixes = set(prefixes)
        self.tracked = [s for s in STREAMS if any(covers_whole_stream(p, s) for p in prefixes)]
        self.epoch = None
        # Last sequence number seen per tracked stream; None until a welcome gives the baseline.
        self.last = {stream: None for stream in self.tracked}

    def observe(self, envelope):
        epoch = envelope["epoch"]
        if self.epoch is None:
            note("connected: epoch %s" % epoch)
            self.epoch = epoch
        elif epoch != self.epoch:
            note("restart: epoch %s -> %s; sequences begin anew" % (self.epoch, epoch))
            self.epoch = epoch
            self.last = {stream: None for stream in self.tracked}

        kind, data, seq = envelope["type"], envelope.get("data") or {}, envelope["seq"]
        if kind == "sys.welcome":
            # A welcome reaches everyone whose prefix covers its topic, so it may answer another
            # client's subscription; only one of our own gives a stream its baseline.
            own = data.get("subscription") in self.prefixes
            self.compare(data.get("seqs", {}), baseline_from=data.get("subscription") if own else None)
        elif kind == "sys.heartbeat":
            self.compare(data.get("seqs", {}), baseline_from=None)
        elif seq > 0 and envelope["stream"] in self.last:
            stream, last = envelope["stream"], self.last[envelope["stream"]]
            if last is None:
                return  # before our welcome: nothing to compare with yet
            if seq > last + 1:
                report_gap(stream, last + 1, seq - 1)
            self.last[stream] = max(last, seq)

    def compare(self, seqs, baseline_from):
        """Checks the sequence numbers a welcome or heartbeat reports against what arrived."""
        for stream in self.tracked:
            reported = seqs.get(stream, 0)
            last = self.last[stream]
            if last is None:
                if baseline_from is not None and covers_whole_stream(baseline_from, stream):
                    self.last[stream] = reported
            elif reported > last:
                # Every event up to `reported` was sent before this message: they were lost.
                report_gap(stream, last + 1, reported)
                self.last[stream] = reported


def report_gap(stream, first, last):
    count = last - first + 1
    span = str(first) if first == last else "%d..%d" % (first, last)
    note("gap: %s lost %d event%s (seq %s); use events.since or a snapshot" % (stream, count, "" if count == 1 else "s", span))


def note(message):
    print("%s # %s" % (clock(time.time() * 1000), message), file=sys.stderr, flush=True)


def stop(signum, frame):
    raise KeyboardInterrupt


def fail(message):
    print("subscriber: " + message, file=sys.stderr)
    sys.exit(2)


def clock(ms):
    return time.strftime("%H:%M:%S", time.localtime(ms / 1000)) + ".%03d" % (ms % 1000)


def show(topic, envelope):
    data = json.dumps(envelope.get("data"), separators=(",", ":"), sort_keys=True)
    seq = "seq=%d" % envelope["seq"] if envelope["seq"] else "unsequenced"
    cause = " cause=%s" % envelope["cause"] if envelope.get("cause") else ""
    topic = topic or '""'  # the welcome answering the empty subscription
    print("%s %-24s %-13s %s%s %s" % (clock(envelope["ts"]), topic, envelope["type"], seq, cause, data), flush=True)


def main():
    parser = argparse.ArgumentParser(description="Print wardend's events; report gaps, restarts and silence.")
    parser.add_argument("prefixes", nargs="*", default=[""], metavar="PREFIX", help="topic prefixes (default: all)")
    parser.add_argument("--runtime-dir", help="default: $WARDEN_RUNTIME_DIR, $XDG_RUNTIME_DIR/warden, /tmp/warden-$UID")
    parser.add_argument("--json", action="store_true", help="print each envelope as one JSON line")
    parser.add_argument("--hide-heartbeats", action="store_true", help="do not print sys.heartbeat events")
    parser.add_argument("--silence", type=int, default=3, help="missed heartbeats before reporting silence (default 3)")
    parser.add_argument("--duration", type=float, help="exit after this many seconds")
    parser.add_argument("--wait", action="store_true", help="wait for wardend to start instead of exiting")
    options = parser.parse_args()

    # Ctrl-C and SIGTERM end the loop cleanly, even when started in the background.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGTERM, stop)
    directory = runtime_dir(options.runtime_dir)
    info = read_daemon_info(directory, options.wait)
    prefixes = list(dict.fromkeys(options.prefixes))
    # Heartbeats are shown only when the prefixes asked for them; they are always received.
    show_heartbeats = not options.hide_heartbeats and any(HEARTBEAT_TOPIC.startswith(p) for p in prefixes)
    if not any(HEARTBEAT_TOPIC.startswith(p) for p in prefixes):
        prefixes.append("sys.heartbeat.")

    context = zmq.Context()
    socket = context.socket(zmq.SUB)
    socket.setsockopt(zmq.LINGER, 0)
    socket.setsockopt(zmq.RCVHWM, 100000)
    socket.setsockopt(zmq.RECONNECT_IVL, 100)  # the daemon may restart: come back quickly
    socket.connect(info["endpoints"]["events"])
    for prefix in prefixes:
        socket.setsockopt(zmq.SUBSCRIBE, prefix.encode("utf-8"))
    note("subscribed to %s at %s" % (", ".join(repr(p) for p in prefixes), info["endpoints"]["events"]))

    tracker = Tracker(prefixes)
    heartbeat_ms = 1000  # until a welcome or heartbeat says otherwise
    last_heard = time.monotonic()
    silent = False
    deadline = time.monotonic() + options.duration if options.duration else None
    try:
        while deadline is None or time.monotonic() < deadline:
            if not socket.poll(min(heartbeat_ms, 250), zmq.POLLIN):
                quiet_ms = (time.monotonic() - last_heard) * 1000
                if not silent and quiet_ms > options.silence * heartbeat_ms:
                    silent = True
                    note("silent: nothing for %d ms (%d heartbeats missed); is wardend running?" % (quiet_ms, options.silence))
                continue
            frames = socket.recv_multipart()
            last_heard = time.monotonic()
            if silent:
                silent = False
                note("heard: wardend is back")
            if len(frames) != 2:
                note("ignored a message of %d frames (events have exactly 2)" % len(frames))
                continue
            topic = frames[0].decode("utf-8", "replace")
            try:
                envelope = json.loads(frames[1])
            except ValueError as error:
                note("ignored an event that is not JSON on %s: %s" % (topic, error))
                continue
            if envelope.get("v") != PROTOCOL:
                note("ignored an event of protocol version %r" % envelope.get("v"))
                continue
            if envelope["type"] in ("sys.welcome", "sys.heartbeat"):
                heartbeat_ms = int((envelope.get("data") or {}).get("heartbeat_ms", heartbeat_ms))
            tracker.observe(envelope)
            if envelope["type"] == "sys.heartbeat" and not show_heartbeats:
                continue
            if options.json:
                print(frames[1].decode("utf-8"), flush=True)
            else:
                show(topic, envelope)
    except KeyboardInterrupt:
        pass
    except BrokenPipeError:  # the reader of stdout went away (`| head`)
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    finally:
        socket.close()
        context.term()
    return 0


if __name__ == "__main__":
    sys.exit(main())
