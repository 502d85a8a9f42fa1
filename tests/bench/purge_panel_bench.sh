#!/usr/bin/env bash
# A purge sent from the console's purge panel to the world50 lab (55 nodes) at
# 2,000 req/s, timed by the console itself (EDGELAB_BENCH=1 with
# EDGELAB_BENCH_PURGE): the lab in the console's process, then beside it
# (edgelabd lab --serve, the console on --connect-lab). For each, one line:
#   purge: N nodes, V verified, F failed, last verified eviction E ms, first pass P ms,
#   longest frame during the purge L ms, waterfall painted W ms after the fan-out finished
# Targets (issue 11): L < 100, W < 1000. PURGE (default "all"; "all:soft", "tag:T",
# "prefix:URL") chooses the purge; it is sent AT seconds (default 12) after start.
set -euo pipefail
cd "$(dirname "$0")/../.."
RPS=${RPS:-2000} TOPOLOGY=${TOPOLOGY:-world50} PURGE=${PURGE:-all} AT=${AT:-12}
SCREEN=${SCREEN:-1366x768x24}
state=$(mktemp -d /tmp/edgelab-purge-bench.XXXXXX)
lab=""
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
  EDGELAB_BENCH=1 EDGELAB_BENCH_PURGE="$PURGE" EDGELAB_BENCH_PURGE_AT_S="$AT" XDG_CONFIG_HOME="$state/config" \
    XDG_DATA_HOME="$state/data" XDG_RUNTIME_DIR="$state/runtime" xvfb-run -a -s "-screen 0 $SCREEN" \
    ./build/bin/edgelab "$@" --screenshot "$state/shots" --after $((AT + 8)) | grep -E '^(console|purge):' || true
}

console --topology "$TOPOLOGY" --rps "$RPS" | sed 's/^\(console\|purge\):/\1 (lab in-process):/'

./build/bin/edgelabd lab --topology "$TOPOLOGY" --serve --rps "$RPS" --duration $((AT + 60)) \
  --api-listen 127.0.0.1:0 --api-token-file "$state/lab.token" >"$state/lab.log" 2>&1 &
lab=$!
url=""
for _ in $(seq 100); do
  url=$(sed -n 's/^lab API: \(http[^ ]*\).*/\1/p' "$state/lab.log")
  [ -n "$url" ] && break
  sleep 0.1
done
[ -n "$url" ] || { echo "purge_panel_bench: the lab did not start:" >&2; cat "$state/lab.log" >&2; exit 1; }
console --connect-lab "$url" --token-file "$state/lab.token" | sed 's/^\(console\|purge\):/\1 (lab beside):/'
