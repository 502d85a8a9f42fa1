#!/usr/bin/env bash
# The main job: install what is missing, build, run a small headless lab
# (origin + 1 shield + 2 edges) and print what it served.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-deps.sh
./scripts/build.sh dev
exec ./build/bin/edgelabd lab "$@"
