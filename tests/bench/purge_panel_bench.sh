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

[ "${SKIP_LAB:-0}" = 1 ] || console --topology "$TOPOLOGY" --rps "$RPS" | sed 's/^\(console\|purge\):/\1 (lab in-process):/'

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
kill "$lab" 2>/dev/null || true
wait "$lab" 2>/dev/null || true
lab=""

# Two remote nodes (edgelabd processes: a shield and an edge behind it), the console on --connect.
base=${BASE_PORT:-28180}
pids=()
stop_nodes() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; stop_lab; }
trap stop_nodes EXIT
./build/bin/edgelabd origin --listen 127.0.0.1:$base >"$state/origin.log" 2>&1 & pids+=($!)
node() {  # name listen admin upstream
  cat >"$state/$1.json" <<JSON
{"name":"$1","listen":"127.0.0.1:$2","upstream":"http://127.0.0.1:$4","region":"$5",
 "admin":{"listen":"127.0.0.1:$3","token_file":"$state/$1.token"}}
JSON
  ./build/bin/edgelabd node --config "$state/$1.json" >"$state/$1.log" 2>&1 & pids+=($!)
}
node shield-remote $((base + 1)) $((base + 2)) $base eu-central-1
node edge-remote $((base + 3)) $((base + 4)) $((base + 1)) fr-central
for _ in $(seq 50); do [ -s "$state/edge-remote.token" ] && [ -s "$state/shield-remote.token" ] && break; sleep 0.1; done
for i in $(seq 1 200); do
  curl -s -o /dev/null -H 'Host: www.example.com' "http://127.0.0.1:$((base + 3))/obj/n$i?size=2000&ttl=3600&tags=news"
done
cat >"$state/nodes.json" <<JSON
[{"name":"shield-remote","admin_url":"http://127.0.0.1:$((base + 2))","token_file":"$state/shield-remote.token","role":"shield"},
 {"name":"edge-remote","admin_url":"http://127.0.0.1:$((base + 4))","token_file":"$state/edge-remote.token"}]
JSON
PURGE=tag:news; AT=6; console --connect "$state/nodes.json" | sed 's/^\(console\|purge\):/\1 (two remote nodes):/'
