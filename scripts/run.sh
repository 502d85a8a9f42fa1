#!/usr/bin/env bash
# The main job: install what is missing, build, and show the default lab
# (12 PoPs, 3 shields, an origin, simulated users) live in the console; the
# lab runs in-process and the console drives it over its loopback API.
# With no display (DISPLAY and WAYLAND_DISPLAY unset) it says so and runs the
# lab headless for 20 s with its report instead.
# Extra arguments go to `edgelab` (e.g. --topology world50 --rps 800), or,
# headless, to `edgelabd lab` (e.g. --duration 60).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-deps.sh
./scripts/build.sh dev
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  echo "run.sh: no display (DISPLAY and WAYLAND_DISPLAY are unset); running the lab headless"
  exec ./build/bin/edgelabd lab "$@"
fi
exec ./build/bin/edgelab "$@"
