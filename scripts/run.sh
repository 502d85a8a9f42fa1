#!/usr/bin/env bash
# The main job: install what is missing, build, run the default lab headless
# (12 PoPs, 3 shields, an origin, 20 s of simulated users) and print its report.
# Extra arguments go to `edgelabd lab` (e.g. --topology world50 --duration 60).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-deps.sh
./scripts/build.sh dev
exec ./build/bin/edgelabd lab "$@"
