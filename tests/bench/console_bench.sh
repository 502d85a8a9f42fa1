#!/usr/bin/env bash
# The console under Xvfb watching the world50 lab (55 nodes) at 2,000 req/s for
# 30 s; ends with one line:
#   console: P PoPs, R req/s, F refreshes/s, GUI thread C% of a core, longest frame L ms,
#   first frame T ms, RSS M MiB
# Targets (issue 10): F >= 10, C < 25, L < 100, T < 1500, M < 300.
# Until the lab runs in the console's process, it runs beside it (edgelabd lab --serve)
# and the console watches its nodes' admin APIs (--connect).
set -euo pipefail
cd "$(dirname "$0")/../.."
RPS=${RPS:-2000} DURATION=${DURATION:-30} TOPOLOGY=${TOPOLOGY:-world50}
SCREEN=${SCREEN:-1366x768x24}
state=$(mktemp -d /tmp/edgelab-console-bench.XXXXXX)
./build/bin/edgelabd lab --topology "$TOPOLOGY" --serve --rps "$RPS" --duration $((DURATION + 60)) \
  --nodes-file "$state/nodes.json" >"$state/lab.log" 2>&1 &
lab=$!
# The first signal ends the lab's traffic run, the next one its serving.
stop_lab() {
  for _ in $(seq 50); do kill "$lab" 2>/dev/null || break; sleep 0.2; done
  wait "$lab" 2>/dev/null || true
  rm -rf "$state"
}
trap stop_lab EXIT
for _ in $(seq 100); do [ -s "$state/nodes.json" ] && break; sleep 0.1; done
EDGELAB_BENCH=1 XDG_CONFIG_HOME="$state/config" xvfb-run -a -s "-screen 0 $SCREEN" \
  ./build/bin/edgelab --connect "$state/nodes.json" --screenshot "$state/shots" --after "$DURATION" | grep '^console:'
