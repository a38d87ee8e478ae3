#!/usr/bin/env bash
# Starts wardend on a private demo runtime directory and follows its events with
# `warden tail` in this terminal. Ctrl-C stops both. DEMO_SECONDS=N stops after N seconds.
set -euo pipefail
cd "$(dirname "$0")/.."

bin=$(swift build --show-bin-path)
runtime="${TMPDIR:-/tmp}/warden-demo-$(id -u)"
data="${TMPDIR:-/tmp}/warden-demo-data-$(id -u)"

"$bin/wardend" --runtime-dir "$runtime" --data-dir "$data" &
daemon=$!
tail_pid=""

stop() {
  trap - INT TERM EXIT
  [ -n "$tail_pid" ] && kill "$tail_pid" 2>/dev/null || true
  kill -TERM "$daemon" 2>/dev/null || true
  wait "$daemon" 2>/dev/null || true
  echo
  echo "demo: wardend stopped."
}
trap 'stop; exit 0' INT TERM
trap stop EXIT

for _ in $(seq 1 100); do
  [ -f "$runtime/daemon.json" ] && break
  kill -0 "$daemon" 2>/dev/null || { echo "demo: wardend did not start" >&2; exit 1; }
  sleep 0.1
done

echo "demo: wardend is running. Its status:"
"$bin/warden" status --runtime-dir "$runtime"
echo
echo "demo: following every event with 'warden tail \"\" sys.' (Ctrl-C stops the demo)."
echo "demo: twitch-sim and the gateway will add chat and moderation here; for now the bus"
echo "      shows its welcome and heartbeats. In another terminal try:"
echo "      $bin/warden send hello --runtime-dir $runtime"
echo
"$bin/warden" tail "" sys. --runtime-dir "$runtime" &
tail_pid=$!
if [ -n "${DEMO_SECONDS:-}" ]; then
  sleep "$DEMO_SECONDS"
else
  wait "$tail_pid"
fi
