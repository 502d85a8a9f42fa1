#!/usr/bin/env bash
# The main job: install what is missing, build, and show the default lab
# (12 PoPs, 3 shields, an origin, simulated users) live in the console.
# With no display (DISPLAY and WAYLAND_DISPLAY unset) it says so and runs the
# lab headless for 20 s with its report, as `edgelab --headless` does.
# Extra arguments go to `edgelabd lab` (e.g. --topology world50 --rps 800).
#
# Until the console starts its lab in-process (engine/lab/lab_service.hpp),
# the lab runs beside it as `edgelabd lab --serve` and the console watches its
# nodes through their admin APIs (edgelab --connect nodes.json).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-deps.sh
./scripts/build.sh dev
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  echo "run.sh: no display (DISPLAY and WAYLAND_DISPLAY are unset); running the lab headless"
  exec ./build/bin/edgelabd lab "$@"
fi
state=$(mktemp -d /tmp/edgelab-run.XXXXXX)
./build/bin/edgelabd lab --serve --duration 86400 --nodes-file "$state/nodes.json" "$@" >"$state/lab.log" 2>&1 &
lab=$!
# The first signal ends the lab's traffic run, the next one its serving.
stop_lab() {
  for _ in $(seq 50); do kill "$lab" 2>/dev/null || break; sleep 0.2; done
  wait "$lab" 2>/dev/null || true
  rm -rf "$state"
}
trap stop_lab EXIT
for _ in $(seq 100); do
  [ -s "$state/nodes.json" ] && break
  kill -0 "$lab" 2>/dev/null || { cat "$state/lab.log"; exit 1; }
  sleep 0.1
done
./build/bin/edgelab --connect "$state/nodes.json"
