#!/usr/bin/env bash
# The console under Xvfb watching the world50 lab (55 nodes) at 2,000 req/s for
# 30 s, measured twice in one run:
#   1. the lab in the console's process (what ./scripts/run.sh starts), printed as
#      "console (lab in-process): ..."; its RSS holds the lab's 55 nodes and their caches;
#   2. the lab beside it (edgelabd lab --serve), the console attached to its control
#      API with --connect-lab: the console's own footprint, once with each node's stats
#      asked five times a second ("console (stats every 200 ms): ...", what polling
#      at the refresh rate would cost) and once as shipped (every second; samples and
#      events come by long-poll either way). The last line ends the output:
#   console: P PoPs, R req/s, F refreshes/s, GUI thread C% of a core, longest frame L ms,
#   first frame T ms, RSS M MiB
# Targets (issue 10): F >= 10, C < 25, L < 100, T < 1500, M < 300.
set -euo pipefail
cd "$(dirname "$0")/../.."
RPS=${RPS:-2000} DURATION=${DURATION:-30} TOPOLOGY=${TOPOLOGY:-world50}
SCREEN=${SCREEN:-1366x768x24}
state=$(mktemp -d /tmp/edgelab-console-bench.XXXXXX)
lab=""
# The first signal ends the lab's traffic run, the next one its serving.
stop_lab() {
  if [ -n "$lab" ]; then
    for _ in $(seq 50); do kill "$lab" 2>/dev/null || break; sleep 0.2; done
    wait "$lab" 2>/dev/null || true
  fi
  rm -rf "$state"
}
trap stop_lab EXIT
mkdir -m 0700 "$state/runtime"
console() {
  EDGELAB_BENCH=1 XDG_CONFIG_HOME="$state/config" XDG_DATA_HOME="$state/data" XDG_RUNTIME_DIR="$state/runtime" xvfb-run -a -s "-screen 0 $SCREEN" \
    ./build/bin/edgelab "$@" --screenshot "$state/shots" --after "$DURATION" | grep '^console:'
}

console --topology "$TOPOLOGY" --rps "$RPS" | sed 's/^console:/console (lab in-process):/'

./build/bin/edgelabd lab --topology "$TOPOLOGY" --serve --rps "$RPS" --duration $((2 * DURATION + 60)) \
  --api-listen 127.0.0.1:0 --api-token-file "$state/lab.token" >"$state/lab.log" 2>&1 &
lab=$!
url=""
for _ in $(seq 100); do
  url=$(sed -n 's/^lab API: \(http[^ ]*\).*/\1/p' "$state/lab.log")
  [ -n "$url" ] && break
  sleep 0.1
done
[ -n "$url" ] || { echo "console_bench: the lab did not start:" >&2; cat "$state/lab.log" >&2; exit 1; }
console --connect-lab "$url" --token-file "$state/lab.token" --stats-interval-ms 200 |
  sed 's/^console:/console (stats every 200 ms):/'
console --connect-lab "$url" --token-file "$state/lab.token"
