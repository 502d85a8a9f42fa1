#!/usr/bin/env bash
# Install what is missing, build, run the whole test suite under CTest.
# PRESET=asan runs it with AddressSanitizer + UndefinedBehaviorSanitizer.
set -euo pipefail
cd "$(dirname "$0")/.."
PRESET=${PRESET:-dev}
./scripts/install-deps.sh
./scripts/build.sh "$PRESET"
ctest --preset "$PRESET" -j2 --timeout 300
