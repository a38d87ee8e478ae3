#!/usr/bin/env bash
# The Warden demo: starts twitch-sim with its demo scenario (a stream on loop), wardend
# against it, logs wardend in to the simulated Twitch with the device-code flow (approving
# the code as the demo's bot account, as a user would in a browser), and follows chat and
# moderation with `warden tail` in this terminal. Ctrl-C stops everything.
# DEMO_SECONDS=N stops after N seconds; DEMO_SPEED=X plays the scenario X times faster.
set -euo pipefail
cd "$(dirname "$0")/.."

bin=$(swift build --show-bin-path)
base="${TMPDIR:-/tmp}/warden-demo-$(id -u)"
runtime="$base/run"
data="$base/data"
rm -rf "$base"
mkdir -p "$base" && chmod 700 "$base"

pids=()
stop() {
  trap - INT TERM EXIT
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  echo
  echo "demo: stopped. Logs: $base/wardend.log, $base/twitch-sim.log"
}
trap 'stop; exit 0' INT TERM
trap stop EXIT

wait_for() { # file, what, pid
  for _ in $(seq 1 200); do
    [ -s "$1" ] && return 0
    kill -0 "$3" 2>/dev/null || { echo "demo: $2 did not start; see $base/$2.log" >&2; exit 1; }
    sleep 0.1
  done
  echo "demo: $2 did not start in 20 s" >&2
  exit 1
}

"$bin/twitch-sim" --listen 127.0.0.1:0 --scenario Sources/Simulator/Scenarios/demo.yaml \
  --scenario-speed "${DEMO_SPEED:-1}" --ready-file "$base/sim.json" >/dev/null 2>"$base/twitch-sim.log" &
pids+=($!)
wait_for "$base/sim.json" twitch-sim "${pids[-1]}"
url() { python3 -c "import json,sys; print(json.load(open(sys.argv[1]))[sys.argv[2]])" "$base/sim.json" "$1"; }
control=$(url control)

cat >"$base/config.yaml" <<YAML
# Written by scripts/demo.sh: wardend against twitch-sim on loopback.
channels: [pixelpaladin]
twitch:
  client_id: warden-demo
  irc_url: $(url irc_ws)
  eventsub_url: $(url eventsub)
  helix_url: $(url helix)
  oauth_url: $(url oauth)
YAML

"$bin/wardend" --config "$base/config.yaml" --runtime-dir "$runtime" --data-dir "$data" 2>"$base/wardend.log" &
pids+=($!)
wait_for "$runtime/daemon.json" wardend "${pids[-1]}"

echo "demo: twitch-sim plays a stream in #pixelpaladin; wardend watches it."
echo "demo: logging in with 'warden login' (the demo approves the code as warden_bot)..."
"$bin/warden" login --runtime-dir "$runtime" &
login=$!
python3 - "$control" <<'PY' || echo "demo: could not approve the login code" >&2
import json, sys, time, urllib.request
control = sys.argv[1]
for _ in range(100):
    codes = json.load(urllib.request.urlopen(control + "/device-codes"))["device_codes"]
    if codes:
        body = json.dumps({"user_code": codes[0]["user_code"], "user": "warden_bot"}).encode()
        request = urllib.request.Request(
            control + "/device-codes/approve", data=body, headers={"content-type": "application/json"})
        urllib.request.urlopen(request).read()
        sys.exit(0)
    time.sleep(0.2)
sys.exit(1)
PY
wait "$login" || echo "demo: the login did not finish; chat stays anonymous" >&2
echo
"$bin/warden" status --runtime-dir "$runtime"
echo
echo "demo: following chat, moderation and channel events (Ctrl-C stops the demo)."
echo "      In another terminal, moderate as warden_bot, e.g.:"
echo "      $bin/warden timeout noodle_ninja 10m --reason spam --runtime-dir $runtime"
echo "      $bin/warden slow 30s --runtime-dir $runtime"
echo
"$bin/warden" tail chat. mod. channel. sys.connection sys.auth --runtime-dir "$runtime" &
pids+=($!)
if [ -n "${DEMO_SECONDS:-}" ]; then
  sleep "$DEMO_SECONDS"
else
  wait "${pids[-1]}"
fi
