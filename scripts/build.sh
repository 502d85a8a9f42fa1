#!/usr/bin/env bash
# Configures (once) and builds with the given preset (default: dev).
set -euo pipefail
cd "$(dirname "$0")/.."
PRESET=${1:-dev}
dir=build; [ "$PRESET" = asan ] && dir=build-asan
[ -f "$dir/build.ninja" ] || cmake --preset "$PRESET" >/dev/null
cmake --build --preset "$PRESET"
